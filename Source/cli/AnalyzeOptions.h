// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/RoomAcousticAnalysis.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <vector>

namespace partita
{

/** How `partita analyze` prints its results. */
enum class AnalyzeOutput
{
    table,
    json,
    csv,
};

/** What `partita analyze IR...` was asked to do. */
struct AnalyzeOptions
{
    std::vector<std::filesystem::path> files;
    BandResolution bands = BandResolution::octave;
    AnalyzeOutput output = AnalyzeOutput::table;
    /** Non-empty: draw the decay curves and their fits into this SVG file. */
    std::filesystem::path plot;
    /** 1-based; nothing: every channel (their ISO 3382-1 average, or W of
        a B-format file). */
    std::optional<std::size_t> channel;
};

} // namespace partita
