// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/OutputFormat.h"
#include "measure/SweepSpec.h"

#include <filesystem>
#include <optional>

namespace partita
{

/** Everything `partita sweep` was asked to do; the spec's defaults are the
    command line's. */
struct SweepOptions
{
    std::filesystem::path output;
    SweepSpec spec;
    /** The end frequency was given; otherwise 20 kHz, or Nyquist when lower. */
    bool endGiven = false;
    /** Empty: the container's default sample format. */
    std::optional<SampleFormat> sampleFormat;
    bool force = false;
};

} // namespace partita
