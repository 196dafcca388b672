// SPDX-License-Identifier: GPL-3.0-or-later
// FFTW's planner is not thread-safe: two plugin instances loading IRs at the
// same moment plan at the same moment. RealFft serialises planning behind one
// lock; these tests plan from many threads at once and check every result.
#include "ProcessorTestHelpers.h"
#include "ReferenceConvolution.h"
#include "StreamingHarness.h"
#include "TestSignals.h"
#include "engine/ConvolutionEngine.h"
#include "processor/ConvolverProcessor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace partita
{
namespace
{
constexpr std::size_t numThreads = 8;

/** Runs body (threadIndex) on numThreads threads released together. */
template <typename Body>
void runTogether (Body body)
{
    std::atomic<std::size_t> ready { 0 };
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < numThreads; ++t)
        threads.emplace_back (
            [&, t]
            {
                ready.fetch_add (1);
                while (ready.load() < numThreads)
                    std::this_thread::yield();
                body (t);
            });
    for (auto& thread : threads)
        thread.join();
}

/** An impulse on every input: each output must be the shaped IR channel
    the processor reports it convolves with (a stereo IR on a mono-to-stereo
    or stereo bus: IR channel o feeds output o). */
double impulseResponseError (ConvolverProcessor& processor, std::size_t numInputs, std::size_t numOutputs)
{
    const auto info = processor.impulseResponseInfo();
    if (info == nullptr)
        return 1.0;
    const auto length = info->shapedFrames();
    const test::Channels input (numInputs, test::impulse (length + 64, 0));
    const auto output = test::renderThroughProcessor (processor, input, numOutputs, length + 64, 3);

    double worst = 0.0;
    for (std::size_t o = 0; o < numOutputs; ++o)
    {
        const auto& expected = info->shapedChannels[std::min (o, info->shapedChannels.size() - 1)];
        for (std::size_t n = 0; n < length + 64; ++n)
        {
            const double want = n < length ? static_cast<double> (expected[n]) : 0.0;
            worst = std::max (worst, std::abs (static_cast<double> (output[o][n]) - want));
        }
    }
    return worst;
}
} // namespace

TEST (FftwPlannerThreadSafety, EnginesPreparedFromEightThreadsAtOnceAllConvolveCorrectly)
{
    constexpr std::size_t preparesPerThread = 20;
    std::vector<std::vector<double>> errors (numThreads);

    runTogether (
        [&] (std::size_t t)
        {
            for (std::size_t i = 0; i < preparesPerThread; ++i)
            {
                const auto seed = static_cast<std::uint32_t> (t * preparesPerThread + i + 1);
                // Every thread asks for other sizes: partitions 8 to 4096,
                // kernels of 1 to about 5000 samples, both latency modes.
                const std::size_t irLength = 1 + (seed * 2654435761u) % 5000u;
                EngineConfig config;
                config.firstPartitionSize = std::size_t { 8 } << (seed % 10);
                config.latencyMode = seed % 3 == 0 ? LatencyMode::onePartition : LatencyMode::zero;
                config.scheme = seed % 4 == 0 ? PartitionScheme::uniform : PartitionScheme::nonUniform;

                const auto x = test::whiteNoise (1500, seed);
                const auto h = test::decayingNoise (irLength, seed + 1000);
                const auto y = test::streamConvolve (x, h, config, seed);
                const auto reference =
                    test::referenceConvolution<float> (std::span<const float> (x), std::span<const float> (h));
                errors[t].push_back (test::maxErrorDb<float> (y, reference));
            }
        });

    double worst = -400.0;
    for (std::size_t t = 0; t < numThreads; ++t)
    {
        ASSERT_EQ (errors[t].size(), preparesPerThread);
        for (const auto error : errors[t])
        {
            EXPECT_LT (error, -110.0) << "thread " << t;
            worst = std::max (worst, error);
        }
    }
    std::printf ("[ figures  ] %zu engines prepared on %zu threads at once, worst error %.1f dB\n",
                 numThreads * preparesPerThread, numThreads, worst);
}

TEST (FftwPlannerThreadSafety, ProcessorsLoadingIrsOnEightThreadsAtOnceEachPlayTheirOwnIr)
{
    constexpr std::size_t loadsPerThread = 5;
    std::vector<double> worstPerThread (numThreads, 0.0);
    std::vector<std::string> failures (numThreads);

    runTogether (
        [&] (std::size_t t)
        {
            ConvolverProcessor processor (RebuildMode::synchronous);
            processor.setParameters (test::neutralParameters());
            processor.prepare (48000.0, 512, 1, 2);
            for (std::size_t i = 0; i < loadsPerThread; ++i)
            {
                const auto seed = static_cast<std::uint32_t> (100 * t + i + 1);
                const double irRate = (seed % 3 == 0) ? 44100.0 : (seed % 3 == 1 ? 48000.0 : 96000.0);
                const auto length = 100 + (seed * 7919u) % 6000u;
                const auto outcome = processor.loadImpulseResponse (
                    test::makeClip ({ test::decayingNoise (length, seed), test::decayingNoise (length, seed + 1) },
                                    irRate),
                    "ir" + std::to_string (seed) + ".wav");
                if (outcome != LoadOutcome::built)
                {
                    failures[t] = processor.lastError();
                    return;
                }
                processor.reset();
                worstPerThread[t] = std::max (worstPerThread[t], impulseResponseError (processor, 1, 2));
            }
        });

    for (std::size_t t = 0; t < numThreads; ++t)
    {
        EXPECT_EQ (failures[t], "") << "thread " << t;
        EXPECT_LT (worstPerThread[t], 1.0e-5) << "thread " << t;
    }
}

TEST (FftwPlannerThreadSafety, BackgroundLoadersOfEightProcessorsPlanAtOnceWithoutHarm)
{
    std::vector<std::unique_ptr<ConvolverProcessor>> processors;
    for (std::size_t t = 0; t < numThreads; ++t)
    {
        processors.push_back (std::make_unique<ConvolverProcessor> (RebuildMode::background));
        processors.back()->setParameters (test::neutralParameters());
        processors.back()->prepare (48000.0, 256, 2, 2);
    }

    // Every processor's loader thread gets an IR at the same moment.
    runTogether (
        [&] (std::size_t t)
        {
            const auto seed = static_cast<std::uint32_t> (t + 1);
            const auto length = 1000 + 500 * t;
            processors[t]->loadImpulseResponse (
                test::makeClip ({ test::decayingNoise (length, seed), test::decayingNoise (length, seed + 50) },
                                t % 2 == 0 ? 48000.0 : 88200.0),
                "loader" + std::to_string (t) + ".wav");
        });

    for (std::size_t t = 0; t < numThreads; ++t)
    {
        auto& processor = *processors[t];
        const auto name = "loader" + std::to_string (t) + ".wav";
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds (30);
        while ((processor.impulseResponseInfo() == nullptr || processor.impulseResponseInfo()->name != name)
               && processor.lastError().empty() && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for (std::chrono::milliseconds (2));
        ASSERT_EQ (processor.lastError(), "");
        ASSERT_NE (processor.impulseResponseInfo(), nullptr);
        ASSERT_EQ (processor.impulseResponseInfo()->name, name);

        // Let the first process call pick the new engine up, then measure.
        processor.reset();
        EXPECT_LT (impulseResponseError (processor, 2, 2), 1.0e-5) << name;
    }
}

} // namespace partita
