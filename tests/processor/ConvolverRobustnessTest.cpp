// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcessorTestHelpers.h"
#include "TestSignals.h"
#include "processor/ConvolverProcessor.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <limits>
#include <random>
#include <thread>

namespace partita
{
namespace
{
constexpr double rate = 48000.0;

bool contains (const std::string& text, const std::string& part)
{
    return text.find (part) != std::string::npos;
}

/** A processor playing 0.5 * delta[n - 2] on a stereo bus. */
void loadGoodIr (ConvolverProcessor& processor)
{
    processor.setParameters (test::neutralParameters());
    processor.loadImpulseResponse (test::makeClip ({ { 0.0f, 0.0f, 0.5f } }, rate), "good.wav");
    processor.prepare (rate, 512, 2, 2);
}

void expectGoodIrStillPlays (ConvolverProcessor& processor, std::uint32_t seed)
{
    const test::Channels x { test::whiteNoise (3000, seed), test::whiteNoise (3000, seed + 1) };
    const auto y = test::renderThroughProcessor (processor, x, 2, x[0].size(), seed);
    // Past the first samples (which hold the previous call's history).
    for (std::size_t c = 0; c < 2; ++c)
        for (std::size_t n = 2; n < x[c].size(); ++n)
            ASSERT_EQ (y[c][n], 0.5f * x[c][n - 2]) << "channel " << c << " sample " << n;
}
} // namespace

TEST (ConvolverRobustness, ABadIrLeavesThePreviousIrPlayingAndSaysWhy)
{
    ConvolverProcessor processor (RebuildMode::synchronous);
    loadGoodIr (processor);
    expectGoodIrStillPlays (processor, 1);

    struct Bad
    {
        AudioClip clip;
        std::string name;
        std::string reason;
    };
    AudioClip withNaN = test::makeClip ({ { 0.1f, std::nanf (""), 0.2f } }, rate);
    AudioClip withInf = test::makeClip ({ { 0.1f, 0.2f }, { std::numeric_limits<float>::infinity(), 0.0f } }, rate);
    AudioClip unequal = test::makeClip ({ { 0.1f, 0.2f }, { 0.3f } }, rate);
    AudioClip badRate = test::makeClip ({ { 0.1f, 0.2f } }, -1.0);
    AudioClip threeChannels = test::makeClip ({ { 0.1f }, { 0.2f }, { 0.3f } }, rate);
    AudioClip silent = test::makeClip ({ { 0.0f, 0.0f } }, rate);

    std::vector<Bad> bads;
    bads.push_back ({ AudioClip { rate, {} }, "none.wav", "no channels" });
    bads.push_back ({ test::makeClip ({ {} }, rate), "empty.wav", "no samples" });
    bads.push_back ({ withNaN, "nan.wav", "NaN" });
    bads.push_back ({ withInf, "inf.wav", "infinite" });
    bads.push_back ({ unequal, "ragged.wav", "different lengths" });
    bads.push_back ({ badRate, "rate.wav", "sample rate" });
    bads.push_back ({ threeChannels, "three.wav", "cannot be used here" });

    for (auto& bad : bads)
    {
        const auto version = processor.impulseResponseVersion();
        EXPECT_EQ (processor.loadImpulseResponse (bad.clip, bad.name), LoadOutcome::failed) << bad.name;
        const auto error = processor.lastError();
        EXPECT_TRUE (contains (error, bad.name)) << error;
        EXPECT_TRUE (contains (error, bad.reason)) << error;
        EXPECT_EQ (error.find ('\n'), std::string::npos) << error;
        EXPECT_GT (processor.impulseResponseVersion(), version);
        EXPECT_EQ (processor.impulseResponseInfo()->name, "good.wav");
        expectGoodIrStillPlays (processor, 10);
    }

    // Auto-gain cannot level a silent IR: rejected too.
    auto parameters = test::neutralParameters();
    parameters.autoGain = true;
    processor.setParameters (parameters);
    EXPECT_EQ (processor.loadImpulseResponse (silent, "silent.wav"), LoadOutcome::failed);
    EXPECT_TRUE (contains (processor.lastError(), "silent.wav")) << processor.lastError();

    // A good IR clears the message.
    EXPECT_EQ (processor.loadImpulseResponse (test::makeClip ({ { 1.0f } }, rate), "fine.wav"), LoadOutcome::built);
    EXPECT_EQ (processor.lastError(), "");
}

TEST (ConvolverRobustness, ABadIrLoadedInTheBackgroundSetsTheErrorAndKeepsTheOldIr)
{
    ConvolverProcessor processor;
    processor.setParameters (test::neutralParameters());
    processor.loadImpulseResponse (test::makeClip ({ { 0.0f, 0.0f, 0.5f } }, rate), "good.wav");
    processor.prepare (rate, 512, 2, 2);

    const auto version = processor.impulseResponseVersion();
    EXPECT_EQ (processor.loadImpulseResponse (test::makeClip ({ { std::nanf ("") } }, rate), "nan.wav"),
               LoadOutcome::queued);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds (5);
    while (processor.impulseResponseVersion() == version && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for (std::chrono::milliseconds (1));

    EXPECT_TRUE (contains (processor.lastError(), "nan.wav")) << processor.lastError();
    EXPECT_EQ (processor.impulseResponseInfo()->name, "good.wav");
    expectGoodIrStillPlays (processor, 20);
}

TEST (ConvolverRobustness, OutputIsFiniteAgainOneTailAndOneBlockAfterANonFiniteBurst)
{
    ConvolverProcessor processor (RebuildMode::synchronous);
    ProcessorParameters parameters;
    parameters.mixPercent = 50.0f;
    parameters.preDelayMs = 10.0f;
    parameters.lowCutHz = 100.0f;
    parameters.highCutHz = 8000.0f;
    parameters.widthPercent = 150.0f;
    processor.setParameters (parameters);
    processor.loadImpulseResponse (test::makeClip ({ test::decayingNoise (4800, 1), test::decayingNoise (4800, 2),
                                                     test::decayingNoise (4800, 3), test::decayingNoise (4800, 4) },
                                                   rate),
                                   "true stereo.wav");
    processor.prepare (rate, 4096, 2, 2);

    const std::size_t length = 48000;
    test::Channels x { test::whiteNoise (length, 5), test::whiteNoise (length, 6) };
    const std::size_t burstStart = 10000, burstLength = 300;
    std::mt19937 random (7);
    const float specials[] = { std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity(),
                               -std::numeric_limits<float>::infinity(), 1.0e30f, 1.0e-41f };
    for (std::size_t n = burstStart; n < burstStart + burstLength; n += 1 + random() % 7)
        x[random() % 2][n] = specials[random() % 5];

    const std::size_t maxBlock = 4096;
    const auto y = test::renderThroughProcessor (processor, x, 2, length, 8, maxBlock);
    const auto recovered = burstStart + burstLength + processor.tailSamples() + maxBlock;
    ASSERT_LT (recovered, length);

    bool sawNonFinite = false;
    for (std::size_t c = 0; c < 2; ++c)
    {
        for (std::size_t n = 0; n < length; ++n)
        {
            sawNonFinite = sawNonFinite || !std::isfinite (y[c][n]);
            if (n < burstStart || n >= recovered)
            {
                ASSERT_TRUE (std::isfinite (y[c][n])) << "channel " << c << " sample " << n;
            }
        }
    }
    EXPECT_TRUE (sawNonFinite) << "the burst should have reached the output";
}

TEST (ConvolverRobustness, ReportsTheConvolutionCostAsAFractionOfRealTime)
{
    ConvolverProcessor processor (RebuildMode::synchronous);
    processor.setParameters (test::neutralParameters());
    processor.loadImpulseResponse (
        test::makeClip ({ test::decayingNoise (96000, 1), test::decayingNoise (96000, 2) }, rate), "two seconds.wav");
    processor.prepare (rate, 512, 2, 2);
    EXPECT_EQ (processor.cpuLoad(), 0.0f);

    const test::Channels x { test::whiteNoise (48000, 3), test::whiteNoise (48000, 4) };
    test::renderThroughProcessor (processor, x, 2, x[0].size(), 5, 512);
    const auto load = processor.cpuLoad();
    EXPECT_GT (load, 0.0f);
    EXPECT_LT (load, 1.0f);
    RecordProperty ("cpuLoadTwoSecondStereoIr", std::to_string (load));
}

} // namespace partita

namespace partita
{

TEST (ConvolverRobustness, AnIrThatDoesNotFitANewBusFallsBackToNoIrAndReturnsWithAFittingBus)
{
    ConvolverProcessor processor (RebuildMode::synchronous);
    processor.setParameters (test::neutralParameters());
    processor.loadImpulseResponse (test::makeClip ({ { 0.5f }, { 0.0f }, { 0.0f }, { 0.5f } }, 48000.0),
                                   "true stereo.wav");
    processor.prepare (48000.0, 512, 2, 2);
    ASSERT_NE (processor.impulseResponseInfo(), nullptr);

    processor.prepare (48000.0, 512, 1, 1); // four channels cannot be routed from one input
    EXPECT_EQ (processor.impulseResponseInfo(), nullptr);
    EXPECT_TRUE (processor.lastError().find ("true stereo.wav") != std::string::npos) << processor.lastError();
    const auto x = test::whiteNoise (1000, 1);
    EXPECT_EQ (test::renderThroughProcessor (processor, { x }, 1, x.size(), 2)[0], x); // pass-through

    processor.prepare (48000.0, 512, 2, 2);
    ASSERT_NE (processor.impulseResponseInfo(), nullptr);
    EXPECT_EQ (processor.lastError(), "");
}

TEST (ConvolverRobustness, UnloadingTheIrCrossfadesBackToPassThrough)
{
    ConvolverProcessor processor (RebuildMode::synchronous);
    processor.setParameters (test::neutralParameters());
    processor.loadImpulseResponse (test::makeClip ({ { 0.0f, 0.5f } }, 48000.0), "tap.wav");
    processor.prepare (48000.0, 512, 1, 1);
    const auto x = test::whiteNoise (8000, 3);
    const auto y = test::renderInSegments (processor, { x }, 1, x.size(), 4, { 1000 },
                                           [&] (std::size_t) { processor.unloadImpulseResponse(); })[0];
    EXPECT_EQ (processor.impulseResponseInfo(), nullptr);
    for (std::size_t n = 1; n < 1000; ++n)
        ASSERT_EQ (y[n], 0.5f * x[n - 1]);
    for (std::size_t n = 1000 + 2400; n < x.size(); ++n)
        ASSERT_EQ (y[n], x[n]);
}

} // namespace partita
