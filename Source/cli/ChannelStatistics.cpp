// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChannelStatistics.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>

namespace partita
{

namespace
{
/** Four running peaks and counts, so that no step waits for the one before:
    a maximum and a count are exact in any order, so the result is the same
    as one pass in order (a NaN is never taken for a peak either way). */
ChannelStatistics measurePeak (std::span<const double> samples) noexcept
{
    constexpr std::size_t lanes = 4;
    std::array<double, lanes> peaks {};
    std::array<std::size_t, lanes> beyond {};
    std::size_t index = 0;
    for (; index + lanes <= samples.size(); index += lanes)
    {
        for (std::size_t lane = 0; lane < lanes; ++lane)
        {
            const auto magnitude = std::abs (samples[index + lane]);
            peaks[lane] = std::max (peaks[lane], magnitude);
            beyond[lane] += magnitude > 1.0 ? 1 : 0;
        }
    }
    for (; index < samples.size(); ++index)
    {
        const auto magnitude = std::abs (samples[index]);
        peaks[0] = std::max (peaks[0], magnitude);
        beyond[0] += magnitude > 1.0 ? 1 : 0;
    }

    ChannelStatistics statistics;
    for (std::size_t lane = 0; lane < lanes; ++lane)
    {
        statistics.peak = std::max (statistics.peak, peaks[lane]);
        statistics.samplesBeyondFullScale += beyond[lane];
    }
    return statistics;
}
} // namespace

ChannelStatistics measureChannel (std::span<const double> samples, ChannelMeasures measures) noexcept
{
    if (measures == ChannelMeasures::peakOnly)
        return measurePeak (samples);

    ChannelStatistics statistics;
    double sumOfSquares = 0.0;
    for (const auto sample : samples)
    {
        const auto magnitude = std::abs (sample);
        statistics.peak = std::max (statistics.peak, magnitude);
        sumOfSquares += sample * sample;
        if (magnitude > 1.0)
            ++statistics.samplesBeyondFullScale;
    }
    if (!samples.empty())
        statistics.rms = std::sqrt (sumOfSquares / static_cast<double> (samples.size()));
    return statistics;
}

double gainToDecibels (double level) noexcept
{
    if (!(level > 0.0))
        return -std::numeric_limits<double>::infinity();
    return 20.0 * std::log10 (level);
}

std::string formatDecibels (double decibels)
{
    if (std::isinf (decibels) && decibels < 0.0)
        return "-inf";
    if (std::isnan (decibels))
        return "nan";

    // Round first so that +0.04 prints as "0.0", not "+0.0".
    const double rounded = std::round (decibels * 10.0) / 10.0;
    char text[64] = {};
    std::snprintf (text, sizeof (text), rounded > 0.0 ? "+%.1f" : "%.1f", rounded == 0.0 ? 0.0 : rounded);
    return text;
}

} // namespace partita
