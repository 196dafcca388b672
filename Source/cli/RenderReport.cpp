// SPDX-License-Identifier: GPL-3.0-or-later
#include "RenderReport.h"

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
           + " samples beyond full scale";
}

std::optional<std::string> clippingWarning (const RenderReport& report)
{
    if (!isFixedPoint (report.sampleFormat) || !(report.peak > 1.0))
        return std::nullopt;

    // Rounded up, so that following the advice really does stop the clipping.
    const double excess = std::max (0.1, std::ceil (gainToDecibels (report.peak) * 10.0) / 10.0);
    char amount[64] = {};
    std::snprintf (amount, sizeof (amount), "%.1f", excess);

    return "warning: " + report.output.string() + " clips: peak +" + amount + " dBFS in "
           + std::string (toString (report.sampleFormat)) + "; lower --gain by at least " + amount
           + " dB or use --format float";
}

} // namespace partita
