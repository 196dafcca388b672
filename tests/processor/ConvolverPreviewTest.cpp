// SPDX-License-Identifier: GPL-3.0-or-later
// The preview: its sound through the IR into the output (against the
// brute-force double convolution), its fade when stopped (closed form), and
// the audio thread's side under the real-time watch.
#include "../engine/StreamingHarness.h"
#include "ProcessorTestHelpers.h"
#include "RealtimeWatch.h"
#include "ReferenceConvolution.h"
#include "TestSignals.h"
#include "processor/ConvolverProcessor.h"
#include "processor/PreviewPlayer.h"
#include "processor/PreviewSound.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <string>
#include <thread>

namespace partita
{
namespace
{
constexpr double rate = 48000.0;

std::size_t fadeLength()
{
    return static_cast<std::size_t> (std::lround (PreviewPlayer::fadeSeconds * rate));
}
} // namespace

TEST (PreviewSound, IsTwoSecondsAtMinusSixDbfsTheSameEveryTimeWithASnareThenAChord)
{
    const auto sound = makePreviewSound (rate);
    ASSERT_EQ (sound.size(), 96000u);
    EXPECT_EQ (sound, makePreviewSound (rate));
    float peak = 0.0f;
    for (const float sample : sound)
        peak = std::max (peak, std::abs (sample));
    EXPECT_FLOAT_EQ (peak, 0.5f);
    // The snare in the first 0.3 s, silence until the chord at 0.45 s, which rings on.
    EXPECT_GT (test::rms (sound, 0, 4800), 0.05);
    EXPECT_LT (test::rms (sound, 16000, 21600), 1e-6);
    EXPECT_GT (test::rms (sound, 21600, 26400), 0.02);
    EXPECT_GT (test::rms (sound, 60000, 64800), 2e-4) << "the strings still ring at 1.25 s";
    EXPECT_EQ (sound.back(), 0.0f);
    EXPECT_EQ (makePreviewSound (96000.0).size(), 192000u);
}

TEST (PreviewPlayer, PressedAgainItFadesLinearlyToSilenceAndStops)
{
    PreviewPlayer player;
    player.prepare (rate, 512);
    const auto sound = player.sound();
    EXPECT_TRUE (player.render (512).empty()) << "silent until pressed";

    player.toggle();
    std::vector<float> out;
    const std::size_t stopAt = 30000; // in the chord
    while (out.size() < stopAt)
    {
        const auto chunk = player.render (std::min<std::size_t> (500, stopAt - out.size()));
        out.insert (out.end(), chunk.begin(), chunk.end());
    }
    EXPECT_TRUE (player.isPlaying());
    player.toggle();
    for (int i = 0; i < 4; ++i)
    {
        const auto chunk = player.render (317);
        out.insert (out.end(), chunk.begin(), chunk.end());
    }
    EXPECT_FALSE (player.isPlaying());

    const auto fade = fadeLength();
    ASSERT_GE (out.size(), stopAt + fade);
    for (std::size_t n = 0; n < stopAt; ++n)
        ASSERT_EQ (out[n], sound[n]) << n;
    for (std::size_t k = 0; k < fade; ++k)
        ASSERT_FLOAT_EQ (out[stopAt + k],
                         sound[stopAt + k] * static_cast<float> (fade - k) / static_cast<float> (fade + 1))
            << k;
    for (std::size_t n = stopAt + fade; n < out.size(); ++n)
        ASSERT_EQ (out[n], 0.0f) << n;
    // The fade's steps stay at the sound's own scale: no click.
    EXPECT_LE (test::largestStep (out, stopAt, stopAt + fade + 1), test::largestStep (out, 1, stopAt) + 1e-6);

    // Pressed again later, it starts from the beginning.
    player.toggle();
    const auto restart = player.render (100);
    ASSERT_EQ (restart.size(), 100u);
    EXPECT_TRUE (std::equal (restart.begin(), restart.end(), sound.begin()));
}

TEST (PreviewPlayer, StopFadesOnlyWhatPlaysAndPlaysOutToItsEnd)
{
    PreviewPlayer player;
    player.prepare (rate, 4096);
    player.stop(); // nothing playing: nothing happens
    EXPECT_TRUE (player.render (64).empty());
    player.toggle();
    std::size_t total = 0;
    while (true)
    {
        const auto chunk = player.render (4096);
        if (chunk.empty())
            break;
        total += chunk.size();
    }
    EXPECT_GE (total, player.sound().size());
    EXPECT_FALSE (player.isPlaying());
}

TEST (ConvolverPreview, ThePreviewIsItsSoundConvolvedWithTheIrWithTheHostStopped)
{
    ConvolverProcessor processor (RebuildMode::synchronous);
    processor.setParameters (test::neutralParameters());
    const auto irLeft = test::decayingNoise (3000, 81);
    auto irRight = test::decayingNoise (2500, 82);
    irRight.resize (3000, 0.0f);
    ASSERT_EQ (processor.loadImpulseResponse (test::makeClip ({ irLeft, irRight }, rate), "room.wav"),
               LoadOutcome::built);
    processor.prepare (rate, 1024, 2, 2);

    // A stopped host: silence in, the preview pressed before the first block.
    processor.togglePreview();
    const auto sound = makePreviewSound (rate);
    const auto length = sound.size() + 3000;
    const auto out = test::renderThroughProcessor (processor, { {}, {} }, 2, length, 83, 1024);
    const std::span<const float> soundSpan (sound);
    const auto expectedLeft = test::referenceConvolution<float> (soundSpan, irLeft);
    const auto expectedRight = test::referenceConvolution<float> (soundSpan, irRight);
    const auto errorLeft = test::maxErrorDb<float> (out[0], expectedLeft);
    const auto errorRight = test::maxErrorDb<float> (out[1], expectedRight);
    RecordProperty ("errorDb", std::to_string (std::max (errorLeft, errorRight)));
    EXPECT_LT (errorLeft, -110.0);
    EXPECT_LT (errorRight, -110.0);
    EXPECT_FALSE (processor.isPreviewPlaying());
}

TEST (ConvolverPreview, ThePreviewNeverReachesTheDryPath)
{
    ConvolverProcessor processor (RebuildMode::synchronous);
    auto parameters = test::neutralParameters();
    parameters.mixPercent = 0.0f; // dry only
    processor.setParameters (parameters);
    processor.loadImpulseResponse (test::makeClip ({ test::decayingNoise (500, 84) }, rate), "room.wav");
    processor.prepare (rate, 512, 1, 1);
    processor.togglePreview();
    const auto input = test::whiteNoise (20000, 85);
    const auto out = test::renderThroughProcessor (processor, { input }, 1, input.size(), 86, 512);
    EXPECT_EQ (out[0], input) << "the dry signal alone, untouched";
}

TEST (ConvolverPreview, ANewIrStopsThePreviewWithoutAStep)
{
    ConvolverProcessor processor (RebuildMode::synchronous);
    processor.setParameters (test::neutralParameters());
    processor.loadImpulseResponse (test::makeClip ({ { 1.0f } }, rate), "dirac.wav");
    processor.prepare (rate, 512, 1, 1);
    processor.togglePreview();

    const std::size_t loadAt = 30000;
    const auto sound = makePreviewSound (rate);
    const auto out = test::renderInSegments (processor, { {} }, 1, 40000, 87, { loadAt },
                                             [&] (std::size_t position)
                                             {
                                                 if (position == loadAt)
                                                     processor.loadImpulseResponse (test::makeClip ({ { 1.0f } }, rate),
                                                                                    "dirac2.wav");
                                             })[0];
    EXPECT_FALSE (processor.isPreviewPlaying());
    // Through a unit impulse the output is the preview itself: the sound up
    // to the load, then the fade, then silence; no step larger than the sound's own.
    for (std::size_t n = 0; n < loadAt; ++n)
        ASSERT_NEAR (out[n], sound[n], 1e-6) << n;
    for (std::size_t n = loadAt + fadeLength(); n < out.size(); ++n)
        ASSERT_EQ (out[n], 0.0f) << n;
    EXPECT_LE (test::largestStep (out, loadAt, out.size()), test::largestStep (sound, 1, loadAt) + 1e-6);
}

TEST (ConvolverPreview, PressingAndPlayingNeitherAllocatesNorLocksNorTouchesFilesOnTheAudioThread)
{
    ConvolverProcessor processor; // background loader thread
    processor.setParameters (test::neutralParameters());
    processor.loadImpulseResponse (
        test::makeClip ({ test::decayingNoise (4800, 88), test::decayingNoise (4800, 89) }, rate), "room.wav");
    processor.prepare (rate, 1024, 2, 2);

    std::atomic<bool> running { true };
    std::atomic<int> presses { 0 };
    std::thread messageThread (
        [&]
        {
            std::uint32_t seed = 90;
            while (running.load())
            {
                processor.togglePreview();
                ++presses;
                // Now and then a new IR, which stops the preview.
                if (seed % 5 == 0)
                    processor.loadImpulseResponse (test::makeClip ({ test::decayingNoise (2000, seed) }, rate),
                                                   "ir" + std::to_string (seed) + ".wav");
                ++seed;
                std::this_thread::sleep_for (std::chrono::milliseconds (7));
            }
        });

    std::vector<float> buffer (2 * 1024, 0.0f);
    float* channels[] = { buffer.data(), buffer.data() + 1024 };
    test::RandomBlockSizes blocks (91, 1, 1024);
    bool heard = false;
    test::RealtimeViolations seen;
    {
        const test::ScopedRealtimeWatch watch;
        const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds (1000);
        while (std::chrono::steady_clock::now() < until)
        {
            const auto count = blocks.next();
            std::fill (buffer.begin(), buffer.end(), 0.0f);
            processor.process (channels, count);
            heard = heard || channels[0][count - 1] != 0.0f;
        }
        seen = watch.violations();
    }
    running = false;
    messageThread.join();

    EXPECT_EQ (seen.total(), 0u) << seen.describe();
    EXPECT_TRUE (heard) << "the preview played";
    EXPECT_GT (presses.load(), 20);
}

} // namespace partita
