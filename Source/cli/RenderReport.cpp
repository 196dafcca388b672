// SPDX-License-Identifier: GPL-3.0-or-later
#include "RenderReport.h"

#include "io/QuotedText.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace partita
{

namespace
{
std::string formatRate (double rate)
{
    char text[64] = {};
    if (std::floor (rate) == rate && std::abs (rate) < 1.0e12)
        std::snprintf (text, sizeof (text), "%.0f", rate);
    else
        std::snprintf (text, sizeof (text), "%.3f", rate);
    return text;
}

std::string normalisationPart (const RenderReport& report)
{
    if (!report.normalisationGainDb)
        return {};
    char gain[64] = {};
    std::snprintf (gain, sizeof (gain), "%+.2f", *report.normalisationGainDb);
    std::string part = std::string (", normalised by ") + gain + " dB";
    if (report.loudness)
        part += ", loudness " + formatDecibels (*report.loudness) + " LUFS";
    return part;
}

std::string formatSeconds (double seconds)
{
    char text[64] = {};
    std::snprintf (text, sizeof (text), "%.3f", seconds);
    return text;
}
} // namespace

RenderReport measureRender (const std::filesystem::path& output, const AudioClip& clip, SampleFormat format)
{
    RenderReport report;
    report.output = output;
    report.numChannels = clip.numChannels();
    report.sampleRate = clip.sampleRate;
    report.numFrames = clip.numFrames();
    report.sampleFormat = format;
    for (const auto& channel : clip.channels)
    {
        const auto statistics = measureChannel (channel, ChannelMeasures::peakOnly);
        report.peak = std::max (report.peak, statistics.peak);
        report.samplesBeyondFullScale += statistics.samplesBeyondFullScale;
    }
    return report;
}

std::string formatReportLine (const RenderReport& report)
{
    const double seconds = report.sampleRate > 0.0 ? static_cast<double> (report.numFrames) / report.sampleRate : 0.0;
    return report.output.string() + ": " + std::to_string (report.numChannels) + " ch, "
           + formatRate (report.sampleRate) + " Hz, " + formatSeconds (seconds) + " s, peak "
           + formatDecibels (gainToDecibels (report.peak)) + " dBFS, " + std::to_string (report.samplesBeyondFullScale)
           + " samples beyond full scale" + normalisationPart (report);
}

std::string clipFailureMessage (const RenderReport& report)
{
    return quoted (report.output) + " not written: peak " + formatDecibels (gainToDecibels (report.peak)) + " dBFS, "
           + std::to_string (report.samplesBeyondFullScale) + " samples beyond full scale (--fail-on-clip)";
}

std::optional<std::string> clippingWarning (const RenderReport& report)
{
    if (report.samplesBeyondFullScale == 0 || !(report.peak > 1.0))
        return std::nullopt;

    // The peak as the report line prints it; the advice rounded up, so that
    // following it really does stop the clipping.
    const auto peak = formatDecibels (gainToDecibels (report.peak));
    const double excess = std::max (0.1, std::ceil (gainToDecibels (report.peak) * 10.0) / 10.0);
    char amount[64] = {};
    std::snprintf (amount, sizeof (amount), "%.1f", excess);
    const auto beyond = std::to_string (report.samplesBeyondFullScale) + " samples beyond full scale";
    // After --normalize-output, --gain changes nothing: the target does.
    const std::string lower = report.normalisationGainDb ? "lower the --normalize-output target" : "lower --gain";

    if (isFixedPoint (report.sampleFormat))
        return "warning: " + report.output.string() + " clips: peak " + peak + " dBFS in "
               + std::string (toString (report.sampleFormat)) + " (" + beyond + "); " + lower + " by at least " + amount
               + " dB or use --format float";
    // Float files keep such samples, and Vorbis encodes them, but they clip
    // as soon as the file is played or converted to PCM.
    return "warning: " + report.output.string() + " holds " + beyond + " (peak " + peak + " dBFS in "
           + std::string (toString (report.sampleFormat)) + "); they clip when the file is played or converted; "
           + lower + " by at least " + amount + " dB";
}

} // namespace partita
