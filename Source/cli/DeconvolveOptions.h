// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/OutputFormat.h"
#include "measure/SweepDeconvolver.h"

#include <filesystem>
#include <optional>
#include <vector>

namespace partita
{

/** Everything `partita deconvolve` was asked to do. */
struct DeconvolveOptions
{
    std::vector<std::filesystem::path> recordings;
    std::filesystem::path sweep;
    std::filesystem::path output;
    /** The library's settings; the reference channel is 0-based here, 1-based on the command line. */
    DeconvolutionSettings settings;
    /** Empty: the container's default sample format. */
    std::optional<SampleFormat> sampleFormat;
    bool force = false;
};

} // namespace partita
