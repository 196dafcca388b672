// SPDX-License-Identifier: GPL-3.0-or-later
#include "../engine/StreamingHarness.h"
#include "ProcessorTestHelpers.h"
#include "RealtimeWatch.h"
#include "TestSignals.h"
#include "processor/ConvolverProcessor.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <thread>

namespace partita
{
namespace
{
constexpr double rate = 48000.0;

template <typename Condition>
bool waitFor (Condition condition, std::chrono::milliseconds timeout = std::chrono::milliseconds (5000))
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!condition())
    {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for (std::chrono::milliseconds (1));
    }
    return true;
}
} // namespace

TEST (ConvolverIrSwap, ANewIrCrossfadesLinearlyFromTheOldOneOverFiftyMilliseconds)
{
    // IR A = delta, IR B = -delta: with g = (n - P + 1) / F over the fade,
    // y = g (-x) + (1 - g) x, then -x: closed form, and complete after F.
    const std::size_t swapAt = 10000;
    const auto fade = static_cast<std::size_t> (std::llround (ConvolverProcessor::crossfadeSeconds * rate));
    ConvolverProcessor processor (RebuildMode::synchronous);
    processor.setParameters (test::neutralParameters());
    processor.loadImpulseResponse (test::makeClip ({ { 1.0f } }, rate), "plus.wav");
    processor.prepare (rate, 512, 1, 1);

    const auto x = test::sine (24000, 100.0, rate, 0.5);
    const auto y = test::renderInSegments (
        processor, { x }, 1, x.size(), 3, { swapAt },
        [&] (std::size_t) {
            EXPECT_EQ (processor.loadImpulseResponse (test::makeClip ({ { -1.0f } }, rate), "minus.wav"),
                       LoadOutcome::built);
        })[0];

    for (std::size_t n = 0; n < x.size(); ++n)
    {
        const auto xn = static_cast<double> (x[n]);
        double expected = xn;
        if (n >= swapAt + fade)
            expected = -xn;
        else if (n >= swapAt)
        {
            const double g = static_cast<double> (n - swapAt + 1) / static_cast<double> (fade);
            expected = g * -xn + (1.0 - g) * xn;
        }
        ASSERT_NEAR (y[n], expected, 1.0e-6) << "sample " << n;
    }

    // The fade's own steps stay at the sine's scale (2 pi 100 / 48000 * 0.5 = 0.0065).
    EXPECT_LT (test::largestStep (y), 0.0075);
    EXPECT_EQ (processor.impulseResponseInfo()->name, "minus.wav");
}

