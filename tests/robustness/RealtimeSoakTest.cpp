// SPDX-License-Identifier: GPL-3.0-or-later
// 100,000 audio callbacks at random block sizes from 1 to 4096 samples, with
// IR swaps made from another thread, parameter changes and resets: the audio
// thread must not make a single call that can allocate, free, block, sleep
// or touch a file.
#include "ProcessorTestHelpers.h"
#include "RealtimeWatch.h"
#include "TestSignals.h"
#include "engine/ChannelRouting.h"
#include "engine/ConvolutionEngine.h"
#include "processor/ConvolverProcessor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace partita
{
namespace
{
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool underSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
constexpr bool underSanitizer = true;
#else
constexpr bool underSanitizer = false;
#endif
#else
constexpr bool underSanitizer = false;
#endif

// A tenth of the calls (every swap, parameter change and reset kept)
// under ASan and TSan, which run this some ten times slower.
constexpr std::size_t numCalls = underSanitizer ? 10'000 : 100'000;
constexpr std::size_t maxBlock = 4096;
constexpr std::size_t numSwaps = 100;
constexpr std::size_t callsPerSwap = numCalls / (numSwaps + 1);
constexpr std::size_t numParameterChanges = 1000;
constexpr std::size_t numResets = 10;
constexpr double rate = 48000.0;

using Clock = std::chrono::steady_clock;

/** Waits on the audio thread without any system call: steady_clock reads
    the vDSO. Gives up after the deadline so a stuck loader fails the
    test instead of hanging it. */
template <typename Condition>
bool spinUntil (Condition condition, std::chrono::seconds limit = std::chrono::seconds (30))
{
    const auto deadline = Clock::now() + limit;
    while (!condition())
        if (Clock::now() > deadline)
            return false;
    return true;
}

std::vector<std::vector<float>> randomIr (std::size_t numChannels, std::size_t length, std::uint32_t seed)
{
    std::vector<std::vector<float>> channels;
    for (std::size_t c = 0; c < numChannels; ++c)
        channels.push_back (test::decayingNoise (length, seed + static_cast<std::uint32_t> (c)));
    return channels;
}

bool allFinite (const float* samples, std::size_t count)
{
    for (std::size_t n = 0; n < count; ++n)
        if (!std::isfinite (samples[n]))
            return false;
    return true;
}

void expectNoViolation (const test::RealtimeViolations& seen)
{
    for (std::size_t i = 0; i < test::numRealtimeCalls; ++i)
        EXPECT_EQ (seen.calls[i], 0u) << test::realtimeCallName (static_cast<test::RealtimeCall> (i));
    EXPECT_EQ (seen.total(), 0u) << seen.describe();
}
} // namespace

TEST (RealtimeSoak, TheEngineMakesNoForbiddenCallInAHundredThousandRandomBlocksWithSwapsAndResets)
{
    // The engine has no parameters; its IR changes the way an adapter makes
    // them: a loader thread prepares a new engine and hands it over through
    // an atomic pointer, and frees the one the audio thread gives back.
    auto makeEngine = [] (std::uint32_t seed)
    {
        auto engine = std::make_unique<ConvolutionEngine>();
        const auto length = 200 + (seed * 7919u) % 4000u;
        // Stereo mostly, true stereo (four paths) every fourth IR.
        const auto ir = randomIr (seed % 4 == 0 ? 4 : 2, length, seed);
        EngineConfig config;
        config.latencyMode = seed % 5 == 0 ? LatencyMode::onePartition : LatencyMode::zero;
        config.firstPartitionSize = seed % 5 == 0 ? 1024 : 64;
        engine->prepare (routeImpulseResponse (ir, 2, 2), config);
        return engine;
    };

    std::atomic<ConvolutionEngine*> pending { nullptr };
    std::atomic<ConvolutionEngine*> retired { nullptr };
    std::atomic<std::size_t> callsDone { 0 };
    std::atomic<std::size_t> swapsPublished { 0 };
    std::atomic<bool> stop { false };

    std::thread loader (
        [&]
        {
            for (std::size_t swap = 1; swap <= numSwaps && !stop.load(); ++swap)
            {
                while (callsDone.load() < swap * callsPerSwap && !stop.load())
                    std::this_thread::sleep_for (std::chrono::milliseconds (1));
                auto next = makeEngine (static_cast<std::uint32_t> (swap));
                // Wait until the previous hand-over has been taken and its
                // retired engine given back.
                while ((pending.load() != nullptr || retired.load() != nullptr) && !stop.load())
                {
                    std::unique_ptr<ConvolutionEngine> old (retired.exchange (nullptr));
                    std::this_thread::sleep_for (std::chrono::milliseconds (1));
                }
                pending.store (next.release());
                swapsPublished.store (swap);
            }
            while (!stop.load())
            {
                std::unique_ptr<ConvolutionEngine> old (retired.exchange (nullptr));
                std::this_thread::sleep_for (std::chrono::milliseconds (1));
            }
        });

    auto current = makeEngine (0);
    const auto noiseLeft = test::whiteNoise (maxBlock, 1);
    const auto noiseRight = test::whiteNoise (maxBlock, 2);
    std::vector<float> outLeft (maxBlock), outRight (maxBlock);
    const float* inputs[] = { noiseLeft.data(), noiseRight.data() };
    float* outputs[] = { outLeft.data(), outRight.data() };
    std::mt19937 random (3);
    std::uniform_int_distribution<std::size_t> blockSizes (1, maxBlock);
    std::size_t swapsTaken = 0, resets = 0, samples = 0;
    bool finite = true, loaderKeptUp = true;

    test::RealtimeViolations seen;
    const auto started = Clock::now();
    {
        const test::ScopedRealtimeWatch watch;
        for (std::size_t call = 0; call < numCalls; ++call)
        {
            if (retired.load (std::memory_order_acquire) == nullptr)
            {
                if (auto* incoming = pending.exchange (nullptr, std::memory_order_acq_rel))
                {
                    retired.store (current.release(), std::memory_order_release);
                    current.reset (incoming);
                    ++swapsTaken;
                }
            }

            const auto count = blockSizes (random);
            current->process (inputs, outputs, count);
            samples += count;
            finite = finite && allFinite (outLeft.data(), count) && allFinite (outRight.data(), count);

            if (call % (numCalls / numResets) == numCalls / numResets / 2)
            {
                current->reset();
                ++resets;
            }
            callsDone.store (call + 1, std::memory_order_relaxed);

            // Keep the swaps inside the run even when the loader is slow.
            const auto swapDue = (call + 1) / callsPerSwap;
            if ((call + 1) % callsPerSwap == callsPerSwap / 2 && swapDue >= 1 && swapDue <= numSwaps)
                loaderKeptUp = loaderKeptUp && spinUntil ([&] { return swapsPublished.load() >= swapDue; });
        }
        seen = watch.violations();
    }
    const std::chrono::duration<double> elapsed = Clock::now() - started;

    stop.store (true);
    loader.join();
    std::unique_ptr<ConvolutionEngine> leftOver (pending.exchange (nullptr));
    std::unique_ptr<ConvolutionEngine> leftRetired (retired.exchange (nullptr));

    expectNoViolation (seen);
    EXPECT_TRUE (finite);
    EXPECT_TRUE (loaderKeptUp);
    EXPECT_EQ (swapsTaken, numSwaps);
    EXPECT_EQ (resets, numResets);
    RecordProperty ("samples", std::to_string (samples));
    RecordProperty ("seconds", std::to_string (elapsed.count()));
    std::printf ("[ figures  ] engine: %zu calls, %zu samples (%.0f s of 48 kHz audio) in %.2f s, %zu swaps, "
                 "%zu resets, forbidden calls: %s\n",
                 numCalls, samples, static_cast<double> (samples) / rate, elapsed.count(), swapsTaken, resets,
                 seen.describe().c_str());
}

TEST (RealtimeSoak, TheProcessorMakesNoForbiddenCallInAHundredThousandRandomBlocksWithSwapsParametersAndResets)
{
    ConvolverProcessor processor (RebuildMode::background);
    processor.setParameters (test::neutralParameters());
    processor.loadImpulseResponse (test::makeClip (randomIr (2, 4800, 100), rate), "first.wav");
    processor.prepare (rate, maxBlock, 2, 2);

    std::atomic<std::size_t> callsDone { 0 };
    std::atomic<std::size_t> swapsBuilt { 0 };
    std::atomic<bool> stop { false };
    std::atomic<std::size_t> failedLoads { 0 };

    // The message thread: one IR load per callsPerSwap callbacks, each of
    // another length, channel count (mono, stereo, true stereo) and rate
    // (resampled on the loader thread), waiting until it is built.
    std::thread messageThread (
        [&]
        {
            for (std::size_t swap = 1; swap <= numSwaps && !stop.load(); ++swap)
            {
                while (callsDone.load() < swap * callsPerSwap && !stop.load())
                    std::this_thread::sleep_for (std::chrono::milliseconds (1));
                const auto seed = static_cast<std::uint32_t> (swap);
                const std::size_t channelChoices[] = { 1, 2, 4 };
                const double rateChoices[] = { 44100.0, 48000.0, 96000.0 };
                const auto length = 200 + (seed * 7919u) % 4000u;
                const auto name = "swap" + std::to_string (swap) + ".wav";
                processor.loadImpulseResponse (
                    test::makeClip (randomIr (channelChoices[swap % 3], length, seed), rateChoices[(swap / 3) % 3]),
                    name);
                // Shaping rebuilds of the previous IR also move the version:
                // wait for this IR by name.
                const auto deadline = Clock::now() + std::chrono::seconds (20);
                auto isPlaying = [&]
                {
                    const auto info = processor.impulseResponseInfo();
                    return info != nullptr && info->name == name;
                };
                while (!isPlaying() && Clock::now() < deadline && !stop.load())
                    std::this_thread::sleep_for (std::chrono::milliseconds (1));
                if (!isPlaying())
                    failedLoads.fetch_add (1);
                swapsBuilt.store (swap);
            }
        });

    std::vector<float> buffer (2 * maxBlock);
    const auto noise = test::whiteNoise (maxBlock, 5);
    float* channels[] = { buffer.data(), buffer.data() + maxBlock };
    std::mt19937 random (9);
    std::uniform_int_distribution<std::size_t> blockSizes (1, maxBlock);
    std::size_t parameterChanges = 0, resets = 0, samples = 0;
    bool finite = true, loaderKeptUp = true;

    test::RealtimeViolations seen;
    const auto started = Clock::now();
    {
        const test::ScopedRealtimeWatch watch;
        for (std::size_t call = 0; call < numCalls; ++call)
        {
            const auto count = blockSizes (random);
            std::copy_n (noise.begin(), count, channels[0]);
            std::copy_n (noise.begin(), count, channels[1]);

            if (call % (numCalls / numParameterChanges) == 7)
            {
                // Set from the audio thread, as a host's automation does: live
                // parameters every time, a shaping one (which makes the loader
                // rebuild) every tenth time.
                const auto step = static_cast<float> (parameterChanges);
                auto p = processor.parameters();
                p.mixPercent = std::fmod (step * 7.0f, 101.0f);
                p.wetGainDb = std::fmod (step, 30.0f) - 20.0f;
                p.outputGainDb = std::fmod (step * 3.0f, 20.0f) - 14.0f;
                p.preDelayMs = std::fmod (step * 11.0f, 120.0f);
                p.lowCutHz = 20.0f + std::fmod (step * 37.0f, 500.0f);
                p.highCutHz = 1000.0f + std::fmod (step * 997.0f, 19000.0f);
                p.widthPercent = std::fmod (step * 13.0f, 201.0f);
                if (parameterChanges % 10 == 0)
                {
                    p.reverse = !p.reverse;
                    p.trimStartMs = std::fmod (step, 5.0f);
                    p.stretchPercent = 80.0f + std::fmod (step, 40.0f);
                    p.latencyMode = parameterChanges % 50 == 0 ? LatencyMode::onePartition : LatencyMode::zero;
                }
                processor.setParameters (p);
                ++parameterChanges;
            }

            processor.process (channels, count);
            samples += count;
            finite = finite && allFinite (channels[0], count) && allFinite (channels[1], count);

            if (call % (numCalls / numResets) == numCalls / numResets / 2)
            {
                processor.reset();
                ++resets;
            }
            callsDone.store (call + 1, std::memory_order_relaxed);

            const auto swapDue = (call + 1) / callsPerSwap;
            if ((call + 1) % callsPerSwap == callsPerSwap / 2 && swapDue >= 1 && swapDue <= numSwaps)
                loaderKeptUp = loaderKeptUp && spinUntil ([&] { return swapsBuilt.load() >= swapDue; });
        }
        seen = watch.violations();
    }
    const std::chrono::duration<double> elapsed = Clock::now() - started;

    stop.store (true);
    messageThread.join();

    expectNoViolation (seen);
    EXPECT_TRUE (finite);
    EXPECT_TRUE (loaderKeptUp);
    EXPECT_EQ (swapsBuilt.load(), numSwaps);
    EXPECT_EQ (failedLoads.load(), 0u) << processor.lastError();
    EXPECT_EQ (parameterChanges, numParameterChanges);
    EXPECT_EQ (resets, numResets);
    std::printf ("[ figures  ] processor: %zu calls, %zu samples (%.0f s of 48 kHz audio) in %.2f s, %zu IR swaps, "
                 "%zu parameter changes, %zu resets, forbidden calls: %s\n",
                 numCalls, samples, static_cast<double> (samples) / rate, elapsed.count(), swapsBuilt.load(),
                 parameterChanges, resets, seen.describe().c_str());
}

} // namespace partita
