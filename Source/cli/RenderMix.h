// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RenderOptions.h"
#include "io/AudioClip.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace partita
{

/** The render's mix: output = gain * (mix * wetGain * wet + (1 - mix) *
    dryGain * dry), as two scales. Shared by RenderJob and StreamingRenderJob,
    whose outputs must stay identical. */
struct MixScales
{
    double wet = 1.0;
    double dry = 0.0;
};

inline double decibelsToGain (double decibels)
{
    return std::pow (10.0, decibels / 20.0);
}

inline MixScales mixScalesFor (const RenderOptions& options)
{
    const double outputGain = decibelsToGain (options.outputGainDb);
    MixScales scales;
    scales.wet = outputGain * options.mix * decibelsToGain (options.wetGainDb);
    scales.dry = outputGain * (1.0 - options.mix) * decibelsToGain (options.dryGainDb);
    return scales;
}

/** What RenderJob and StreamingRenderJob refuse alike, with the same
    std::invalid_argument: an input without samples, an IR without samples,
    at another rate than the input, or with channels of different lengths. */
inline void checkRenderable (std::size_t inputChannels, std::uint64_t inputFrames, double inputRate,
                             const AudioClip& impulseResponse)
{
    if (inputChannels == 0 || inputFrames == 0)
        throw std::invalid_argument ("the input holds no samples");
    if (impulseResponse.numChannels() == 0 || impulseResponse.numFrames() == 0)
        throw std::invalid_argument ("the impulse response holds no samples");
    if (impulseResponse.sampleRate != inputRate)
        throw std::invalid_argument ("the impulse response is at " + std::to_string (impulseResponse.sampleRate)
                                     + " Hz but the input at " + std::to_string (inputRate) + " Hz; resample it first");
    for (const auto& channel : impulseResponse.channels)
        if (channel.size() != impulseResponse.numFrames())
            throw std::invalid_argument ("a clip has channels of different lengths");
}

/** A channel of double samples in the render's precision. */
template <typename Sample>
std::vector<Sample> convertChannel (const std::vector<double>& channel)
{
    std::vector<Sample> converted (channel.size());
    std::transform (channel.begin(), channel.end(), converted.begin(),
                    [] (double sample) { return static_cast<Sample> (sample); });
    return converted;
}

} // namespace partita
