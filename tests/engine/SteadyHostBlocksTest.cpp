// SPDX-License-Identifier: GPL-3.0-or-later
#include "RealtimeWatch.h"
#include "ReferenceConvolution.h"
#include "StreamingHarness.h"
#include "TestSignals.h"
#include "engine/ChannelRouting.h"
#include "engine/ConvolutionEngine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace partita
{
namespace
{
EngineConfig steadyConfig (std::size_t hostBlock)
{
    EngineConfig config { hostBlock, LatencyMode::zero };
    config.expectedBlockSize = hostBlock;
    config.hostBlocks = HostBlocks::steady;
    return config;
}

ConvolutionEngine preparedMono (const std::vector<float>& h, const EngineConfig& config)
{
    KernelMatrix kernels (1, 1);
    kernels.setKernel (0, 0, h);
    ConvolutionEngine engine;
    engine.prepare (kernels, config);
    return engine;
}

/** Streams x plus the tail (length samples in all) through the engine in
    calls of the given sizes; returns the full convolution. */
std::vector<float> streamInCalls (ConvolutionEngine& engine, const std::vector<float>& x, std::size_t length,
                                  const test::CallSizes& callSize, std::vector<std::size_t>* callStarts = nullptr)
{
    return test::streamThroughEngine (engine, { x }, length, callSize, callStarts).front();
}

/** Partitions of `alignment` samples that no single call brought whole:
    counted from the call boundaries alone, independently of the engine. */
std::size_t partitionsCutByCalls (const std::vector<std::size_t>& callStarts, std::size_t alignment)
{
    std::size_t cut = 0;
    const auto length = callStarts.back();
    for (std::size_t start = 0; start < length; start += alignment)
    {
        const auto end = start + alignment;
        // The call containing `start` must begin at or before it and reach `end`.
        const auto next = std::upper_bound (callStarts.begin(), callStarts.end(), start);
        const auto callBegin = *(next - 1);
        const auto callEnd = next == callStarts.end() ? length : *next;
        const bool whole = callBegin <= start && callEnd >= end;
        cut += whole ? 0u : 1u;
    }
    return cut;
}
} // namespace

TEST (SteadyHostBlocks, WholeHostBlocksAreTransformedWithTheBlockInHandAndGiveTheExactConvolution)
{
    const auto h = test::decayingNoise (24000, 1);
    const auto x = test::whiteNoise (30000, 2);
    auto engine = preparedMono (h, steadyConfig (1024));

    ASSERT_NE (engine.plan(), nullptr);
    ASSERT_FALSE (engine.plan()->levels.empty());
    EXPECT_EQ (engine.plan()->headLength, 0u) << "a 1024-sample host block should not need a direct head";
    EXPECT_EQ (engine.plan()->levels.front().firstTap, 0u);
    EXPECT_EQ (engine.latencySamples(), 0u);
    const auto alignment = engine.blockAlignment();
    EXPECT_GT (alignment, 1u);
    EXPECT_EQ (1024u % alignment, 0u);

    const auto length = x.size() + h.size() - 1;
    std::vector<std::size_t> callStarts;
    const auto out = streamInCalls (
        engine, x, length, [] (std::size_t) { return std::size_t { 1024 }; }, &callStarts);
    // Only the last, shorter call leaves a partition unfinished.
    EXPECT_EQ (engine.directFallbackBlocks(), partitionsCutByCalls (callStarts, alignment));
    EXPECT_LE (engine.directFallbackBlocks(), 1u);
    EXPECT_LT (test::maxErrorDb<float> (out, test::referenceConvolution<float> (x, h)), -125.0);

    // The first output sample already carries h[0] x[0] (0.021 here): no
    // latency. It comes out of a 2048-point transform, so it carries that
    // transform's rounding of the whole block, a few 1e-6.
    EXPECT_NEAR (out[0], h[0] * x[0], 1.0e-5);
}

TEST (SteadyHostBlocks, WithTheSampleRateTheSecondLevelRunsAtOnceAndStaysExact)
{
    // A 2 s kernel: with the block period known the level after the block's
    // own may start one partition earlier and be computed in the call that
    // completes its block; without it, the level is spread and starts later.
    const auto h = test::decayingNoise (96000, 11);
    const auto x = test::whiteNoise (50000, 12);
    const auto exact = test::referenceConvolution<float> (x, h);
    const auto length = x.size() + h.size() - 1;
    for (const std::size_t hostBlock : { 256u, 1024u })
    {
        auto config = steadyConfig (hostBlock);
        const auto spread = preparedMono (h, config);
        ASSERT_GE (spread.plan()->levels.size(), 2u);
        EXPECT_TRUE (spread.plan()->levels[1].deferred) << hostBlock << "-sample blocks, no sample rate";

        config.sampleRate = 48000.0;
        auto engine = preparedMono (h, config);
        ASSERT_GE (engine.plan()->levels.size(), 2u);
        const auto& second = engine.plan()->levels[1];
        // At 1024 samples the job fits ten times over on this machine; at
        // 256 (a quarter of the period) it may not on a slower one.
        if (hostBlock == 1024)
        {
            EXPECT_FALSE (second.deferred);
            EXPECT_EQ (second.firstTap, second.partitionSize);
        }

        const auto whole = streamInCalls (engine, x, length, [hostBlock] (std::size_t) { return hostBlock; });
        EXPECT_LT (test::maxErrorDb<float> (whole, exact), -125.0) << hostBlock << "-sample blocks";

        engine.reset();
        test::RandomBlockSizes blocks (13, 1, 4096);
        const auto cut = streamInCalls (engine, x, length, [&] (std::size_t) { return blocks.next(); });
        EXPECT_LT (test::maxErrorDb<float> (cut, exact), -125.0) << hostBlock << "-sample plan, random calls";
    }
}

TEST (SteadyHostBlocks, AnyOtherCallPatternFallsBackToTheDirectFormAndStaysExact)
{
    const auto h = test::decayingNoise (12000, 3);
    const auto x = test::whiteNoise (40000, 4);
    const auto exact = test::referenceConvolution<float> (x, h);
    const auto length = x.size() + h.size() - 1;

    for (const std::uint32_t seed : { 5u, 6u, 7u })
    {
        auto engine = preparedMono (h, steadyConfig (512));
        test::RandomBlockSizes blocks (seed, 512, 4096);
        std::vector<std::size_t> callStarts;
        const auto out = streamInCalls (
            engine, x, length, [&] (std::size_t) { return blocks.next(); }, &callStarts);
        EXPECT_LT (test::maxErrorDb<float> (out, exact), -125.0) << "seed " << seed;
        EXPECT_EQ (engine.directFallbackBlocks(), partitionsCutByCalls (callStarts, engine.blockAlignment()))
            << "seed " << seed;
        EXPECT_GT (engine.directFallbackBlocks(), 0u);
    }
}

TEST (SteadyHostBlocks, WholeBlocksAfterAStretchOfOddCallsAreExactAgain)
{
    // A host that splits a few blocks (a loop point, an automation split)
    // and then returns to whole blocks on the same grid.
    const auto h = test::decayingNoise (5000, 8);
    const auto x = test::whiteNoise (20000, 9);
    auto engine = preparedMono (h, steadyConfig (256));
    const std::vector<std::size_t> pattern { 256, 256, 100, 156, 256, 1, 255, 256, 256, 512, 7, 249, 256 };
    std::vector<std::size_t> callStarts;
    const auto length = x.size() + h.size() - 1;
    const auto out = streamInCalls (
        engine, x, length, [&] (std::size_t call) { return pattern[call % pattern.size()]; }, &callStarts);

    EXPECT_LT (test::maxErrorDb<float> (out, test::referenceConvolution<float> (x, h)), -125.0);
    EXPECT_EQ (engine.directFallbackBlocks(), partitionsCutByCalls (callStarts, engine.blockAlignment()));
    EXPECT_GT (engine.directFallbackBlocks(), 0u);
}

TEST (SteadyHostBlocks, TheSameCallPatternGivesTheSameBits)
{
    // Determinism: an offline bounce that cuts its blocks as playback did
    // renders what playback played, sample for sample.
    const auto h = test::decayingNoise (9000, 10);
    const auto x = test::whiteNoise (20000, 11);
    const auto length = x.size() + h.size() - 1;
    for (const std::uint32_t seed : { 12u, 13u })
    {
        auto first = preparedMono (h, steadyConfig (128));
        auto second = preparedMono (h, steadyConfig (128));
        test::RandomBlockSizes blocksA (seed, 128, 1024), blocksB (seed, 128, 1024);
        const auto a = streamInCalls (first, x, length, [&] (std::size_t) { return blocksA.next(); });
        const auto b = streamInCalls (second, x, length, [&] (std::size_t) { return blocksB.next(); });
        EXPECT_EQ (a, b) << "seed " << seed;
    }
}

TEST (SteadyHostBlocks, KernelsShorterThanLongerThanAndExactlyOneBlockAreExact)
{
    const auto x = test::whiteNoise (6000, 14);
    for (const std::size_t taps : { 1u, 100u, 255u, 256u, 257u, 512u, 513u, 3000u })
    {
        const auto h = test::decayingNoise (taps, 15);
        const auto exact = test::referenceConvolution<float> (x, h);
        const auto length = x.size() + h.size() - 1;

        auto whole = preparedMono (h, steadyConfig (256));
        const auto wholeOut = streamInCalls (whole, x, length, [] (std::size_t) { return std::size_t { 256 }; });
        EXPECT_LT (test::maxErrorDb<float> (wholeOut, exact), -125.0) << taps << " taps, whole blocks";

        auto cut = preparedMono (h, steadyConfig (256));
        test::RandomBlockSizes blocks (16, 256, 2048);
        const auto cutOut = streamInCalls (cut, x, length, [&] (std::size_t) { return blocks.next(); });
        EXPECT_LT (test::maxErrorDb<float> (cutOut, exact), -125.0) << taps << " taps, random calls";
    }
}

TEST (SteadyHostBlocks, InPlaceProcessingOfWholeBlocksEqualsSeparateBuffers)
{
    const auto h = test::decayingNoise (3000, 17);
    const auto x = test::whiteNoise (8192, 18);
    auto separate = preparedMono (h, steadyConfig (512));
    auto inPlace = preparedMono (h, steadyConfig (512));

    std::vector<float> out (x.size()), buffer = x;
    for (std::size_t done = 0; done < x.size(); done += 512)
    {
        const float* inputs[] = { x.data() + done };
        float* outputs[] = { out.data() + done };
        separate.process (inputs, outputs, 512);
        const float* sameIn[] = { buffer.data() + done };
        float* sameOut[] = { buffer.data() + done };
        inPlace.process (sameIn, sameOut, 512);
    }
    EXPECT_EQ (out, buffer);
}

TEST (SteadyHostBlocks, ResetStartsAgainOnTheGridOfTheNextCall)
{
    const auto h = test::decayingNoise (4000, 19);
    const auto x = test::whiteNoise (10000, 20);
    auto engine = preparedMono (h, steadyConfig (256));
    std::vector<float> scratch (100);
    const float* inputs[] = { x.data() };
    float* outputs[] = { scratch.data() };
    engine.process (inputs, outputs, 100); // leaves the grid mid-partition
    engine.reset();
    EXPECT_EQ (engine.directFallbackBlocks(), 0u);

    const auto length = x.size() + h.size() - 1;
    std::vector<std::size_t> callStarts;
    const auto out = streamInCalls (
        engine, x, length, [] (std::size_t) { return std::size_t { 256 }; }, &callStarts);
    EXPECT_EQ (engine.directFallbackBlocks(), partitionsCutByCalls (callStarts, engine.blockAlignment()));
    EXPECT_LE (engine.directFallbackBlocks(), 1u);
    EXPECT_LT (test::maxErrorDb<float> (out, test::referenceConvolution<float> (x, h)), -125.0);
}

TEST (SteadyHostBlocks, WithoutTheFlagTheEngineKeepsItsDirectHead)
{
    EngineConfig config { 1024, LatencyMode::zero };
    config.expectedBlockSize = 1024;
    const auto engine = preparedMono (test::decayingNoise (24000, 21), config);
    ASSERT_NE (engine.plan(), nullptr);
    EXPECT_GT (engine.plan()->headLength, 0u);
    EXPECT_EQ (engine.blockAlignment(), 1u);
}

TEST (SteadyHostBlocks, ProcessAllocatesNothingAndTakesNoLockWithWholeOrCutBlocks)
{
    test::Channels ir;
    for (std::uint32_t c = 0; c < 4; ++c)
        ir.push_back (test::decayingNoise (20000, c + 22));
    ConvolutionEngine engine;
    engine.prepare (routeImpulseResponse (ir, 2, 2), steadyConfig (512));
    ASSERT_GT (engine.blockAlignment(), 1u);

    constexpr std::size_t maxBlock = 8192;
    const auto left = test::whiteNoise (maxBlock, 26);
    const auto right = test::whiteNoise (maxBlock, 27);
    std::vector<float> outLeft (maxBlock), outRight (maxBlock);
    const float* inputs[] = { left.data(), right.data() };
    float* outputs[] = { outLeft.data(), outRight.data() };
    test::RandomBlockSizes blocks (28, 512, maxBlock);

    test::RealtimeViolations seen;
    {
        const test::ScopedRealtimeWatch watch;
        for (int call = 0; call < 2000; ++call)
        {
            engine.process (inputs, outputs, call % 2 == 0 ? 512 : blocks.next());
            if (call % 500 == 250)
                engine.reset();
        }
        seen = watch.violations();
    }
    EXPECT_EQ (seen.allocations, 0u);
    EXPECT_EQ (seen.deallocations, 0u);
    EXPECT_EQ (seen.lockWaits, 0u);
    EXPECT_GT (engine.directFallbackBlocks(), 0u) << "the cut calls should have taken the direct path";
}

} // namespace partita
