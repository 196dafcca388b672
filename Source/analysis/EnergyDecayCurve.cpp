// SPDX-License-Identifier: GPL-3.0-or-later
#include "EnergyDecayCurve.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace partita
{
namespace
{
/** The short-time energy of the first pass: Lundeby's 10 to 50 ms, at its short end. */
constexpr double firstIntervalSeconds = 0.01;
/** Intervals per 10 dB of decay in the later passes (Lundeby: 3 to 10). */
constexpr double intervalsPerTenDb = 5.0;
constexpr int maximumPasses = 5;

struct Block
{
    double seconds;  // the interval's centre
    double decibels; // its mean energy per frame
};

struct Line
{
    bool valid = false;
    double interceptDb = 0.0;
    double slopeDbPerSecond = 0.0;
    double correlation = 0.0;

    [[nodiscard]] double at (double seconds) const noexcept { return interceptDb + slopeDbPerSecond * seconds; }
};

double toDecibels (double energy) noexcept
{
    return energy > 0.0 ? 10.0 * std::log10 (energy) : -std::numeric_limits<double>::infinity();
}

double meanOf (std::span<const double> energy) noexcept
{
    double sum = 0.0;
    for (const auto value : energy)
        sum += value;
    return energy.empty() ? 0.0 : sum / static_cast<double> (energy.size());
}

std::vector<Block> averaged (std::span<const double> energy, std::size_t width, double rate)
{
    std::vector<Block> blocks;
    for (std::size_t begin = 0; begin < energy.size(); begin += width)
    {
        const auto count = std::min (width, energy.size() - begin);
        blocks.push_back ({ (static_cast<double> (begin) + 0.5 * static_cast<double> (count)) / rate,
                            toDecibels (meanOf (energy.subspan (begin, count))) });
    }
    return blocks;
}

/** Least squares of y on x; centred sums, so long curves lose no precision. */
template <typename Point>
Line regress (std::size_t count, Point point)
{
    if (count < 2)
        return {};
    double meanX = 0.0, meanY = 0.0;
    for (std::size_t i = 0; i < count; ++i)
    {
        const auto [x, y] = point (i);
        meanX += x;
        meanY += y;
    }
    meanX /= static_cast<double> (count);
    meanY /= static_cast<double> (count);
    double sxx = 0.0, sxy = 0.0, syy = 0.0;
    for (std::size_t i = 0; i < count; ++i)
    {
        const auto [x, y] = point (i);
        sxx += (x - meanX) * (x - meanX);
        sxy += (x - meanX) * (y - meanY);
        syy += (y - meanY) * (y - meanY);
    }
    if (!(sxx > 0.0) || !std::isfinite (sxy))
        return {};
    Line line;
    line.slopeDbPerSecond = sxy / sxx;
    line.interceptDb = meanY - line.slopeDbPerSecond * meanX;
    line.correlation = syy > 0.0 ? sxy / std::sqrt (sxx * syy) : 0.0;
    line.valid = line.slopeDbPerSecond < 0.0;
    return line;
}

Line regressBlocks (const std::vector<Block>& blocks, std::size_t first, std::size_t end)
{
    if (end <= first)
        return {};
    return regress (end - first,
                    [&] (std::size_t i) {
                        return std::pair { blocks[first + i].seconds, blocks[first + i].decibels };
                    });
}

std::size_t loudestBlock (const std::vector<Block>& blocks)
{
    return static_cast<std::size_t> (std::max_element (blocks.begin(), blocks.end(),
                                                       [] (const Block& a, const Block& b)
                                                       { return a.decibels < b.decibels; })
                                     - blocks.begin());
}

/** The first block at or after `from` whose level is below `level` (blocks.size() if none). */
std::size_t firstBelow (const std::vector<Block>& blocks, std::size_t from, double level)
{
    for (auto i = from; i < blocks.size(); ++i)
        if (blocks[i].decibels < level)
            return i;
    return blocks.size();
}
} // namespace

EnergyDecayCurve::EnergyDecayCurve (std::span<const double> energy, double sampleRate)
    : rate (sampleRate)
{
    // Trailing digital silence is no noise floor: leave it out.
    auto frames = energy.size();
    while (frames > 0 && !(energy[frames - 1] > 0.0))
        --frames;
    if (frames == 0 || !(sampleRate > 0.0))
        return;
    energy = energy.first (frames);

    const auto tailFrames = std::max<std::size_t> (1, frames / 10);
    const auto firstWidth =
        std::max<std::size_t> (1, static_cast<std::size_t> (std::lround (firstIntervalSeconds * rate)));
    auto blocks = averaged (energy, firstWidth, rate);
    const double peakDb = blocks[loudestBlock (blocks)].decibels;
    double noiseDb = toDecibels (meanOf (energy.last (tailFrames)));

    // Pass 1: from the peak to 10 dB above the noise.
    auto peak = loudestBlock (blocks);
    Line line = regressBlocks (blocks, peak, firstBelow (blocks, peak, noiseDb + 10.0));
    double crossingSeconds = static_cast<double> (frames) / rate;
    const auto crossingOf = [&] (const Line& decay)
    {
        return std::clamp ((noiseDb - decay.interceptDb) / decay.slopeDbPerSecond, 0.0,
                           static_cast<double> (frames) / rate);
    };
    if (line.valid)
        crossingSeconds = crossingOf (line);

    for (int pass = 1; line.valid && pass < maximumPasses; ++pass)
    {
        const double secondsPerTenDb = 10.0 / -line.slopeDbPerSecond;
        const auto width = std::max<std::size_t> (
            1, static_cast<std::size_t> (std::lround (rate * secondsPerTenDb / intervalsPerTenDb)));
        blocks = averaged (energy, width, rate);

        // The noise: what follows the crossing by 10 dB of decay, and at least the last tenth.
        const auto noiseStart = std::min (
            static_cast<std::size_t> (std::lround ((crossingSeconds + secondsPerTenDb) * rate)), frames - tailFrames);
        noiseDb = toDecibels (meanOf (energy.subspan (noiseStart)));

        // The fit: 20 dB of decay, ending 5 dB above the noise.
        peak = loudestBlock (blocks);
        auto first = peak;
        while (first < blocks.size() && blocks[first].decibels > noiseDb + 25.0)
            ++first;
        first = first == blocks.size() ? peak : first;
        const auto refined = regressBlocks (blocks, first, firstBelow (blocks, first, noiseDb + 5.0));
        if (!refined.valid)
            break;
        line = refined;
        const auto newCrossing = crossingOf (line);
        const bool settled = std::abs (newCrossing - crossingSeconds) * rate < static_cast<double> (width);
        crossingSeconds = newCrossing;
        if (settled)
            break;
    }
    peakToNoise = peakDb - noiseDb;

    decayTail.truncationFrame =
        std::clamp<std::size_t> (static_cast<std::size_t> (std::lround (crossingSeconds * rate)), 1, frames);
    if (line.valid && std::isfinite (noiseDb) && decayTail.truncationFrame < frames)
    {
        decayTail.energyPerFrame =
            std::pow (10.0, line.at (static_cast<double> (decayTail.truncationFrame) / rate) / 10.0);
        decayTail.slopeDbPerSecond = line.slopeDbPerSecond;
        decayTail.noiseEnergyPerFrame = std::pow (10.0, noiseDb / 10.0);
    }
    integrate (energy);
}

EnergyDecayCurve::EnergyDecayCurve (std::span<const double> energy, double sampleRate, const DecayTail& tail)
    : decayTail (tail)
    , rate (sampleRate)
    , peakToNoise (std::numeric_limits<double>::infinity())
{
    decayTail.truncationFrame = std::min (decayTail.truncationFrame, energy.size());
    if (decayTail.truncationFrame > 0 && sampleRate > 0.0)
        integrate (energy);
}

void EnergyDecayCurve::integrate (std::span<const double> energy)
{
    // Backward integration up to the truncation, plus the energy the decay
    // line would have had after it (a geometric series per frame).
    double remainder = 0.0;
    if (decayTail.energyPerFrame > 0.0 && decayTail.slopeDbPerSecond < 0.0)
        remainder = decayTail.energyPerFrame / (1.0 - std::pow (10.0, decayTail.slopeDbPerSecond / (10.0 * rate)));
    curve.resize (decayTail.truncationFrame);
    double sum = remainder;
    for (auto n = curve.size(); n-- > 0;)
    {
        sum += energy[n] - decayTail.noiseEnergyPerFrame;
        curve[n] = sum;
    }
    const double total = curve.empty() ? 0.0 : curve.front();
    if (!(total > 0.0) || !std::isfinite (total))
    {
        curve.clear();
        return;
    }
    // The noise subtracted can leave the last frames at or below zero: the
    // curve ends where it stops being positive.
    const auto positive = std::find_if (curve.begin(), curve.end(), [] (double value) { return !(value > 0.0); });
    curve.erase (positive, curve.end());
    for (auto& value : curve)
        value = 10.0 * std::log10 (value / total);
}

DecayFit EnergyDecayCurve::fit (double fromDb, double toDb) const
{
    const auto firstAtOrBelow = [&] (double level)
    {
        return static_cast<std::size_t> (
            std::find_if (curve.begin(), curve.end(), [=] (double v) { return v <= level; }) - curve.begin());
    };
    const auto first = firstAtOrBelow (fromDb);
    const auto end = firstAtOrBelow (toDb);
    if (end >= curve.size() || end <= first + 1)
        return {};
    const auto line = regress (end - first + 1,
                               [&] (std::size_t i) {
                                   return std::pair { static_cast<double> (first + i) / rate, curve[first + i] };
                               });
    if (!line.valid)
        return {};
    return { .valid = true,
             .slopeDbPerSecond = line.slopeDbPerSecond,
             .reverbTimeSeconds = -60.0 / line.slopeDbPerSecond,
             .correlation = line.correlation,
             .fromDb = fromDb,
             .toDb = toDb,
             .interceptDb = line.interceptDb,
             .fromSeconds = static_cast<double> (first) / rate,
             .toSeconds = static_cast<double> (end) / rate };
}

DecayFit EnergyDecayCurve::reverberationTime() const
{
    if (peakToNoise >= 45.0)
        if (const auto t30 = fit (-5.0, -35.0); t30.valid)
            return t30;
    if (peakToNoise >= 35.0)
        return fit (-5.0, -25.0);
    return {};
}

} // namespace partita
