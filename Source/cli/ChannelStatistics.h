// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <span>
#include <string>

namespace partita
{

/** Level facts about one channel, relative to full scale (1.0). */
struct ChannelStatistics
{
    double peak = 0.0;
    double rms = 0.0;
    /** Samples whose magnitude exceeds full scale: these clip in a
        fixed-point file. */
    std::size_t samplesBeyondFullScale = 0;
};

/** What measureChannel measures. */
enum class ChannelMeasures
{
    /** Peak, RMS and samples beyond full scale. */
    all,
    /** Peak and samples beyond full scale, rms left at 0: what a render
        report needs, in a fraction of the time (no serial sum). */
    peakOnly,
};

ChannelStatistics measureChannel (std::span<const double> samples,
                                  ChannelMeasures measures = ChannelMeasures::all) noexcept;

/** 20 log10 (level); -infinity for silence. */
double gainToDecibels (double level) noexcept;

/** A level in dB with one decimal and an explicit sign above 0 ("+1.2",
    "-6.0", "0.0"), or "-inf" for silence. */
std::string formatDecibels (double decibels);

} // namespace partita