TEST (ConvolverIrSwap, SwapsAndParameterChangesFromOtherThreadsNeitherAllocateNorLockOnTheAudioThread)
{
    ConvolverProcessor processor; // background loader thread
    auto parameters = test::neutralParameters();
    parameters.lowCutHz = 80.0f;
    processor.setParameters (parameters);
    processor.loadImpulseResponse (
        test::makeClip ({ test::decayingNoise (4800, 1), test::decayingNoise (4800, 2) }, 44100.0), "first.wav");
    processor.prepare (rate, 1024, 2, 2);

    std::atomic<bool> running { true };
    std::atomic<int> loads { 0 };
    std::thread messageThread (
        [&]
        {
            std::uint32_t seed = 10;
            while (running.load())
            {
                auto p = test::neutralParameters();
                p.trimStartMs = static_cast<float> (seed % 7);
                p.reverse = seed % 3 == 0;
                p.stretchPercent = 80.0f + static_cast<float> (seed % 5) * 20.0f;
                p.autoGain = seed % 2 == 0;
                p.latencyMode = seed % 11 == 0 ? LatencyMode::onePartition : LatencyMode::zero;
                processor.setParameters (p);
                processor.loadImpulseResponse (test::makeClip ({ test::decayingNoise (2000 + seed, seed),
                                                                 test::decayingNoise (2000 + seed, seed + 1) },
                                                               seed % 2 == 0 ? 48000.0 : 96000.0),
                                               "ir" + std::to_string (seed) + ".wav");
                ++loads;
                ++seed;
                std::this_thread::sleep_for (std::chrono::milliseconds (3));
            }
        });

    const auto versionAtStart = processor.impulseResponseVersion();
    const std::size_t maxBlock = 4096;
    std::vector<float> buffer (2 * maxBlock);
    const auto noise = test::whiteNoise (maxBlock, 5);
    float* channels[] = { buffer.data(), buffer.data() + maxBlock };
    test::RandomBlockSizes blocks (7, ConvolverProcessor::zeroLatencyPartition, maxBlock);
    std::uint32_t counter = 0;
    bool allFinite = true;

    test::RealtimeViolations seen;
    {
        const test::ScopedRealtimeWatch watch;
        const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds (1500);
        while (std::chrono::steady_clock::now() < until)
        {
            const auto count = blocks.next();
            std::copy_n (noise.begin(), count, channels[0]);
            std::copy_n (noise.begin(), count, channels[1]);

            // Live parameters set from the audio thread too, as an adapter may.
            auto live = processor.parameters();
            live.mixPercent = static_cast<float> (counter % 100);
            live.widthPercent = static_cast<float> (counter % 200);
            live.preDelayMs = static_cast<float> (counter % 50);
            live.highCutHz = 1000.0f + static_cast<float> (counter % 19000);
            processor.setParameters (live);

            processor.process (channels, count);
            allFinite = allFinite && std::isfinite (channels[0][count - 1]) && std::isfinite (channels[1][0]);
            if (++counter % 64 == 0)
                processor.reset();
        }
        seen = watch.violations();
    }

    running = false;
    messageThread.join();

    EXPECT_EQ (seen.allocations, 0u);
    EXPECT_EQ (seen.deallocations, 0u) << "an engine was freed on the audio thread";
    EXPECT_EQ (seen.lockWaits, 0u);
    EXPECT_TRUE (allFinite);
    EXPECT_GT (loads.load(), 20);
    EXPECT_GT (processor.impulseResponseVersion(), versionAtStart + 20);
    RecordProperty ("processCalls", std::to_string (counter));
    RecordProperty ("loads", std::to_string (loads.load()));

    // The loader frees what the audio thread retired.
    EXPECT_TRUE (waitFor ([&] { return processor.retiredEnginesAwaitingRelease() == 0; }));
}

TEST (ConvolverIrSwap, RetiredEnginesAreFreedByTheLoaderThreadSoonAfterTheFade)
{
    ConvolverProcessor processor;
    processor.setParameters (test::neutralParameters());
    processor.prepare (rate, 512, 1, 1);

    std::vector<float> block (512, 0.1f);
    float* channels[] = { block.data() };
    processor.process (channels, block.size());

    const auto version = processor.impulseResponseVersion();
    EXPECT_EQ (processor.loadImpulseResponse (test::makeClip ({ test::decayingNoise (1000, 3) }, rate), "late.wav"),
               LoadOutcome::queued);
    ASSERT_TRUE (waitFor ([&] { return processor.impulseResponseVersion() != version; }));

    // 50 ms of audio: the pick-up and the whole crossfade; the old engine is retired.
    for (int i = 0; i < 6; ++i)
        processor.process (channels, block.size());
    ASSERT_TRUE (waitFor ([&] { return processor.retiredEnginesAwaitingRelease() == 0; }));
    ASSERT_NE (processor.impulseResponseInfo(), nullptr);
    EXPECT_EQ (processor.impulseResponseInfo()->name, "late.wav");
}

