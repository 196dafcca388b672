// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RenderOptions.h"
#include "engine/ConvolutionMode.h"
#include "io/OutputFormat.h"

#include <filesystem>
#include <optional>

namespace partita
{

/** Everything `partita correlate A B` was asked to do; defaults are the
    documented defaults of the command line. */
struct CorrelateOptions
{
    /** A, the signal: the file the lag is measured for. */
    std::filesystem::path first;
    /** B, the kernel: slid along A without being flipped. */
    std::filesystem::path second;
    /** Empty: only the lags are printed, no file is written. */
    std::filesystem::path output;

    ConvolutionMode mode = ConvolutionMode::full;
    ConvolutionMethod method = ConvolutionMethod::automatic;
    Precision precision = Precision::float32;
    /** Empty: the container's default sample format. */
    std::optional<SampleFormat> sampleFormat;

    bool force = false;
    /** Print only the lags, one integer per line, for scripts. */
    bool quiet = false;
    /** Print the lags and peaks as one JSON object, for scripts. */
    bool json = false;
};

} // namespace partita
