// SPDX-License-Identifier: GPL-3.0-or-later
// NaN, infinities, 1e30 and subnormals at random positions of the input.
// A pure FIR cannot give a finite output while a NaN is inside its window;
// what must hold is that the output never holds a subnormal, and that once
// the bad sample has left the window (the IR's length plus one block) the
// output is again exactly, bit for bit, what the same input without the bad
// samples gives.
#include "ProcessorTestHelpers.h"
#include "StreamingHarness.h"
#include "TestSignals.h"
#include "engine/ChannelRouting.h"
#include "engine/ConvolutionEngine.h"
#include "processor/ConvolverProcessor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace partita
{
namespace
{
    struct SpecialValue
    {
        const char* name;
        float value;
    };

    const SpecialValue specialValues[] = {
        { "NaN", std::numeric_limits<float>::quiet_NaN() },
        { "+Inf", std::numeric_limits<float>::infinity() },
        { "-Inf", -std::numeric_limits<float>::infinity() },
        { "1e30", 1.0e30f },
        { "-1e30", -1.0e30f },
        { "subnormal", 1.0e-41f },
        { "-smallest subnormal", -std::numeric_limits<float>::denorm_min() },
    };

    struct Injection
    {
        std::size_t channel;
        std::size_t position;
    };

    /** Isolated positions, each at least `spacing` after the previous one,
        on random channels. */
    std::vector<Injection> randomInjections (std::size_t count, std::size_t spacing, std::size_t numChannels,
                                             std::uint32_t seed)
    {
        std::mt19937 random (seed);
        std::vector<Injection> injections;
        std::size_t position = 1000;
        for (std::size_t i = 0; i < count; ++i)
        {
            position += std::uniform_int_distribution<std::size_t> (0, 999) (random);
            injections.push_back ({ random() % numChannels, position });
            position += spacing;
        }
        return injections;
    }

    test::Channels withInjections (test::Channels signal, const std::vector<Injection>& injections, float value)
    {
        for (const auto& injection : injections)
            signal[injection.channel][injection.position] = value;
        return signal;
    }

    std::size_t countSubnormals (const test::Channels& signal)
    {
        std::size_t count = 0;
        for (const auto& channel : signal)
            for (const auto sample : channel)
                if (std::fpclassify (sample) == FP_SUBNORMAL)
                    ++count;
        return count;
    }

    bool bitIdentical (float a, float b)
    {
        return std::memcmp (&a, &b, sizeof (float)) == 0;
    }

    struct Comparison
    {
        /** Samples outside the allowed windows that differ from the clean output. */
        std::size_t differencesOutsideWindows = 0;
        std::size_t firstDifferenceOutside = SIZE_MAX;
        /** The longest distance from a bad input sample to the last output
            sample it changed. */
        std::size_t longestRecovery = 0;
    };

    /** Compares against the clean output: the two must be bit-identical
        except in [position - before, position + after) around an injection.
        `before` is the latency: an output sample the host receives after the
        bad input sample arrived may depend on it even if it lies earlier on
        the aligned timeline. */
    Comparison compare (const test::Channels& output, const test::Channels& clean,
                        const std::vector<Injection>& injections, std::size_t before, std::size_t after)
    {
        Comparison result;
        const auto length = output[0].size();
        for (std::size_t c = 0; c < output.size(); ++c)
        {
            for (std::size_t n = 0; n < length; ++n)
            {
                if (bitIdentical (output[c][n], clean[c][n]))
                    continue;
                // The injection this sample belongs to: the last one that had
                // arrived when the sample was emitted.
                const Injection* cause = nullptr;
                for (const auto& injection : injections)
                    if (injection.position <= n + before)
                        cause = &injection;
                const bool explained = cause != nullptr && n < cause->position + after;
                if (! explained)
                {
                    ++result.differencesOutsideWindows;
                    result.firstDifferenceOutside = std::min (result.firstDifferenceOutside, n);
                }
                if (cause != nullptr && n >= cause->position)
                    result.longestRecovery = std::max (result.longestRecovery, n - cause->position + 1);
            }
        }
        return result;
    }

    /** How far after a bad input sample the engine's output may differ: a
        NaN in an FFT block spoils the whole block's transform, so the
        window is the kernel as the partitions cover it (the IR length
        rounded up to the partition grid) plus one block of the largest
        partition. */
    std::size_t engineRecoveryWindow (const ConvolutionEngine& engine)
    {
        const auto& plan = *engine.plan();
        std::size_t coveredTaps = plan.headLength;
        std::size_t largest = plan.headLength;
        for (const auto& level : plan.levels)
        {
            coveredTaps = std::max (coveredTaps, level.firstTap + level.numPartitions * level.partitionSize);
            largest = std::max (largest, level.partitionSize);
        }
        return coveredTaps + largest;
    }
} // namespace

TEST (NonFiniteInput, TheEngineReturnsToTheExactResultWithinTheIrLengthPlusOnePartition)
{
    constexpr std::size_t irLength = 3000;
    const std::vector<std::vector<float>> ir { test::decayingNoise (irLength, 1), test::decayingNoise (irLength, 2),
                                               test::decayingNoise (irLength, 3), test::decayingNoise (irLength, 4) };

    struct Setup
    {
        const char* name;
        EngineConfig config;
    };
    const Setup setups[] = {
        { "zero latency, non-uniform", { 64, LatencyMode::zero, PartitionScheme::nonUniform } },
        { "one partition of latency, uniform 512", { 512, LatencyMode::onePartition, PartitionScheme::uniform } },
    };

    for (const auto& setup : setups)
    {
        ConvolutionEngine engine;
        engine.prepare (routeImpulseResponse (ir, 2, 2), setup.config); // true stereo: every input reaches every output
        const auto window = engineRecoveryWindow (engine);
        const auto spacing = window + 2000;
        const auto injections = randomInjections (5, spacing, 2, 11);
        const auto length = injections.back().position + spacing;
        const test::Channels dry { test::whiteNoise (length, 5), test::whiteNoise (length, 6) };

        // The clean run: the bad samples replaced by silence.
        const auto clean = test::streamThroughEngine (engine, withInjections (dry, injections, 0.0f), length, 7);
        ASSERT_EQ (countSubnormals (clean), 0u);

        for (const auto& special : specialValues)
        {
            engine.reset();
            const auto output = test::streamThroughEngine (engine, withInjections (dry, injections, special.value),
                                                           length, 8);
            const auto result = compare (output, clean, injections, engine.latencySamples(), window);
            EXPECT_EQ (result.differencesOutsideWindows, 0u)
                << setup.name << ", " << special.name << ": first at sample " << result.firstDifferenceOutside;
            EXPECT_EQ (countSubnormals (output), 0u) << setup.name << ", " << special.name;
            if (std::isfinite (special.value))
            {
                for (const auto& channel : output)
                    for (const auto sample : channel)
                        ASSERT_TRUE (std::isfinite (sample)) << setup.name << ", " << special.name;
            }
            std::printf ("[ figures  ] engine (%s), %s: back to the exact output %zu samples after the bad sample "
                         "(IR %zu samples; allowed: IR on the partition grid plus one partition = %zu)\n",
                         setup.name, special.name, result.longestRecovery, irLength, window);
        }
    }
}

TEST (NonFiniteInput, TheProcessorReturnsToTheExactResultWithinItsTailPlusOneBlock)
{
    // Mix, gains and pre-delay keep no signal state beyond the pre-delay
    // line; without the IIR filters the return is exact.
    constexpr std::size_t irLength = 4800;
    constexpr std::size_t maxBlock = 4096;
    auto makeProcessor = [&]
    {
        auto processor = std::make_unique<ConvolverProcessor> (RebuildMode::synchronous);
        auto parameters = test::neutralParameters();
        parameters.mixPercent = 70.0f;
        parameters.wetGainDb = -3.0f;
        parameters.preDelayMs = 5.0f;
        parameters.widthPercent = 150.0f;
        processor->setParameters (parameters);
        processor->loadImpulseResponse (test::makeClip ({ test::decayingNoise (irLength, 1),
                                                          test::decayingNoise (irLength, 2) },
                                                        48000.0),
                                        "stereo.wav");
        processor->prepare (48000.0, maxBlock, 2, 2);
        return processor;
    };

    auto reference = makeProcessor();
    const auto window = reference->tailSamples() + maxBlock;
    const auto spacing = window + 2000;
    const auto injections = randomInjections (4, spacing, 2, 21);
    const auto length = injections.back().position + spacing;
    const test::Channels dry { test::whiteNoise (length, 5), test::whiteNoise (length, 6) };
    const auto clean = test::renderThroughProcessor (*reference, withInjections (dry, injections, 0.0f), 2, length, 9);
    ASSERT_EQ (countSubnormals (clean), 0u);

    for (const auto& special : specialValues)
    {
        auto processor = makeProcessor();
        const auto output =
            test::renderThroughProcessor (*processor, withInjections (dry, injections, special.value), 2, length, 10);
        const auto result = compare (output, clean, injections, reference->latencySamples(), window);
        EXPECT_EQ (result.differencesOutsideWindows, 0u)
            << special.name << ": first at sample " << result.firstDifferenceOutside;
        EXPECT_EQ (countSubnormals (output), 0u) << special.name;
        std::printf ("[ figures  ] processor, %s: back to the exact output %zu samples after the bad sample "
                     "(tail %zu + block %zu = %zu)\n",
                     special.name, result.longestRecovery, window - maxBlock, maxBlock, window);
    }
}

TEST (NonFiniteInput, TheProcessorsWetFiltersRecoverFromNonFiniteInput)
{
    // The low and high cut are IIR filters: a NaN in their state would stay
    // forever. The processor clears such a state; after that the output
    // converges back to the clean one as the filters' own response decays.
    constexpr std::size_t irLength = 4800;
    constexpr std::size_t maxBlock = 4096;
    auto makeProcessor = [&]
    {
        auto processor = std::make_unique<ConvolverProcessor> (RebuildMode::synchronous);
        ProcessorParameters parameters;
        parameters.autoGain = false;
        parameters.mixPercent = 50.0f;
        parameters.lowCutHz = 100.0f;
        parameters.highCutHz = 8000.0f;
        parameters.widthPercent = 150.0f;
        processor->setParameters (parameters);
        processor->loadImpulseResponse (test::makeClip ({ test::decayingNoise (irLength, 1),
                                                          test::decayingNoise (irLength, 2) },
                                                        48000.0),
                                        "stereo.wav");
        processor->prepare (48000.0, maxBlock, 2, 2);
        return processor;
    };

    auto reference = makeProcessor();
    const auto finiteAgain = reference->tailSamples() + maxBlock;
    const auto settled = finiteAgain + 4800; // 100 ms for the filters' own decay
    const auto spacing = settled + 2000;
    const auto length = 2 * spacing + 1000;
    const test::Channels dry { test::whiteNoise (length, 5), test::whiteNoise (length, 6) };
    const std::vector<Injection> injections { { 0, 1000 }, { 1, 1000 + spacing } };
    const auto clean = test::renderThroughProcessor (*reference, withInjections (dry, injections, 0.0f), 2, length, 9);

    for (const auto& special : specialValues)
    {
        auto processor = makeProcessor();
        const auto output =
            test::renderThroughProcessor (*processor, withInjections (dry, injections, special.value), 2, length, 10);
        EXPECT_EQ (countSubnormals (output), 0u) << special.name;

        double worstSettled = 0.0;
        for (std::size_t c = 0; c < 2; ++c)
        {
            for (std::size_t n = 0; n < length; ++n)
            {
                std::size_t since = SIZE_MAX;
                for (const auto& injection : injections)
                    if (injection.position <= n)
                        since = n - injection.position;
                if (since == SIZE_MAX || since >= finiteAgain)
                {
                    ASSERT_TRUE (std::isfinite (output[c][n])) << special.name << " channel " << c << " sample " << n;
                }
                if (since == SIZE_MAX || since >= settled)
                    worstSettled = std::max (worstSettled,
                                             std::abs (static_cast<double> (output[c][n]) - static_cast<double> (clean[c][n])));
            }
        }
        EXPECT_LT (worstSettled, 1.0e-4) << special.name;
        std::printf ("[ figures  ] processor with filters, %s: largest difference from the clean output %.3g, "
                     "from %zu samples after the bad sample on\n",
                     special.name, worstSettled, settled);
    }
}

TEST (NonFiniteInput, NonFiniteParameterValuesAreClampedAndTheOutputStaysFinite)
{
    ConvolverProcessor processor (RebuildMode::synchronous);
    processor.loadImpulseResponse (test::makeClip ({ test::decayingNoise (1000, 1) }, 48000.0), "mono.wav");
    processor.prepare (48000.0, 512, 1, 1);

    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float inf = std::numeric_limits<float>::infinity();
    for (const float bad : { nan, inf, -inf, 1.0e30f, -1.0e30f })
    {
        ProcessorParameters p;
        p.mixPercent = p.wetGainDb = p.outputGainDb = p.preDelayMs = bad;
        p.lowCutHz = p.highCutHz = p.widthPercent = bad;
        p.trimStartMs = p.trimEndMs = p.stretchPercent = bad;
        processor.setParameters (p);
        const auto stored = processor.parameters();
        for (const float value : { stored.mixPercent, stored.wetGainDb, stored.outputGainDb, stored.preDelayMs,
                                   stored.lowCutHz, stored.highCutHz, stored.widthPercent, stored.trimStartMs,
                                   stored.trimEndMs, stored.stretchPercent })
            EXPECT_TRUE (std::isfinite (value)) << bad;

        const auto x = test::whiteNoise (20000, 3);
        const auto y = test::renderThroughProcessor (processor, { x }, 1, x.size(), 4)[0];
        for (const auto sample : y)
            ASSERT_TRUE (std::isfinite (sample)) << "parameters set to " << bad;
        EXPECT_EQ (countSubnormals ({ y }), 0u);
    }
}

} // namespace partita
