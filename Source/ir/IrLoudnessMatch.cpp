// SPDX-License-Identifier: GPL-3.0-or-later
#include "IrLoudnessMatch.h"

#include "analysis/KWeightingFilter.h"

#include <cmath>
#include <stdexcept>
#include <vector>

namespace partita
{

double irLoudnessEnergy (const AudioClip& impulseResponse, std::size_t outputs)
{
    double sum = 0.0;
    for (const auto& channel : impulseResponse.channels)
        sum += kWeightedEnergy (channel, impulseResponse.sampleRate);
    const auto divisor = outputs > 0 ? outputs : impulseResponse.numChannels();
    return divisor > 0 ? sum / static_cast<double> (divisor) : 0.0;
}

double unitImpulseLoudnessEnergy (double sampleRate)
{
    const std::vector<double> impulse { 1.0 };
    return kWeightedEnergy (impulse, sampleRate);
}

double matchImpulseResponseLoudness (AudioClip& impulseResponse, std::size_t outputs)
{
    const double energy = irLoudnessEnergy (impulseResponse, outputs);
    if (!(energy > 0.0) || !std::isfinite (energy))
        throw std::invalid_argument ("the impulse response is silent to K-weighting, so it cannot be given a "
                                     "loudness");
    const double scale = std::sqrt (unitImpulseLoudnessEnergy (impulseResponse.sampleRate) / energy);
    for (auto& channel : impulseResponse.channels)
        for (auto& sample : channel)
            sample *= scale;
    return scale;
}

} // namespace partita
