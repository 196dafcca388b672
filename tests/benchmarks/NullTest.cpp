// SPDX-License-Identifier: GPL-3.0-or-later
#include "NullTest.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace partita::benchmark
{
namespace
{
constexpr std::size_t lagSearchWindow = 8192;

/** Frames n of reference with 0 <= n + lag < other's length. */
std::pair<long, long> commonRange (std::size_t referenceFrames, std::size_t otherFrames, long lag)
{
    const long first = std::max (0L, -lag);
    const long last = std::min (static_cast<long> (referenceFrames), static_cast<long> (otherFrames) - lag);
    return { first, last };
}
} // namespace

NullTestResult nullTest (const AudioClip& reference, const AudioClip& other, std::size_t maxLag)
{
    if (reference.numChannels() == 0 || other.numChannels() == 0)
        throw std::invalid_argument ("null test: both files need at least one channel");

    const auto& left = reference.channels.front();
    const auto& otherLeft = other.channels.front();
    const auto searchLimit = static_cast<long> (maxLag);
    long bestLag = 0;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (long lag = -searchLimit; lag <= searchLimit; ++lag)
    {
        auto [first, last] = commonRange (left.size(), otherLeft.size(), lag);
        last = std::min (last, first + static_cast<long> (lagSearchWindow));
        if (last - first < static_cast<long> (lagSearchWindow / 2))
            continue;
        double distance = 0.0;
        for (long n = first; n < last; ++n)
            distance += std::abs (left[static_cast<std::size_t> (n)] - otherLeft[static_cast<std::size_t> (n + lag)]);
        distance /= static_cast<double> (last - first);
        if (distance < bestDistance)
        {
            bestDistance = distance;
            bestLag = lag;
        }
    }

    NullTestResult result;
    result.lag = bestLag;
    result.comparedChannels = std::min (reference.numChannels(), other.numChannels());
    const auto [first, last] = commonRange (reference.numFrames(), other.numFrames(), bestLag);
    result.comparedFrames = last > first ? static_cast<std::size_t> (last - first) : 0;

    const auto forEachPair = [&] (auto&& visit)
    {
        for (std::size_t channel = 0; channel < result.comparedChannels; ++channel)
            for (long n = first; n < last; ++n)
                visit (reference.channels[channel][static_cast<std::size_t> (n)],
                       other.channels[channel][static_cast<std::size_t> (n + bestLag)]);
    };

    double peak = 0.0;
    double crossEnergy = 0.0;
    double referenceEnergy = 0.0;
    forEachPair ([&] (double expected, double actual)
    {
        peak = std::max (peak, std::abs (expected));
        crossEnergy += expected * actual;
        referenceEnergy += expected * expected;
    });
    if (peak <= 0.0)
        throw std::invalid_argument ("null test: the reference is silent where the files overlap");
    result.gain = crossEnergy / referenceEnergy;
    // A silent or unrelated output has no gain to divide by.
    const auto divisor = result.gain != 0.0 ? result.gain : 1.0;

    double maxDifference = 0.0;
    double maxDifferenceAfterGain = 0.0;
    forEachPair ([&] (double expected, double actual)
    {
        maxDifference = std::max (maxDifference, std::abs (expected - actual));
        maxDifferenceAfterGain = std::max (maxDifferenceAfterGain, std::abs (expected - actual / divisor));
    });
    const auto toDb = [peak] (double difference)
    { return difference > 0.0 ? 20.0 * std::log10 (difference / peak) : -400.0; };
    result.maxDifferenceDb = toDb (maxDifference);
    result.maxDifferenceAfterGainDb = toDb (maxDifferenceAfterGain);
    return result;
}

} // namespace partita::benchmark
