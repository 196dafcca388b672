// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyntheticRoom.h"

#include <cmath>
#include <numbers>
#include <random>

namespace partita
{

double SyntheticRoom::centreHz (std::size_t band)
{
    return 1000.0 * std::pow (10.0, 0.3 * (static_cast<double> (band) - 4.0));
}

std::vector<float> SyntheticRoom::render() const
{
    const auto frames = static_cast<std::size_t> (seconds * sampleRate);
    const auto start = static_cast<std::size_t> (preDelaySeconds * sampleRate);
    const double sweepSeconds = seconds - preDelaySeconds;
    std::vector<double> room (frames, 0.0);

    // A sinusoid of amplitude a has mean power a^2 / 2.
    const double amplitude = std::sqrt (2.0 * bandShare());
    for (std::size_t band = 0; band < bandCount; ++band)
    {
        const double lowest = centreHz (band) * std::pow (2.0, -0.125);
        const double highest = centreHz (band) * std::pow (2.0, 0.125);
        const double decayPerSecond = 3.0 * std::log (10.0) / reverbSeconds[band]; // amplitude: 60 dB in T
        for (std::size_t n = start; n < frames; ++n)
        {
            const double t = static_cast<double> (n - start) / sampleRate;
            const double phase =
                2.0 * std::numbers::pi * (lowest * t + (highest - lowest) * t * t / (2.0 * sweepSeconds));
            room[n] += amplitude * std::exp (-decayPerSecond * t) * std::cos (phase + static_cast<double> (band));
        }
    }
    std::mt19937 generator (seed);
    std::normal_distribution<double> gaussian (0.0, 1.0);
    const double noiseRms = std::pow (10.0, noiseFloorDb / 20.0);
    std::vector<float> samples (frames);
    for (std::size_t n = 0; n < frames; ++n)
        samples[n] = static_cast<float> (0.25 * (room[n] + noiseRms * gaussian (generator)));
    return samples;
}

} // namespace partita
