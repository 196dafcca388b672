// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecordingDeconvolution.h"

#include "measure/MeasurementError.h"
#include "measure/SweepDeconvolver.h"
#include "measure/SweepFile.h"
#include "state/RestoredImpulseResponse.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <optional>

namespace partita
{
namespace
{
std::string withDecimals (double value, int decimals)
{
    char text[48];
    std::snprintf (text, sizeof (text), "%.*f", decimals, value);
    return text;
}

/** "peak to noise 61.2 dB, latency 12.4 ms"; over several channels the
    lowest ratio and the latencies' range. */
std::string describeResult (const DeconvolutionResult& result)
{
    double lowestRatio = INFINITY;
    double earliest = INFINITY;
    double latest = 0.0;
    for (const auto& channel : result.channels)
    {
        lowestRatio = std::min (lowestRatio, channel.peakToNoiseDb);
        earliest = std::min (earliest, channel.latencySeconds);
        latest = std::max (latest, channel.latencySeconds);
    }
    const auto ratio =
        std::isfinite (lowestRatio) ? withDecimals (lowestRatio, 1) + " dB" : std::string ("above any noise");
    auto latency = withDecimals (earliest * 1000.0, 1) + " ms";
    if (latest - earliest >= 0.00005)
        latency += " to " + withDecimals (latest * 1000.0, 1) + " ms";
    return std::string (result.channels.size() > 1 ? "lowest peak to noise " : "peak to noise ") + ratio + ", latency "
           + latency + " (removed)";
}
} // namespace

std::string SweepChoice::describe() const
{
    if (file.empty())
        return "Partita's default sweep (20 Hz to 20 kHz, 10 s)";
    return "the sweep '" + utf8FromPath (file.filename()) + "'";
}

SweepSpec defaultSweepSpec (double sampleRate)
{
    SweepSpec spec;
    spec.sampleRate = sampleRate;
    // Up to 20 kHz, or below Nyquist at a low rate, as `partita sweep` does.
    spec.endHz = std::min (spec.endHz, 0.5 * sampleRate * 0.95);
    return spec;
}

ImpulseResponseFileLoader::Computed deconvolveRecording (const std::filesystem::path& recording,
                                                         const SweepChoice& sweep)
{
    const auto name = utf8FromPath (recording.filename());
    // readSweepFile gives the audio and, when Partita's spec is in the
    // file's comment, the sweep itself.
    auto recorded = readSweepFile (recording);

    DeconvolutionSettings settings;
    settings.latency = LatencyHandling::remove;
    std::optional<SweepDeconvolver> deconvolver;
    std::string sweepUsed;
    if (recorded.spec.has_value())
    {
        deconvolver.emplace (*recorded.spec, settings);
        sweepUsed = "the sweep in its metadata";
    }
    else if (!sweep.file.empty())
    {
        deconvolver.emplace (readSweepFile (sweep.file), settings);
        sweepUsed = sweep.describe();
    }
    else
    {
        deconvolver.emplace (defaultSweepSpec (recorded.audio.sampleRate), settings);
        sweepUsed = sweep.describe();
    }

    const std::array<AudioClip, 1> recordings { std::move (recorded.audio) };
    const std::array<std::string, 1> names { "'" + name + "'" };
    const auto result = deconvolver->deconvolve (recordings, names);
    if (result.channels.empty())
        throw MeasurementError ("'" + name + "' gave no impulse response");

    ImpulseResponseFileLoader::Computed computed;
    computed.clip = result.impulseResponse();
    computed.note = "deconvolved with " + sweepUsed + ": " + describeResult (result);
    return computed;
}

} // namespace partita
