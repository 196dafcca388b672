// SPDX-License-Identifier: GPL-3.0-or-later
#include "StereoSignals.h"

#include "TestSignals.h"

#include <cmath>

namespace partita::benchmark
{

StereoBuffer makeStereoNoise (std::size_t numFrames, std::uint32_t seed)
{
    StereoBuffer noise { test::whiteNoise (numFrames, seed), test::whiteNoise (numFrames, seed + 1) };
    for (auto& channel : noise)
        for (auto& sample : channel)
            sample *= 0.5f;
    return noise;
}

StereoBuffer makeStereoDecayingIr (std::size_t numFrames, std::uint32_t seed)
{
    StereoBuffer ir { test::decayingNoise (numFrames, seed), test::decayingNoise (numFrames, seed + 1) };
    for (auto& channel : ir)
    {
        double energy = 0.0;
        for (const auto sample : channel)
            energy += static_cast<double> (sample) * static_cast<double> (sample);
        const auto gain = energy > 0.0 ? static_cast<float> (0.25 / std::sqrt (energy)) : 1.0f;
        for (auto& sample : channel)
            sample *= gain;
    }
    return ir;
}

StereoBuffer makeStereoImpulse (std::size_t numFrames)
{
    return { test::impulse (numFrames, 0), test::impulse (numFrames, 0) };
}

std::size_t framesForSeconds (double seconds) noexcept
{
    return static_cast<std::size_t> (std::llround (seconds * benchmarkSampleRate));
}

} // namespace partita::benchmark
