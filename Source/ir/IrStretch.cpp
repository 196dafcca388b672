// SPDX-License-Identifier: GPL-3.0-or-later
#include "IrStretch.h"

#include "io/Resampler.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace partita
{
namespace
{
double energyOf (const AudioClip& clip)
{
    double energy = 0.0;
    for (const auto& channel : clip.channels)
        for (const double sample : channel)
            energy += sample * sample;
    return energy;
}
} // namespace

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
    const double originalEnergy = energyOf (impulseResponse);
    for (auto& channel : impulseResponse.channels)
        channel = resample (channel, rate, rate * factor);

    // The same wet energy as before the stretch (the header says why). A
    // silent IR stays silent.
    const double stretchedEnergy = energyOf (impulseResponse);
    if (!(stretchedEnergy > 0.0) || !(originalEnergy > 0.0))
        return;
    const double gain = std::sqrt (originalEnergy / stretchedEnergy);
    for (auto& channel : impulseResponse.channels)
        for (auto& sample : channel)
            sample *= gain;
}

} // namespace partita
