// SPDX-License-Identifier: GPL-3.0-or-later
#include "LoudnessMeter.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace partita
{

namespace
{
constexpr double loudnessOffset = -0.691;
constexpr double absoluteGate = -70.0;
constexpr double relativeGate = -10.0;
constexpr std::size_t hopsPerBlock = 4;

double loudnessOf (double power)
{
    return loudnessOffset + 10.0 * std::log10 (power);
}

/** The power whose loudness is `loudness`, so that gates compare powers. */
double powerOf (double loudness)
{
    return std::pow (10.0, (loudness - loudnessOffset) / 10.0);
}

double meanAbove (const std::vector<double>& powers, double threshold, std::size_t& count)
{
    double sum = 0.0;
    count = 0;
    for (const double power : powers)
    {
        if (power > threshold)
        {
            sum += power;
            ++count;
        }
    }
    return count > 0 ? sum / static_cast<double> (count) : 0.0;
}
} // namespace

std::vector<double> bs1770ChannelWeights (std::size_t numChannels)
{
    constexpr double surround = 1.41;
    std::vector<double> weights (numChannels, 1.0);
    if (numChannels == 5)
    {
        weights[3] = surround;
        weights[4] = surround;
    }
    else if (numChannels >= 6)
    {
        weights[3] = 0.0;
        weights[4] = surround;
        weights[5] = surround;
    }
    return weights;
}

LoudnessMeter::LoudnessMeter (double sampleRate, std::vector<double> channelWeights)
    : weights (std::move (channelWeights))
    , hopFrames (static_cast<std::size_t> (std::lround (0.1 * sampleRate)))
{
    if (weights.empty())
        throw std::invalid_argument ("a loudness meter needs at least one channel");
    for (const double weight : weights)
        if (!(weight >= 0.0) || !std::isfinite (weight))
            throw std::invalid_argument ("a channel weight must be a finite number of at least 0");
    filters.assign (weights.size(), KWeightingFilter (sampleRate));
    hopSums.assign (weights.size(), 0.0);
}

void LoudnessMeter::process (std::span<const double* const> channels, std::size_t numFrames)
{
    if (channels.size() != weights.size())
        throw std::invalid_argument ("LoudnessMeter::process: " + std::to_string (channels.size())
                                     + " channels given to a meter of " + std::to_string (weights.size()));

    std::size_t done = 0;
    while (done < numFrames)
    {
        const auto count = std::min (numFrames - done, hopFrames - framesInHop);
        for (std::size_t channel = 0; channel < channels.size(); ++channel)
        {
            auto& filter = filters[channel];
            const double* samples = channels[channel] + done;
            // Summed into the channel's running sum sample by sample, so
            // that how the signal is cut into blocks changes no bit of it.
            double sum = hopSums[channel];
            for (std::size_t n = 0; n < count; ++n)
            {
                const double weighted = filter.processSample (samples[n]);
                sum += weighted * weighted;
            }
            hopSums[channel] = sum;
        }
        done += count;
        framesInHop += count;
        if (framesInHop == hopFrames)
            completeHop();
    }
}

void LoudnessMeter::completeHop()
{
    double hopEnergy = 0.0;
    for (std::size_t channel = 0; channel < hopSums.size(); ++channel)
        hopEnergy += weights[channel] * hopSums[channel];
    std::ranges::fill (hopSums, 0.0);

    if (completeHops + 1 >= hopsPerBlock)
    {
        const double blockEnergy = previousHops[0] + previousHops[1] + previousHops[2] + hopEnergy;
        blockPowers.push_back (blockEnergy / static_cast<double> (hopsPerBlock * hopFrames));
    }
    previousHops = { previousHops[1], previousHops[2], hopEnergy };
    ++completeHops;
    framesInHop = 0;
}

std::optional<double> LoudnessMeter::integratedLoudness() const
{
    std::size_t count = 0;
    const double ungatedMean = meanAbove (blockPowers, powerOf (absoluteGate), count);
    if (count == 0)
        return std::nullopt;
    const double relativeThreshold = powerOf (loudnessOf (ungatedMean) + relativeGate);
    const double gatedMean = meanAbove (blockPowers, std::max (relativeThreshold, powerOf (absoluteGate)), count);
    if (count == 0)
        return std::nullopt;
    return loudnessOf (gatedMean);
}

void LoudnessMeter::reset() noexcept
{
    for (auto& filter : filters)
        filter.reset();
    framesInHop = 0;
    std::ranges::fill (hopSums, 0.0);
    previousHops = {};
    completeHops = 0;
    blockPowers.clear();
}

} // namespace partita
