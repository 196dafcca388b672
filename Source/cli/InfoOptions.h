// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <vector>

namespace partita
{

/** What `partita info` was asked to look at. */
struct InfoOptions
{
    /** "-" stands for standard input. */
    std::vector<std::filesystem::path> files;
    /** --json: one JSON object per file (an array for several), for scripts. */
    bool json = false;
};

} // namespace partita
