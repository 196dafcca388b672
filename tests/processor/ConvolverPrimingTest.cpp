// SPDX-License-Identifier: GPL-3.0-or-later
//
// A new IR joins as if it had been playing all along: the engine built for it
// is run over the recent engine input before the crossfade (InstancePrimer),
// so the reverb of what was already played carries over into the new IR.
#include "ProcessorTestHelpers.h"
#include "RealtimeWatch.h"
#include "ReferenceConvolution.h"
#include "TestSignals.h"
#include "processor/ConvolverProcessor.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <thread>

namespace partita
{
namespace
{
constexpr double rate = 48000.0;

std::size_t fadeLength()
{
    return static_cast<std::size_t> (std::llround (ConvolverProcessor::crossfadeSeconds * rate));
}
} // namespace

TEST (ConvolverPriming, ANewIrHearsTheInputPlayedBeforeItsSwap)
{
    // IR A = delta, IR B = delta delayed by 1000 samples. From the swap on,
    // B's engine must already know the 1000 samples before it: with the
    // crossfade gain g = (n - S + 1) / F, y = g x[n - 1000] + (1 - g) x[n],
    // then x[n - 1000]. An engine starting from silence gives g * 0 for the
    // first 1000 samples instead.
    const std::size_t swapAt = 12000;
    const std::size_t delay = 1000;
    const auto fade = fadeLength();
    ConvolverProcessor processor (RebuildMode::synchronous);
    processor.setParameters (test::neutralParameters());
    processor.loadImpulseResponse (test::makeClip ({ { 1.0f } }, rate), "now.wav");
    processor.prepare (rate, 512, 1, 1);

    const auto x = test::whiteNoise (24000, 3);
    const auto y = test::renderInSegments (
        processor, { x }, 1, x.size(), 5, { swapAt },
        [&] (std::size_t) {
            processor.loadImpulseResponse (test::makeClip ({ test::impulse (delay + 1, delay) }, rate), "later.wav");
        })[0];

    for (std::size_t n = 0; n < x.size(); ++n)
    {
        auto expected = static_cast<double> (x[n]);
        if (n >= swapAt + fade)
            expected = static_cast<double> (x[n - delay]);
        else if (n >= swapAt)
        {
            const double g = static_cast<double> (n - swapAt + 1) / static_cast<double> (fade);
            expected = g * static_cast<double> (x[n - delay]) + (1.0 - g) * static_cast<double> (x[n]);
        }
        ASSERT_NEAR (y[n], expected, 1.0e-6) << "sample " << n;
    }
}

TEST (ConvolverPriming, AResetIsNotUndoneByAnIrThatArrivesAfterIt)
{
    // Input before reset() must not come back through the engine of an IR
    // loaded after it: after the reset only silence goes in.
    ConvolverProcessor processor (RebuildMode::synchronous);
    processor.setParameters (test::neutralParameters());
    processor.loadImpulseResponse (test::makeClip ({ { 1.0f } }, rate), "now.wav");
    processor.prepare (rate, 512, 1, 1);
    test::renderThroughProcessor (processor, { test::whiteNoise (20000, 4) }, 1, 20000, 6);

    processor.reset();
    processor.loadImpulseResponse (test::makeClip ({ test::decayingNoise (4000, 7) }, rate), "room.wav");
    const auto y = test::renderThroughProcessor (processor, { std::vector<float> (8000, 0.0f) }, 1, 8000, 8)[0];
    for (std::size_t n = 0; n < y.size(); ++n)
        ASSERT_EQ (y[n], 0.0f) << "sample " << n;
}

TEST (ConvolverPriming, ABackgroundSwapJoinsAsIfTheNewIrHadAlwaysPlayed)
{
    // Real time: the loader builds and primes the 1 s IR while the audio
    // thread keeps going (in 64-sample blocks, with pauses so that the two
    // overlap); the audio thread catches the new engine up with what came
    // meanwhile. A quarter of a second after the new IR is published, the
    // output must equal the whole input convolved with the new IR, although
    // its engine was built long after the input that still rings in it.
    const auto irA = test::decayingNoise (48000, 11);
    const auto irB = test::decayingNoise (48000, 12);
    ConvolverProcessor processor; // background
    processor.setParameters (test::neutralParameters());
    processor.loadImpulseResponse (test::makeClip ({ irA }, rate), "a.wav");
    processor.prepare (rate, 64, 1, 1);

    const std::size_t maxLength = 48000 * 12;
    const auto x = test::whiteNoise (maxLength, 13);
    std::vector<float> y (maxLength, 0.0f);
    std::vector<float> block (64);
    float* channels[] = { block.data() };

    std::size_t position = 0;
    auto processBlock = [&]
    {
        std::copy_n (x.begin() + static_cast<std::ptrdiff_t> (position), block.size(), block.begin());
        processor.process (channels, block.size());
        std::copy (block.begin(), block.end(), y.begin() + static_cast<std::ptrdiff_t> (position));
        position += block.size();
    };

    while (position < 60000)
        processBlock();
    processor.loadImpulseResponse (test::makeClip ({ irB }, rate), "b.wav");
    while (position + 64 * 200 < maxLength)
    {
        const auto info = processor.impulseResponseInfo();
        if (info != nullptr && info->name == "b.wav")
            break;
        processBlock();
        std::this_thread::sleep_for (std::chrono::microseconds (200));
    }
    const auto publishedAt = position;
    ASSERT_LT (publishedAt + 64 * 200, maxLength) << "the new IR never arrived";
    const std::size_t checkFrom = publishedAt + 12000;
    const std::size_t checkTo = checkFrom + 4800;
    while (position < checkTo)
        processBlock();

    // The definition, y[n] = sum_k h[k] x[n - k], in double, for the window only.
    std::vector<double> expected (checkTo - checkFrom, 0.0);
    for (std::size_t n = checkFrom; n < checkTo; ++n)
        for (std::size_t k = 0; k < irB.size() && k <= n; ++k)
            expected[n - checkFrom] += static_cast<double> (irB[k]) * static_cast<double> (x[n - k]);
    const std::span<const float> got (y.data() + checkFrom, checkTo - checkFrom);
    const auto errorDb = test::maxErrorDb (got, std::span<const double> (expected));
    RecordProperty ("error_dB", std::to_string (errorDb));
    RecordProperty ("published_at", std::to_string (publishedAt));
    EXPECT_LT (errorDb, -100.0) << "the new engine lacks the input from before it was built";
}

TEST (ConvolverPriming, ASwappedInEngineStartsOnTheHostsBlockGrid)
{
    // In real time the engines plan for whole host blocks. A new engine is
    // primed from a position on the host's call grid, so once it plays the
    // host's whole blocks take the cheap path again; were it off the grid,
    // every later block would be summed directly.
    constexpr std::size_t hostBlock = 512;
    ConvolverProcessor processor; // background
    processor.setParameters (test::neutralParameters());
    processor.loadImpulseResponse (test::makeClip ({ test::decayingNoise (48000, 21) }, rate), "a.wav");
    processor.prepare (rate, hostBlock, 1, 1);

    const auto x = test::whiteNoise (hostBlock, 22);
    std::vector<float> block (hostBlock);
    float* channels[] = { block.data() };
    auto processBlocks = [&] (std::size_t count, std::size_t size)
    {
        for (std::size_t b = 0; b < count; ++b)
        {
            std::copy_n (x.begin(), size, block.begin());
            processor.process (channels, size);
        }
    };

    processBlocks (200, hostBlock); // more than the new IR is long
    EXPECT_EQ (processor.directFallbackBlocks(), 0u);

    // An IR whose length is no multiple of anything, swapped in mid-stream.
    processor.loadImpulseResponse (test::makeClip ({ test::decayingNoise (30011, 23) }, rate), "b.wav");
    for (int wait = 0; wait < 2000; ++wait)
    {
        const auto info = processor.impulseResponseInfo();
        if (info != nullptr && info->name == "b.wav")
            break;
        processBlocks (1, hostBlock);
        std::this_thread::sleep_for (std::chrono::milliseconds (1));
    }
    ASSERT_EQ (processor.impulseResponseInfo()->name, "b.wav");
    processBlocks (fadeLength() / hostBlock + 20, hostBlock); // caught up, crossfaded
    const auto afterSwap = processor.directFallbackBlocks();
    processBlocks (100, hostBlock);
    EXPECT_EQ (processor.directFallbackBlocks(), afterSwap) << "the new engine is off the host's block grid";

    // The check can fail: a host that shifts its grid by 100 samples sends
    // every later block across the engine's partitions.
    processBlocks (1, 100);
    processBlocks (100, hostBlock);
    EXPECT_GE (processor.directFallbackBlocks(), afterSwap + 100);
}

TEST (ConvolverPriming, CatchingUpOnTheAudioThreadNeitherAllocatesNorLocks)
{
    // Long IRs swapped while the audio thread runs: every hand-over has
    // history to catch up with, all of it on preallocated buffers.
    ConvolverProcessor processor;
    processor.setParameters (test::neutralParameters());
    processor.loadImpulseResponse (test::makeClip ({ test::decayingNoise (24000, 1) }, rate), "first.wav");
    processor.prepare (rate, 256, 1, 2);

    std::atomic<bool> running { true };
    std::thread messageThread (
        [&]
        {
            for (std::uint32_t seed = 20; running.load(); ++seed)
            {
                auto p = test::neutralParameters();
                p.reverse = seed % 2 == 0;
                processor.setParameters (p);
                processor.loadImpulseResponse (test::makeClip ({ test::decayingNoise (24000, seed) }, rate),
                                               "ir" + std::to_string (seed) + ".wav");
                std::this_thread::sleep_for (std::chrono::milliseconds (15));
            }
        });

    const auto noise = test::whiteNoise (256, 2);
    std::vector<float> buffer (2 * 256);
    float* channels[] = { buffer.data(), buffer.data() + 256 };
    const auto versionAtStart = processor.impulseResponseVersion();
    test::RealtimeViolations seen;
    {
        const test::ScopedRealtimeWatch watch;
        // At least ten hand-overs (however slow the machine or a sanitizer
        // makes the loader), then a little more for the last to catch up.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds (60);
        int blocksAfterTenth = 0;
        while (blocksAfterTenth < 400 && std::chrono::steady_clock::now() < deadline)
        {
            if (processor.impulseResponseVersion() > versionAtStart + 10)
                ++blocksAfterTenth;
            std::copy (noise.begin(), noise.end(), buffer.begin());
            processor.process (channels, 256);
            std::this_thread::sleep_for (std::chrono::microseconds (300));
        }
        seen = watch.violations();
    }
    running = false;
    messageThread.join();

    // The sleeps between blocks are the test's own, outside process().
    EXPECT_EQ (seen.allocations, 0u) << seen.describe();
    EXPECT_EQ (seen.deallocations, 0u) << seen.describe();
    EXPECT_EQ (seen.lockWaits, 0u) << seen.describe();
    EXPECT_GT (processor.impulseResponseVersion(), versionAtStart + 10);
}

} // namespace partita
