// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChannelStatistics.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace partita
{

ChannelStatistics measureChannel (std::span<const double> samples) noexcept
{
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
