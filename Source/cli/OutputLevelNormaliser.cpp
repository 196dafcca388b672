// SPDX-License-Identifier: GPL-3.0-or-later
#include "OutputLevelNormaliser.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace partita
{

namespace
{
std::string leftUnscaled (const std::filesystem::path& output, const std::string& why)
{
    return "warning: " + output.string() + " " + why + "; --normalize-output left it unscaled";
}

std::vector<const double*> channelPointers (const AudioClip& clip)
{
    std::vector<const double*> pointers;
    for (const auto& channel : clip.channels)
        pointers.push_back (channel.data());
    return pointers;
}
} // namespace

OutputLevelNormaliser::OutputLevelNormaliser (const OutputNormalisation& target, double rate, std::size_t numChannels)
    : normalisation (target)
    , sampleRate (rate)
{
    if (normalisation.measure == OutputLevelMeasure::loudness)
        meter.emplace (sampleRate, bs1770ChannelWeights (numChannels));
}

void OutputLevelNormaliser::measure (std::span<const double* const> channels, std::size_t frames)
{
    for (const auto* channel : channels)
    {
        for (std::size_t n = 0; n < frames; ++n)
        {
            const double magnitude = std::abs (channel[n]);
            allFinite = allFinite && std::isfinite (magnitude);
            peak = std::max (peak, magnitude);
        }
    }
    if (meter)
        meter->process (channels, frames);
    numFrames += frames;
}

std::optional<double> OutputLevelNormaliser::loudness() const
{
    return meter ? meter->integratedLoudness() : std::nullopt;
}

OutputLevelOutcome OutputLevelNormaliser::outcome (const std::filesystem::path& output) const
{
    OutputLevelOutcome outcome;
    if (!allFinite)
    {
        outcome.warning = leftUnscaled (output, "holds samples that are not finite numbers");
        return outcome;
    }

    double measuredDb = 0.0;
    if (!meter)
    {
        if (peak == 0.0)
        {
            outcome.warning = leftUnscaled (output, "is silent");
            return outcome;
        }
        measuredDb = 20.0 * std::log10 (peak);
    }
    else
    {
        const auto measured = meter->integratedLoudness();
        if (!measured)
        {
            outcome.warning = leftUnscaled (output, static_cast<double> (numFrames) < 0.4 * sampleRate
                                                        ? "is shorter than the 400 ms of a loudness block"
                                                        : "is silent (no loudness block above -70 LUFS)");
            return outcome;
        }
        measuredDb = *measured;
    }

    outcome.gainDb = normalisation.target - measuredDb;
    outcome.gain = std::pow (10.0, *outcome.gainDb / 20.0);
    return outcome;
}

OutputLevelOutcome normaliseOutputLevel (AudioClip& clip, const OutputNormalisation& normalisation,
                                         const std::filesystem::path& output)
{
    OutputLevelNormaliser before (normalisation, clip.sampleRate, clip.numChannels());
    before.measure (channelPointers (clip), clip.numFrames());
    auto outcome = before.outcome (output);
    if (!outcome.gainDb)
        return outcome;

    for (auto& channel : clip.channels)
        for (auto& sample : channel)
            sample *= outcome.gain;

    // Measured again rather than assumed, so that the report states what
    // is written.
    if (normalisation.measure == OutputLevelMeasure::loudness)
    {
        OutputLevelNormaliser after (normalisation, clip.sampleRate, clip.numChannels());
        after.measure (channelPointers (clip), clip.numFrames());
        outcome.loudness = after.loudness();
    }
    return outcome;
}

} // namespace partita
