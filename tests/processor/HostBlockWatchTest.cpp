// SPDX-License-Identifier: GPL-3.0-or-later
#include "processor/HostBlockWatch.h"

#include "../engine/StreamingHarness.h"
#include "ProcessorTestHelpers.h"
#include "ReferenceConvolution.h"
#include "TestSignals.h"
#include "processor/ConvolverProcessor.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace partita
{
namespace
{
constexpr double rate = 48000.0;

ConvolutionEngine steadyEngine (std::size_t hostBlock)
{
    KernelMatrix kernels (1, 1);
    kernels.setKernel (0, 0, test::decayingNoise (24000, 1));
    EngineConfig config { hostBlock, LatencyMode::zero };
    config.expectedBlockSize = hostBlock;
    config.hostBlocks = HostBlocks::steady;
    ConvolutionEngine engine;
    engine.prepare (kernels, config);
    return engine;
}

/** Runs `seconds` of calls of `callSize` samples; true once the watch trips. */
bool feed (ConvolutionEngine& engine, HostBlockWatch& watch, double seconds, std::size_t callSize)
{
    std::vector<float> in (callSize, 0.25f), out (callSize);
    const float* inputs[] = { in.data() };
    float* outputs[] = { out.data() };
    bool tripped = false;
    for (std::size_t done = 0; done < static_cast<std::size_t> (seconds * rate); done += callSize)
    {
        engine.process (inputs, outputs, callSize);
        tripped = watch.observe (engine, callSize);
    }
    return tripped;
}
} // namespace

TEST (HostBlockWatch, WholeBlocksNeverTripItAndCutOnesDoWithinTwoWindows)
{
    auto engine = steadyEngine (512);
    ASSERT_GT (engine.blockAlignment(), 1u) << "the plan should transform whole 512-sample blocks";
    HostBlockWatch watch;
    watch.prepare (rate);

    EXPECT_FALSE (feed (engine, watch, 5.0, 512));
    EXPECT_EQ (engine.directFallbackBlocks(), 0u);

    // A host that shifts onto another grid and then sends 500-sample calls:
    // almost every partition is cut.
    feed (engine, watch, 0.0, 100);
    EXPECT_TRUE (feed (engine, watch, 4.1, 500));
    EXPECT_TRUE (watch.tripped());
    EXPECT_TRUE (feed (engine, watch, 1.0, 512)) << "the watch stays tripped";

    watch.reset();
    EXPECT_FALSE (watch.tripped());
}

TEST (HostBlockWatch, AFewCutBlocksAtLoopPointsDoNotTripIt)
{
    auto engine = steadyEngine (256);
    HostBlockWatch watch;
    watch.prepare (rate);
    // Every 100th call is split in two (an automation split), on the grid.
    std::vector<float> in (256, 0.25f), out (256);
    const float* inputs[] = { in.data() };
    float* outputs[] = { out.data() };
    bool tripped = false;
    for (int call = 0; call < 2000; ++call)
    {
        if (call % 100 == 99)
        {
            engine.process (inputs, outputs, 100);
            tripped = watch.observe (engine, 100) || tripped;
            engine.process (inputs, outputs, 156);
            tripped = watch.observe (engine, 156) || tripped;
            continue;
        }
        engine.process (inputs, outputs, 256);
        tripped = watch.observe (engine, 256) || tripped;
    }
    EXPECT_GT (engine.directFallbackBlocks(), 0u);
    EXPECT_FALSE (tripped);
}

TEST (HostBlockWatch, AProcessorWhoseHostCutsItsBlocksMovesToTheAnyCutPlanAndStaysExact)
{
    // A host that announced 1024-sample blocks and then sends any size: the
    // loader rebuilds the engine for any cut (crossfaded; the same IR), after
    // which no partition is summed directly any more and the output still
    // equals the exact convolution.
    const auto ir = test::decayingNoise (24000, 2);
    ConvolverProcessor processor; // background
    processor.setParameters (test::neutralParameters());
    processor.loadImpulseResponse (test::makeClip ({ ir }, rate), "room.wav");
    processor.prepare (rate, 1024, 1, 1);

    const std::size_t length = static_cast<std::size_t> (8.0 * rate);
    const auto x = test::whiteNoise (length, 3);
    std::vector<float> y (length, 0.0f);
    test::RandomBlockSizes blocks (4, 256, 1024);
    std::size_t position = 0;
    std::size_t fallbacksAtSixSeconds = 0;
    while (position < length)
    {
        const auto count = std::min (blocks.next(), length - position);
        std::copy_n (x.begin() + static_cast<std::ptrdiff_t> (position), count,
                     y.begin() + static_cast<std::ptrdiff_t> (position));
        float* channels[] = { y.data() + position };
        processor.process (channels, count);
        position += count;
        if (position < static_cast<std::size_t> (6.0 * rate))
        {
            std::this_thread::sleep_for (std::chrono::microseconds (50)); // let the loader run
            fallbacksAtSixSeconds = processor.directFallbackBlocks();
        }
    }
    EXPECT_EQ (processor.directFallbackBlocks(), fallbacksAtSixSeconds)
        << "the engine still plans for whole host blocks";

    const auto exact = test::referenceConvolution<float> (x, ir);
    const std::span<const float> got (y.data() + length - 48000, 48000);
    const std::span<const double> expected (exact.data() + length - 48000, 48000);
    EXPECT_LT (test::maxErrorDb (got, expected), -110.0);
}

} // namespace partita
