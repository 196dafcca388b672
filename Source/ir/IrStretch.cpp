// SPDX-License-Identifier: GPL-3.0-or-later
#include "IrStretch.h"

#include "io/Resampler.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace partita
{

void stretchImpulseResponse (AudioClip& impulseResponse, double factor)
{
    if (!(factor >= 0.1 && factor <= 10.0))
        throw std::invalid_argument ("cannot stretch an impulse response by a factor of " + std::to_string (factor)
                                     + " (0.1 to 10 allowed)");
    if (factor == 1.0 || impulseResponse.numFrames() == 0)
        return;

    const double rate = impulseResponse.sampleRate;
    if (!(rate > 0.0) || !std::isfinite (rate))
        throw std::invalid_argument ("cannot stretch an impulse response without a valid sample rate");

    // Resampling from rate to rate * factor and keeping the rate label plays
    // the same waveform factor times slower.
    for (auto& channel : impulseResponse.channels)
        channel = resample (channel, rate, rate * factor);
}

} // namespace partita
