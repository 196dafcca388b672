// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <vector>

namespace partita
{

/** What `partita info` was asked to look at. */
struct InfoOptions
{
    std::vector<std::filesystem::path> files;
};

} // namespace partita
