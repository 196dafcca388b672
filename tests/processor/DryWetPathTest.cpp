// SPDX-License-Identifier: GPL-3.0-or-later
#include "processor/DryWetPath.h"

#include "ProcessorTestHelpers.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace partita
{
namespace
{
constexpr double rate = 48000.0;
constexpr std::size_t chunk = 256;

void preparePath (DryWetPath& path, const ProcessorParameters& parameters, bool bypassed = false)
{
    path.prepare (rate, 1, 1, chunk, 1024, 0.020, 0.030);
    path.setTargets (parameters, bypassed, 120.0);
    path.reset (parameters, 120.0); // ramps at their targets
}

/** One chunk through the path, the "engine" scaling its input by engineGain
    (0: silent, whatever its input). */
std::vector<float> runChunk (DryWetPath& path, std::vector<float> input, float engineGain,
                             LatencyCrossfade latency = {})
{
    float* channels[] = { input.data() };
    path.readInputs (channels, 0, input.size(), latency);
    for (std::size_t n = 0; n < input.size(); ++n)
        path.wetOutput()[0][n] = engineGain == 0.0f ? 0.0f : engineGain * path.engineInput()[0][n];
    path.writeOutputs (channels, 0, input.size());
    return input;
}

std::vector<float> ramp (std::size_t length)
{
    std::vector<float> signal (length);
    for (std::size_t n = 0; n < length; ++n)
        signal[n] = 0.001f * static_cast<float> (n + 1);
    return signal;
}

TEST (DryWetPath, TheOutputIsTheLinearMixOfDryAndScaledWet)
{
    auto parameters = test::neutralParameters();
    parameters.mixPercent = 25.0f;
    parameters.wetGainDb = -6.0f;
    parameters.outputGainDb = 3.0f;
    DryWetPath path;
    preparePath (path, parameters);
    const auto input = ramp (chunk);
    const auto output = runChunk (path, input, 2.0f);

    const double wetGain = std::pow (10.0, -6.0 / 20.0);
    const double outputGain = std::pow (10.0, 3.0 / 20.0);
    for (std::size_t n = 0; n < chunk; ++n)
    {
        const double x = input[n];
        const double expected = outputGain * (0.75 * x + 0.25 * wetGain * 2.0 * x);
        ASSERT_NEAR (output[n], expected, 1.0e-6 * std::abs (expected)) << n;
    }
}

TEST (DryWetPath, ThePreDelayDelaysTheEngineInputByWholeSamples)
{
    auto parameters = test::neutralParameters();
    parameters.preDelayMs = 2.5f; // 120 samples at 48 kHz
    DryWetPath path;
    preparePath (path, parameters);
    std::vector<float> impulse (chunk, 0.0f);
    impulse[3] = 1.0f;
    const auto output = runChunk (path, impulse, 1.0f);
    for (std::size_t n = 0; n < chunk; ++n)
        EXPECT_EQ (output[n], n == 123 ? 1.0f : 0.0f) << n;
}

TEST (DryWetPath, BypassGivesTheDryInputAtUnityWhateverTheMix)
{
    auto parameters = test::neutralParameters();
    parameters.outputGainDb = -20.0f;
    DryWetPath path;
    preparePath (path, parameters, true);
    const auto input = ramp (chunk);
    const auto output = runChunk (path, input, 5.0f);
    EXPECT_EQ (output, input);
}

TEST (DryWetPath, TheDryPathFadesBetweenTwoLatenciesWithTheEnginesGains)
{
    auto parameters = test::neutralParameters();
    parameters.mixPercent = 0.0f;
    DryWetPath path;
    preparePath (path, parameters);
    const auto input = ramp (chunk);
    LatencyCrossfade latency;
    latency.from = 0;
    latency.to = 100;
    latency.length = 200;
    const auto output = runChunk (path, input, 0.0f, latency);
    for (std::size_t n = 0; n < chunk; ++n)
    {
        const double gain = static_cast<double> (n + 1) / 200.0;
        const double delayed = n >= 100 ? static_cast<double> (input[n - 100]) : 0.0;
        const double expected = static_cast<double> (input[n]) * (1.0 - gain) + delayed * gain;
        ASSERT_NEAR (output[n], expected, 1.0e-6) << n;
    }
}

TEST (DryWetPath, ASilentDryPathLetsNoNonFiniteInputThrough)
{
    auto parameters = test::neutralParameters(); // 100 % wet
    DryWetPath path;
    preparePath (path, parameters);
    std::vector<float> input (chunk, std::numeric_limits<float>::quiet_NaN());
    const auto output = runChunk (path, input, 0.0f);
    for (const auto sample : output)
        ASSERT_EQ (sample, 0.0f);
}
} // namespace
} // namespace partita