TEST (ConvolverIrSwap, ABackgroundLoadPublishesTheIrInfoForTheEditor)
{
    ConvolverProcessor processor;
    auto parameters = test::neutralParameters();
    parameters.autoGain = true;
    processor.setParameters (parameters);
    processor.prepare (96000.0, 512, 2, 2);

    const test::Channels ir { test::decayingNoise (4410, 1), test::decayingNoise (4410, 2),
                              test::decayingNoise (4410, 3), test::decayingNoise (4410, 4) };
    const auto version = processor.impulseResponseVersion();
    processor.loadImpulseResponse (test::makeClip (ir, 44100.0), "hall true stereo.wav");
    ASSERT_TRUE (waitFor ([&] { return processor.impulseResponseVersion() != version; }));

    const auto info = processor.impulseResponseInfo();
    ASSERT_NE (info, nullptr);
    EXPECT_EQ (processor.lastError(), "");
    EXPECT_EQ (info->name, "hall true stereo.wav");
    EXPECT_EQ (info->originalSampleRate, 44100.0);
    EXPECT_EQ (info->originalFrames, 4410u);
    EXPECT_EQ (info->numChannels, 4u);
    EXPECT_EQ (info->sampleRate, 96000.0);
    EXPECT_EQ (info->shapedFrames(), 9600u);
    ASSERT_NE (info->source, nullptr);
    EXPECT_EQ (info->source->channels[2][7], static_cast<double> (ir[2][7]));

    // Auto-gain: the loudest path has unit energy.
    double loudest = 0.0;
    for (const auto& channel : info->shapedChannels)
    {
        double energy = 0.0;
        for (const auto s : channel)
            energy += static_cast<double> (s) * static_cast<double> (s);
        loudest = std::max (loudest, energy);
    }
    EXPECT_NEAR (loudest, 1.0, 1.0e-5);
}

} // namespace partita

namespace partita
{

TEST (ConvolverIrSwap, ALatencyModeChangeCrossfadesDryAndWetToTheNewDelayWithoutAStep)
{
    // delta IR at 50 % mix: before the change y = x[n], after the fade
    // y = x[n - 1024] (dry and wet both delayed by the new latency).
    const double sampleRate = 48000.0;
    const std::size_t changeAt = 12000;
    const auto fade = static_cast<std::size_t> (std::llround (ConvolverProcessor::crossfadeSeconds * sampleRate));
    ConvolverProcessor processor (RebuildMode::synchronous);
    auto parameters = test::neutralParameters();
    parameters.mixPercent = 50.0f;
    processor.setParameters (parameters);
    processor.loadImpulseResponse (test::makeClip ({ { 1.0f } }, sampleRate), "unit.wav");
    processor.prepare (sampleRate, 512, 1, 1);
    ASSERT_EQ (processor.latencySamples(), 0u);

    const auto x = test::sine (30000, 100.0, sampleRate, 0.5);
    const auto y = test::renderInSegments (processor, { x }, 1, x.size(), 4, { changeAt },
                                           [&] (std::size_t)
                                           {
                                               parameters.latencyMode = LatencyMode::onePartition;
                                               processor.setParameters (parameters);
                                           })[0];
    const auto latency = processor.latencySamples();
    ASSERT_EQ (latency, ConvolverProcessor::lowCpuPartition);

    for (std::size_t n = 0; n < changeAt; ++n)
        ASSERT_NEAR (y[n], x[n], 1.0e-6) << "sample " << n;
    for (std::size_t n = changeAt + fade; n < x.size(); ++n)
        ASSERT_NEAR (y[n], x[n - latency], 1.0e-6) << "sample " << n;
    EXPECT_LT (test::largestStep (y), 0.0075); // the sine's own steps are 0.0065
}

TEST (ConvolverIrSwap, ManyProcessorsCanLoadIrsAtTheSameTime)
{
    // FFTW's planner is shared by the whole process; loads in parallel must not crash.
    std::vector<std::unique_ptr<ConvolverProcessor>> processors;
    for (int i = 0; i < 6; ++i)
    {
        processors.push_back (std::make_unique<ConvolverProcessor>());
        processors.back()->setParameters (test::neutralParameters());
        processors.back()->prepare (48000.0, 256, 2, 2);
    }

    std::vector<std::thread> loaders;
    for (std::size_t i = 0; i < processors.size(); ++i)
        loaders.emplace_back (
            [&, i]
            {
                for (std::uint32_t k = 0; k < 5; ++k)
                    processors[i]->loadImpulseResponse (test::makeClip ({ test::decayingNoise (3000 + 100 * k, k),
                                                                          test::decayingNoise (3000 + 100 * k, k + 1) },
                                                                        44100.0),
                                                        "ir.wav");
            });
    for (auto& loader : loaders)
        loader.join();

    for (auto& processor : processors)
    {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds (5);
        while (processor->impulseResponseInfo() == nullptr && processor->lastError().empty()
               && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for (std::chrono::milliseconds (1));
        ASSERT_NE (processor->impulseResponseInfo(), nullptr) << processor->lastError();
        EXPECT_EQ (processor->lastError(), "");
    }
}

} // namespace partita
