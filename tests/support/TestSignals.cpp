// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSignals.h"

#include <cmath>
#include <random>

namespace partita::test
{

std::vector<float> whiteNoise (std::size_t length, std::uint32_t seed)
{
    std::mt19937 generator (seed);
    std::uniform_real_distribution<float> distribution (-1.0f, 1.0f);
    std::vector<float> signal (length);
    for (auto& sample : signal)
        sample = distribution (generator);
    return signal;
}

std::vector<float> decayingNoise (std::size_t length, std::uint32_t seed)
{
    auto signal = whiteNoise (length, seed);
    // -60 dB at the last sample: amplitude factor 10^(-3 n / length).
    const double decayPerSample = std::log (1000.0) / static_cast<double> (std::max<std::size_t> (length, 1));
    for (std::size_t n = 0; n < length; ++n)
        signal[n] *= static_cast<float> (std::exp (-decayPerSample * static_cast<double> (n)));
    return signal;
}

std::vector<float> impulse (std::size_t length, std::size_t position)
{
    std::vector<float> signal (length, 0.0f);
    if (position < length)
        signal[position] = 1.0f;
    return signal;
}

std::vector<double> toDouble (const std::vector<float>& signal)
{
    return { signal.begin(), signal.end() };
}

} // namespace partita::test
