// SPDX-License-Identifier: GPL-3.0-or-later
#include "OutputLevelNormaliser.h"

#include "analysis/LoudnessMeter.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace partita
{

namespace
{
double samplePeak (const AudioClip& clip)
{
    double peak = 0.0;
    for (const auto& channel : clip.channels)
        for (const double sample : channel)
            peak = std::max (peak, std::abs (sample));
    return peak;
}

bool allFinite (const AudioClip& clip)
{
    return std::ranges::all_of (clip.channels, [] (const auto& channel)
                                { return std::ranges::all_of (channel, [] (double x) { return std::isfinite (x); }); });
}

std::optional<double> integratedLoudness (const AudioClip& clip)
{
    LoudnessMeter meter (clip.sampleRate, bs1770ChannelWeights (clip.numChannels()));
    std::vector<const double*> channels;
    for (const auto& channel : clip.channels)
        channels.push_back (channel.data());
    meter.process (channels, clip.numFrames());
    return meter.integratedLoudness();
}

std::string leftUnscaled (const std::filesystem::path& output, const std::string& why)
{
    return "warning: " + output.string() + " " + why + "; --normalize-output left it unscaled";
}
} // namespace

OutputLevelOutcome normaliseOutputLevel (AudioClip& clip, const OutputNormalisation& normalisation,
                                         const std::filesystem::path& output)
{
    OutputLevelOutcome outcome;
    if (!allFinite (clip))
    {
        outcome.warning = leftUnscaled (output, "holds samples that are not finite numbers");
        return outcome;
    }

    double measuredDb = 0.0;
    if (normalisation.measure == OutputLevelMeasure::samplePeak)
    {
        const double peak = samplePeak (clip);
        if (peak == 0.0)
        {
            outcome.warning = leftUnscaled (output, "is silent");
            return outcome;
        }
        measuredDb = 20.0 * std::log10 (peak);
    }
    else
    {
        const auto loudness = integratedLoudness (clip);
        if (!loudness)
        {
            outcome.warning = leftUnscaled (output, clip.numFrames() < static_cast<std::size_t> (0.4 * clip.sampleRate)
                                                        ? "is shorter than the 400 ms of a loudness block"
                                                        : "is silent (no loudness block above -70 LUFS)");
            return outcome;
        }
        measuredDb = *loudness;
    }

    const double gainDb = normalisation.target - measuredDb;
    const double gain = std::pow (10.0, gainDb / 20.0);
    for (auto& channel : clip.channels)
        for (auto& sample : channel)
            sample *= gain;
    outcome.gainDb = gainDb;
    // Measured again rather than assumed, so that the report states what
    // was written.
    if (normalisation.measure == OutputLevelMeasure::loudness)
        outcome.loudness = integratedLoudness (clip);
    return outcome;
}

} // namespace partita
