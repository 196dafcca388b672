// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReferenceDecay.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>

namespace partita::test
{
namespace
{
/** Far above the tail's Gaussian samples (RMS 1), so that it is the peak. */
constexpr double directAmplitude = 8.0;
} // namespace

std::vector<double> decayingRoom (double reverbSeconds, double floorDb, double seconds, double rate,
                                  std::size_t directFrame, std::uint32_t seed)
{
    std::mt19937 generator (seed);
    std::normal_distribution<double> gaussian (0.0, 1.0);
    const auto frames = static_cast<std::size_t> (seconds * rate);
    const double floorRms = std::pow (10.0, floorDb / 20.0);
    std::vector<double> room (frames, 0.0);
    for (std::size_t n = 0; n < frames; ++n)
    {
        const double decay = gaussian (generator);
        const double floor = gaussian (generator);
        if (n == directFrame)
            room[n] = directAmplitude;
        else if (n > directFrame)
            room[n] = decay * std::pow (10.0, -3.0 * static_cast<double> (n - directFrame) / (reverbSeconds * rate));
        room[n] += floorRms * floor;
    }
    return room;
}

std::size_t floorCrossingFrame (double reverbSeconds, double floorDb, double rate, std::size_t directFrame)
{
    // 60 dB per reverbSeconds from 0 dB down to floorDb.
    return directFrame + static_cast<std::size_t> (-floorDb / 60.0 * reverbSeconds * rate);
}

namespace
{
std::vector<double> energyOf (const std::vector<std::vector<double>>& channels)
{
    std::vector<double> energy (channels.front().size(), 0.0);
    for (const auto& channel : channels)
        for (std::size_t n = 0; n < energy.size(); ++n)
            energy[n] += channel[n] * channel[n];
    return energy;
}

double meanOf (const std::vector<double>& values, std::size_t begin, std::size_t end)
{
    double sum = 0.0;
    for (auto n = begin; n < end; ++n)
        sum += values[n];
    return sum / static_cast<double> (end - begin);
}
} // namespace

std::size_t estimatedFloorCrossing (const std::vector<std::vector<double>>& channels, double rate)
{
    const auto energy = energyOf (channels);
    const auto noise = meanOf (energy, energy.size() - energy.size() / 10, energy.size());
    const auto window = static_cast<std::size_t> (0.02 * rate);
    std::size_t loudest = 0;
    double loudestMean = -1.0;
    for (std::size_t begin = 0; begin + window <= energy.size(); begin += window)
        if (const auto mean = meanOf (energy, begin, begin + window); mean > loudestMean)
        {
            loudestMean = mean;
            loudest = begin;
        }
    for (auto begin = loudest; begin + window <= energy.size(); begin += window)
        if (meanOf (energy, begin, begin + window) <= 2.0 * noise)
            return begin;
    return energy.size();
}

double referenceReverbTime (const std::vector<std::vector<double>>& channels, double rate, std::size_t truncation,
                            bool subtractNoise, double fromDb, double toDb)
{
    auto energy = energyOf (channels);
    const auto noise = subtractNoise ? meanOf (energy, energy.size() - energy.size() / 10, energy.size()) : 0.0;
    truncation = std::min (truncation, energy.size());
    std::vector<double> schroeder (truncation);
    double sum = 0.0;
    for (auto n = truncation; n-- > 0;)
    {
        sum += energy[n] - noise;
        schroeder[n] = sum;
    }
    std::vector<double> seconds, decibels;
    bool started = false, reached = false;
    for (std::size_t n = 0; n < truncation && !reached; ++n)
    {
        const double level = 10.0 * std::log10 (std::max (schroeder[n], 1.0e-300) / schroeder.front());
        started = started || level <= fromDb;
        reached = level <= toDb;
        if (started)
        {
            seconds.push_back (static_cast<double> (n) / rate);
            decibels.push_back (level);
        }
    }
    if (!reached || seconds.size() < 2)
        throw std::runtime_error ("the decay does not cover the fit range");
    const double meanT = meanOf (seconds, 0, seconds.size());
    const double meanL = meanOf (decibels, 0, decibels.size());
    double sxx = 0.0, sxy = 0.0;
    for (std::size_t i = 0; i < seconds.size(); ++i)
    {
        sxx += (seconds[i] - meanT) * (seconds[i] - meanT);
        sxy += (seconds[i] - meanT) * (decibels[i] - meanL);
    }
    return -60.0 / (sxy / sxx);
}

} // namespace partita::test
