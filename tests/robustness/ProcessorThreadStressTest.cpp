// SPDX-License-Identifier: GPL-3.0-or-later
// ctest label `long` (not in the default run); meant for ThreadSanitizer:
//     cmake --preset tsan && cmake --build --preset tsan --target partita_long_tests
//     ctest --preset tsan-long
// The processor's threads all at once for 60 s (PARTITA_STRESS_SECONDS):
// an audio thread, the processor's own loader thread, a message thread that
// loads random IRs, queries everything an editor shows, switches the rebuild
// mode and (with the audio thread held) re-prepares at other rates, and a
// parameter thread that automates every parameter.
#include "ProcessorTestHelpers.h"
#include "RealtimeWatch.h"
#include "TestSignals.h"
#include "processor/ConvolverProcessor.h"
#include "processor/ParameterTable.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace partita
{
namespace
{
using Clock = std::chrono::steady_clock;

std::chrono::seconds stressDuration()
{
    if (const char* text = std::getenv ("PARTITA_STRESS_SECONDS"))
        return std::chrono::seconds (std::max (1, std::atoi (text)));
    return std::chrono::seconds (60);
}

ProcessorParameters randomParameters (std::mt19937& random, bool shapingToo)
{
    auto uniform = [&] (const ParameterRange& range)
    { return std::uniform_real_distribution<float> (range.minimum, range.maximum) (random); };
    ProcessorParameters p;
    p.mixPercent = uniform (parameterRow ("mix").range);
    p.wetGainDb = uniform (parameterRow ("wetGain").range);
    p.outputGainDb = std::min (uniform (parameterRow ("outputGain").range), 0.0f);
    p.preDelayMs = uniform (parameterRow ("preDelay").range);
    p.lowCutHz = uniform (parameterRow ("lowCut").range);
    p.highCutHz = uniform (parameterRow ("highCut").range);
    p.widthPercent = uniform (parameterRow ("width").range);
    p.autoGain = true;
    if (shapingToo)
    {
        p.trimStartMs = std::uniform_real_distribution<float> (0.0f, 20.0f) (random);
        p.trimEndMs = std::uniform_real_distribution<float> (0.0f, 20.0f) (random);
        p.reverse = random() % 2 == 0;
        p.stretchPercent = uniform (parameterRow ("stretch").range);
        p.latencyMode = random() % 4 == 0 ? LatencyMode::onePartition : LatencyMode::zero;
    }
    return p;
}
} // namespace

TEST (ProcessorThreadStress, LoaderAudioMessageAndParameterThreadsRunTogetherForAMinute)
{
    const auto duration = stressDuration();
    // Small blocks: many callbacks, so many hand-overs to race (TSan makes
    // each callback some twenty times slower).
    constexpr std::size_t maxBlock = 512;

    ConvolverProcessor processor (RebuildMode::background);
    processor.loadImpulseResponse (
        test::makeClip ({ test::decayingNoise (4800, 1), test::decayingNoise (4800, 2) }, 48000.0), "start.wav");
    processor.prepare (48000.0, maxBlock, 2, 2);

    std::atomic<bool> running { true };
    // The message thread holds the audio thread (as a host stops its
    // callback) to call prepare(): audio acknowledges, waits, resumes.
    std::atomic<bool> holdAudio { false };
    std::atomic<bool> audioHeld { false };
    std::atomic<std::size_t> loads { 0 }, queries { 0 }, parameterChanges { 0 }, prepares { 0 }, modeSwitches { 0 };

    std::thread messageThread (
        [&]
        {
            std::mt19937 random (1);
            const double rates[] = { 44100.0, 48000.0, 96000.0 };
            auto nextPrepare = Clock::now() + std::chrono::seconds (7);
            auto nextModeSwitch = Clock::now() + std::chrono::seconds (3);
            while (running.load())
            {
                const auto seed = static_cast<std::uint32_t> (random());
                const std::size_t channels[] = { 1, 2, 4 };
                const auto numChannels = channels[seed % 3];
                test::Channels ir;
                for (std::size_t c = 0; c < numChannels; ++c)
                    ir.push_back (test::decayingNoise (100 + seed % 20000, seed + static_cast<std::uint32_t> (c)));
                processor.loadImpulseResponse (test::makeClip (ir, rates[seed % 3]),
                                               "ir" + std::to_string (seed) + ".wav");
                ++loads;

                // What an editor polls.
                for (int i = 0; i < 20; ++i)
                {
                    const auto info = processor.impulseResponseInfo();
                    if (info != nullptr)
                        (void)info->shapedFrames();
                    (void)processor.lastError();
                    (void)processor.reportedTiming();
                    (void)processor.impulseResponseVersion();
                    (void)processor.timingVersion();
                    (void)processor.cpuLoad();
                    (void)processor.retiredEnginesAwaitingRelease();
                    (void)processor.parameters();
                    ++queries;
                    std::this_thread::sleep_for (std::chrono::microseconds (500));
                }

                if (Clock::now() > nextModeSwitch)
                {
                    processor.setRebuildMode (RebuildMode::synchronous);
                    processor.loadImpulseResponse (test::makeClip ({ test::decayingNoise (3000, seed) }, 48000.0),
                                                   "synchronous.wav");
                    processor.setRebuildMode (RebuildMode::background);
                    ++modeSwitches;
                    nextModeSwitch = Clock::now() + std::chrono::seconds (3);
                }

                if (Clock::now() > nextPrepare)
                {
                    holdAudio.store (true);
                    while (!audioHeld.load() && running.load())
                        std::this_thread::yield();
                    if (running.load())
                    {
                        processor.prepare (rates[random() % 3], 1 + random() % maxBlock, 2, 2);
                        ++prepares;
                    }
                    holdAudio.store (false);
                    nextPrepare = Clock::now() + std::chrono::seconds (7);
                }
            }
        });

    std::thread parameterThread (
        [&]
        {
            std::mt19937 random (2);
            while (running.load())
            {
                processor.setParameters (randomParameters (random, random() % 20 == 0));
                ++parameterChanges;
                std::this_thread::sleep_for (std::chrono::milliseconds (1));
            }
        });

    // The audio thread: this one.
    std::vector<float> buffer (2 * maxBlock);
    const auto noise = test::whiteNoise (maxBlock, 3);
    float* channels[] = { buffer.data(), buffer.data() + maxBlock };
    std::mt19937 random (4);
    std::size_t calls = 0, nonFinite = 0;
    test::RealtimeViolations seen;

    const auto end = Clock::now() + duration;
    while (Clock::now() < end)
    {
        {
            const test::ScopedRealtimeWatch watch;
            for (int i = 0; i < 256 && !holdAudio.load(); ++i)
            {
                const auto count = 1 + random() % maxBlock;
                std::copy_n (noise.begin(), count, channels[0]);
                std::copy_n (noise.begin(), count, channels[1]);
                processor.process (channels, count);
                for (std::size_t n = 0; n < count; ++n)
                    if (!std::isfinite (channels[0][n]) || !std::isfinite (channels[1][n]))
                        ++nonFinite;
                if (++calls % 1000 == 0)
                    processor.reset();
            }
            seen += watch.violations();
        }

        if (holdAudio.load())
        {
            audioHeld.store (true);
            while (holdAudio.load())
                std::this_thread::yield();
            audioHeld.store (false);
        }
        // A real callback leaves the core now and then.
        std::this_thread::sleep_for (std::chrono::microseconds (200));
    }

    running.store (false);
    holdAudio.store (false);
    messageThread.join();
    parameterThread.join();

    EXPECT_EQ (nonFinite, 0u);
    EXPECT_EQ (seen.total(), 0u) << seen.describe();
    EXPECT_GT (loads.load(), 10u);
    EXPECT_GT (prepares.load(), 0u);
    std::printf ("[ figures  ] %lld s: %zu audio callbacks, %zu IR loads, %zu parameter changes, %zu query rounds, "
                 "%zu prepares, %zu rebuild-mode switches; audio-thread forbidden calls: %s\n",
                 static_cast<long long> (duration.count()), calls, loads.load(), parameterChanges.load(),
                 queries.load(), prepares.load(), modeSwitches.load(), seen.describe().c_str());
}

} // namespace partita
