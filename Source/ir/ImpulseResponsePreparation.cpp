// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImpulseResponsePreparation.h"

#include "io/AudioFileError.h"
#include "io/Resampler.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace partita
{

namespace
{
std::string inQuotes (const std::string& name)
{
    return "'" + name + "'";
}

void checkHoldsAudio (const AudioClip& clip, const std::string& sourceName)
{
    if (clip.numChannels() == 0)
        throw AudioFileError (inQuotes (sourceName) + " holds no channels");

    const auto length = clip.numFrames();
    for (const auto& channel : clip.channels)
        if (channel.size() != length)
            throw AudioFileError (inQuotes (sourceName) + " has channels of different lengths");

    if (length == 0)
        throw AudioFileError (inQuotes (sourceName) + " holds no samples");

    for (std::size_t index = 0; index < clip.numChannels(); ++index)
    {
        const auto& channel = clip.channels[index];
        const auto bad = std::find_if (channel.begin(), channel.end(), [] (double s) { return !std::isfinite (s); });
        if (bad != channel.end())
            throw AudioFileError (inQuotes (sourceName) + " contains NaN or infinite samples (channel "
                                  + std::to_string (index + 1) + ", frame "
                                  + std::to_string (static_cast<std::size_t> (bad - channel.begin())) + ")");
    }
}
} // namespace

AudioClip prepareImpulseResponse (AudioClip impulseResponse, double targetRate, IrNormalisation normalisation,
                                  const std::string& sourceName)
{
    if (!(targetRate > 0.0) || !std::isfinite (targetRate))
        throw std::invalid_argument ("cannot prepare " + inQuotes (sourceName) + " for a sample rate of "
                                     + std::to_string (targetRate) + " Hz");

    checkHoldsAudio (impulseResponse, sourceName);

    if (impulseResponse.sampleRate != targetRate)
    {
        if (!(impulseResponse.sampleRate > 0.0) || !std::isfinite (impulseResponse.sampleRate))
            throw AudioFileError (inQuotes (sourceName) + " has no valid sample rate");

        // An IR is a continuous-time response sampled at its rate: its
        // samples are the response times the sampling interval. Resampled to
        // another rate, each sample is scaled by the ratio of the rates, so
        // that the frequency response (and the wet level) is the same at any
        // session rate; a plain resampler would add 20 log10 (to / from) dB.
        const auto levelAtNewRate = impulseResponse.sampleRate / targetRate;
        impulseResponse = resample (impulseResponse, targetRate);
        impulseResponse.sampleRate = targetRate;
        for (auto& channel : impulseResponse.channels)
            for (auto& sample : channel)
                sample *= levelAtNewRate;

        // Samples near the float's limit (a damaged file reads as 3e38) can
        // ring beyond it in the resampler's filter: refuse, never pass an
        // infinity on to the engine.
        for (const auto& channel : impulseResponse.channels)
            if (std::any_of (channel.begin(), channel.end(), [] (double s) { return !std::isfinite (s); }))
                throw AudioFileError (inQuotes (sourceName) + " has samples too large to resample to "
                                      + std::to_string (static_cast<long long> (std::lround (targetRate)))
                                      + " Hz: the result would overflow 32-bit float");

        // A few samples at a high rate can round to none at a much lower one.
        if (impulseResponse.numFrames() == 0)
            throw AudioFileError (inQuotes (sourceName) + " is too short to resample to "
                                  + std::to_string (static_cast<long long> (std::lround (targetRate))) + " Hz");
    }

    try
    {
        normaliseImpulseResponse (impulseResponse, normalisation);
    }
    catch (const std::invalid_argument&)
    {
        throw AudioFileError (inQuotes (sourceName) + " is silent, so it cannot be normalised by "
                              + std::string (toString (normalisation)));
    }
    return impulseResponse;
}

} // namespace partita
