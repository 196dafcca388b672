// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "IrNormalisation.h"
#include "io/AudioClip.h"

#include <string>

namespace partita
{

/** The IR chain run before convolution, the same for the CLI and the plugin:
    checks that the IR holds audio, resamples it to the rate it will be used at
    (libsoxr, high quality) and normalises it.

    Throws AudioFileError with a one-line message naming `sourceName` (usually
    the IR's file name) when the IR has no channels, no samples, channels of
    different lengths or NaN/infinite samples, or when a normalisation is asked
    for and the IR is silent; std::invalid_argument for a target rate that is
    not positive and finite.

    Threading: a pure function; call it from any thread. */
AudioClip prepareImpulseResponse (AudioClip impulseResponse, double targetRate, IrNormalisation normalisation,
                                  const std::string& sourceName = "the impulse response");

} // namespace partita
