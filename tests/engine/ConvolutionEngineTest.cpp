// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/ConvolutionEngine.h"

#include "ReferenceConvolution.h"
#include "StreamingHarness.h"
#include "TestSignals.h"
#include "engine/ChannelRouting.h"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

namespace partita
{
namespace
{
ConvolutionEngine preparedMono (const std::vector<float>& h, EngineConfig config = {})
{
    KernelMatrix kernels (1, 1);
    kernels.setKernel (0, 0, h);
    ConvolutionEngine engine;
    engine.prepare (kernels, config);
    return engine;
}

void processMono (ConvolutionEngine& engine, const float* in, float* out, std::size_t count)
{
    const float* inputs[] = { in };
    float* outputs[] = { out };
    engine.process (inputs, outputs, count);
}
} // namespace

TEST (ConvolutionEngine, AnUnpreparedEngineWritesSilence)
{
    ConvolutionEngine engine;
    std::vector<float> in (100, 1.0f), out (100, 7.0f);
    processMono (engine, in.data(), out.data(), out.size());
    for (const auto v : out)
        EXPECT_EQ (v, 0.0f);
    EXPECT_FALSE (engine.isPrepared());
}

TEST (ConvolutionEngine, PartitionSizesThatAreNotPowersOfTwoFromEightTo65536AreRejected)
{
    KernelMatrix kernels (1, 1);
    kernels.setKernel (0, 0, { 1.0f });
    ConvolutionEngine engine;
    for (const std::size_t bad : { 0u, 4u, 48u, 100u, 131072u })
    {
        EXPECT_THROW (engine.prepare (kernels, { bad, LatencyMode::zero }), std::invalid_argument) << bad;
        EXPECT_FALSE (engine.isPrepared());
    }
    EXPECT_THROW (engine.prepare (KernelMatrix (0, 1), {}), std::invalid_argument);
}

TEST (ConvolutionEngine, OutputDoesNotDependOnHowTheInputWasCutIntoBlocks)
{
    const auto h = test::decayingNoise (10000, 1);
    const auto x = test::whiteNoise (30000, 2);
    for (const auto mode : { LatencyMode::zero, LatencyMode::onePartition })
    {
        const auto first = test::streamConvolve (x, h, { 64, mode }, 1);
        for (const std::uint32_t seed : { 2u, 3u, 4u })
        {
            const auto other = test::streamConvolve (x, h, { 64, mode }, seed);
            ASSERT_EQ (first.size(), other.size());
            EXPECT_EQ (first, other) << "block seed " << seed << " changed the output bits";
        }
    }
}

TEST (ConvolutionEngine, AnExpectedHostBlockChangesThePlanButNotTheIndependenceFromBlockCuts)
{
    // A 16-sample expected block caps the partitions at 8192 samples and
    // prices the head for 16-sample pieces; the host then sends other sizes.
    const auto h = test::decayingNoise (40000, 7);
    const auto x = test::whiteNoise (20000, 8);
    EngineConfig config { 64, LatencyMode::zero };
    config.expectedBlockSize = 16;

    const auto engine = preparedMono (h, config);
    ASSERT_NE (engine.plan(), nullptr);
    ASSERT_FALSE (engine.plan()->levels.empty());
    EXPECT_LE (engine.plan()->levels.back().partitionSize, 16u * PlanningProblem::maxBlocksPerPartition);
    EXPECT_EQ (engine.latencySamples(), 0u);

    const auto first = test::streamConvolve (x, h, config, 1);
    for (const std::uint32_t seed : { 2u, 3u })
        EXPECT_EQ (first, test::streamConvolve (x, h, config, seed))
            << "block seed " << seed << " changed the output bits";
    const auto exact = test::referenceConvolution<float> (x, h);
    EXPECT_LT (test::maxErrorDb<float> (first, exact), -120.0);
}

TEST (ConvolutionEngine, ASecondLevelComputedAtOnceKeepsTheOutputExactAndIndependentOfBlockCuts)
{
    // With the host's block period known the planner may compute the second
    // level in the call that completes its block, whichever call that is.
    const auto h = test::decayingNoise (96000, 9);
    const auto x = test::whiteNoise (40000, 10);
    EngineConfig config { 64, LatencyMode::zero };
    config.expectedBlockSize = 1024;
    config.sampleRate = 48000.0;

    const auto engine = preparedMono (h, config);
    ASSERT_NE (engine.plan(), nullptr);
    ASSERT_GE (engine.plan()->levels.size(), 2u);
    const auto& second = engine.plan()->levels[1];
    EXPECT_FALSE (second.deferred);
    EXPECT_EQ (second.firstTap, second.partitionSize);

    const auto first = test::streamConvolve (x, h, config, 1);
    for (const std::uint32_t seed : { 2u, 3u })
        EXPECT_EQ (first, test::streamConvolve (x, h, config, seed))
            << "block seed " << seed << " changed the output bits";
    EXPECT_LT (test::maxErrorDb<float> (first, test::referenceConvolution<float> (x, h)), -125.0);
}

TEST (ConvolutionEngine, ZeroLatencyModeReportsNoLatencyAndTheTail)
{
    const auto engine = preparedMono (test::decayingNoise (1000, 3), { 128, LatencyMode::zero });
    EXPECT_EQ (engine.latencySamples(), 0u);
    EXPECT_EQ (engine.tailSamples(), 999u);
}

TEST (ConvolutionEngine, OnePartitionModeDelaysTheOutputByExactlyTheReportedLatency)
{
    const auto h = test::decayingNoise (500, 4);
    auto engine = preparedMono (h, { 256, LatencyMode::onePartition });
    ASSERT_EQ (engine.latencySamples(), 256u);
    EXPECT_EQ (engine.tailSamples(), 499u + 256u);

    // An impulse at 0 must come out exactly at the reported latency, not before.
    std::vector<float> in (2000, 0.0f), out (2000, 0.0f);
    in[0] = 1.0f;
    processMono (engine, in.data(), out.data(), in.size());
    for (std::size_t n = 0; n < 256; ++n)
        ASSERT_EQ (out[n], 0.0f) << n;
    std::vector<float> aligned (out.begin() + 256, out.begin() + 256 + 500);
    EXPECT_LT (test::maxErrorDb<float> (aligned, test::toDouble (h)), -120.0);
}

TEST (ConvolutionEngine, ResetClearsAllHistory)
{
    const auto h = test::decayingNoise (3000, 5);
    const auto x = test::whiteNoise (5000, 6);
    auto fresh = preparedMono (h);
    auto used = preparedMono (h);

    std::vector<float> scratch (7777);
    processMono (used, x.data(), scratch.data(), 4000); // leaves signal in every buffer
    used.reset();

    std::vector<float> expected (x.size()), actual (x.size());
    processMono (fresh, x.data(), expected.data(), x.size());
    processMono (used, x.data(), actual.data(), x.size());
    EXPECT_EQ (expected, actual);
}

TEST (ConvolutionEngine, InPlaceProcessingGivesTheSameOutputAsSeparateBuffers)
{
    test::Channels ir;
    for (std::uint32_t c = 0; c < 4; ++c)
        ir.push_back (test::decayingNoise (900, 10 + c));
    const auto kernels = routeImpulseResponse (ir, 2, 2);

    ConvolutionEngine separate, inPlace;
    separate.prepare (kernels, {});
    inPlace.prepare (kernels, {});
    auto left = test::whiteNoise (3000, 20);
    auto right = test::whiteNoise (3000, 21);
    std::vector<float> outLeft (3000), outRight (3000);

    test::RandomBlockSizes blocks (5, 64);
    for (std::size_t done = 0; done < 3000;)
    {
        const auto count = std::min (blocks.next(), 3000 - done);
        const float* inputs[] = { left.data() + done, right.data() + done };
        float* outputs[] = { outLeft.data() + done, outRight.data() + done };
        separate.process (inputs, outputs, count);
        float* shared[] = { left.data() + done, right.data() + done };
        inPlace.process (inputs, shared, count);
        done += count;
    }
    EXPECT_EQ (left, outLeft);
    EXPECT_EQ (right, outRight);
}

TEST (ConvolutionEngine, PartitionBoundariesIrShorterThanAPartitionExactlyOneAndOneSampleOver)
{
    const auto x = test::whiteNoise (5000, 30);
    for (const std::size_t irLength : { 1u, 31u, 63u, 64u, 65u, 127u, 128u, 129u })
    {
        const auto h = test::decayingNoise (irLength, 31);
        const auto reference = test::referenceConvolution<float> (x, h);
        for (const auto mode : { LatencyMode::zero, LatencyMode::onePartition })
        {
            const auto y = test::streamConvolve (x, h, { 64, mode }, 32);
            EXPECT_LT (test::maxErrorDb<float> (y, reference), -120.0) << "IR length " << irLength;
        }
    }
}

TEST (ConvolutionEngine, MismatchedChannelCountsGiveSilenceInsteadOfReadingOutOfBounds)
{
    auto engine = preparedMono ({ 1.0f, 0.5f });
    std::vector<float> a (64, 1.0f), b (64, 1.0f), out (64, 3.0f);
    const float* inputs[] = { a.data(), b.data() };
    float* outputs[] = { out.data() };
    engine.process (inputs, outputs, out.size());
    for (const auto v : out)
        EXPECT_EQ (v, 0.0f);
}

TEST (ConvolutionEngine, NonFiniteInputCannotPoisonTheEngineForever)
{
    const auto h = test::decayingNoise (1000, 40);
    auto engine = preparedMono (h);
    const auto x = test::whiteNoise (20000, 41);
    auto poisoned = x;
    poisoned[3000] = std::numeric_limits<float>::quiet_NaN();
    poisoned[3001] = std::numeric_limits<float>::infinity();
    poisoned[3002] = -std::numeric_limits<float>::infinity();

    std::vector<float> out (poisoned.size());
    processMono (engine, poisoned.data(), out.data(), out.size());
    const auto reference = test::referenceConvolution<float> (x, h);

    // A non-finite sample spoils the FFT blocks it falls in, at every level:
    // after the IR length plus the largest partition, the output is the clean
    // convolution again.
    std::size_t largestPartition = engine.plan()->headLength;
    for (const auto& level : engine.plan()->levels)
        largestPartition = std::max (largestPartition, level.partitionSize);
    const std::size_t recovered = 3003 + h.size() + largestPartition;
    std::vector<float> after (out.begin() + static_cast<std::ptrdiff_t> (recovered), out.end());
    std::vector<double> expected (reference.begin() + static_cast<std::ptrdiff_t> (recovered),
                                  reference.begin() + static_cast<std::ptrdiff_t> (out.size()));
    for (const auto v : after)
        ASSERT_TRUE (std::isfinite (v));
    EXPECT_LT (test::maxErrorDb<float> (after, expected), -116.0);
}

TEST (ConvolutionEngine, SubnormalOutputIsFlushedToZero)
{
    auto engine = preparedMono ({ 1.0e-30f, 0.5f });
    std::vector<float> in (256, 1.0e-10f), out (256);
    processMono (engine, in.data(), out.data(), in.size());
    for (const auto v : out)
        EXPECT_TRUE (v == 0.0f || std::isnormal (v)) << v;
}

} // namespace partita
