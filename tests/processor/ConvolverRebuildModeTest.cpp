// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcessorTestHelpers.h"
#include "RealtimeWatch.h"
#include "TestSignals.h"
#include "processor/ConvolverProcessor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace partita
{
namespace
{
constexpr double rate = 48000.0;
} // namespace

TEST (ConvolverRebuildMode, SwitchingModesIsWaitFreeForTheAudioThread)
{
    // LV2 hosts toggle offline rendering (freewheeling) from the audio thread.
    ConvolverProcessor processor;
    processor.setParameters (test::neutralParameters());
    processor.loadImpulseResponse (test::makeClip ({ test::decayingNoise (4800, 1) }, rate), "room.wav");
    processor.prepare (rate, 512, 1, 1);
    std::vector<float> block (512, 0.25f);
    float* channels[] = { block.data() };

    test::RealtimeViolations seen;
    {
        const test::ScopedRealtimeWatch watch;
        for (int i = 0; i <= 100; ++i)
        {
            processor.setRebuildMode (i % 2 == 0 ? RebuildMode::synchronous : RebuildMode::background);
            processor.process (channels, block.size());
        }
        seen = watch.violations();
    }
    EXPECT_EQ (seen.total(), 0u) << seen.describe();
    EXPECT_EQ (processor.rebuildMode(), RebuildMode::synchronous);
}

TEST (ConvolverRebuildMode, ASwitchToSynchronousInstallsAShapingChangeAtTheNextBlockAsIfItHadBeenSynchronousAllAlong)
{
    // A host switches to an offline bounce right after a shaping change that
    // the loader thread may already be building: the bounce must not depend
    // on when that build would have finished. Its output equals that of a
    // processor that was synchronous from the start.
    const std::size_t changeAt = 20000;
    const std::size_t length = 48000;
    const auto x = test::whiteNoise (length, 2);
    auto render = [&] (bool switchMidway)
    {
        ConvolverProcessor processor (switchMidway ? RebuildMode::background : RebuildMode::synchronous);
        auto parameters = test::neutralParameters();
        processor.setParameters (parameters);
        processor.loadImpulseResponse (test::makeClip ({ test::decayingNoise (9600, 5) }, rate), "room.wav");
        processor.prepare (rate, 512, 1, 1);
        return test::renderInSegments (processor, { x }, 1, length, 3, { changeAt },
                                       [&] (std::size_t position)
                                       {
                                           if (position != changeAt)
                                               return;
                                           parameters.reverse = true;
                                           processor.setParameters (parameters);
                                           if (switchMidway)
                                           {
                                               processor.setRebuildMode (RebuildMode::synchronous);
                                               processor.setParameters (parameters); // as processBlock does
                                           }
                                       })[0];
    };
    const auto synchronousAllAlong = render (false);
    const auto switched = render (true);
    // Before the switch the processor played in real time, with the engine
    // plan for steady host blocks: the same convolution to float rounding.
    // From the end of the crossfade into the rebuilt engine the bounce is
    // the synchronous one, bit for bit.
    const auto bitExactFrom = changeAt + static_cast<std::size_t> (ConvolverProcessor::crossfadeSeconds * rate);
    float peak = 0.0f;
    for (const auto v : synchronousAllAlong)
        peak = std::max (peak, std::abs (v));
    float largestDifference = 0.0f;
    for (std::size_t n = 0; n < bitExactFrom; ++n)
    {
        ASSERT_NEAR (switched[n], synchronousAllAlong[n], 1.0e-6f * peak) << "sample " << n << " (-120 dB re peak)";
        largestDifference = std::max (largestDifference, std::abs (switched[n] - synchronousAllAlong[n]));
    }
    const auto differenceDb = 20.0 * std::log10 (std::max (1.0e-30, static_cast<double> (largestDifference / peak)));
    RecordProperty ("real_time_against_offline_dB", std::to_string (differenceDb));
    std::printf ("[ figures  ] real-time (steady plan) against offline (any-cut plan): %.1f dB re peak\n",
                 differenceDb);
    for (std::size_t n = bitExactFrom; n < length; ++n)
        ASSERT_EQ (switched[n], synchronousAllAlong[n]) << "sample " << n;
}

} // namespace partita

namespace partita
{
namespace
{
struct BounceCase
{
    float preDelayMs;
    LatencyMode latencyMode;
};

class OfflineBounceStart : public ::testing::TestWithParam<BounceCase>
{
};

/** The processor as `partita render --state` runs it: synchronous from the
    start, the input from its first sample, blocks of 8192. */
std::vector<float> renderFromTheStart (const ProcessorParameters& parameters, const AudioClip& ir,
                                       const std::vector<float>& input)
{
    ConvolverProcessor processor (RebuildMode::synchronous);
    processor.setParameters (parameters);
    processor.loadImpulseResponse (ir, "hall.wav");
    processor.prepare (rate, 8192, 1, 1);
    auto output = input;
    for (std::size_t start = 0; start < output.size(); start += 8192)
    {
        float* channels[] = { output.data() + start };
        processor.process (channels, std::min<std::size_t> (8192, output.size() - start));
    }
    return output;
}
} // namespace

// Reported from Ardour: an export in freewheel was about -130 dB from
// `partita render --state`, not bit-identical. A host prepares the plugin in
// real time, runs it through silence while stopped, switches to offline at
// some block and pre-rolls a little silence before the first sample.
TEST_P (OfflineBounceStart, AfterRealTimeSilenceAndAPreRollEqualsARenderFromTheFirstSampleBitForBit)
{
    auto parameters = test::neutralParameters();
    parameters.preDelayMs = GetParam().preDelayMs;
    parameters.latencyMode = GetParam().latencyMode;
    const auto ir = test::makeClip ({ test::decayingNoise (9600, 5) }, rate);
    auto input = test::whiteNoise (30000, 8);
    input.resize (input.size() + 12000, 0.0f); // the tail
    const auto expected = renderFromTheStart (parameters, ir, input);

    for (const std::size_t preRoll : { std::size_t { 0 }, std::size_t { 256 }, std::size_t { 1000 } })
    {
        ConvolverProcessor processor (RebuildMode::background);
        processor.setParameters (parameters);
        processor.loadImpulseResponse (ir, "hall.wav");
        processor.prepare (rate, 512, 1, 1);
        std::vector<float> block (512, 0.0f);
        for (int i = 0; i < 37; ++i) // stopped: silence in real time
        {
            std::fill (block.begin(), block.end(), 0.0f);
            float* channels[] = { block.data() };
            processor.process (channels, block.size());
        }

        processor.setRebuildMode (RebuildMode::synchronous); // freewheeling from here
        std::vector<float> bounce (preRoll, 0.0f);
        bounce.insert (bounce.end(), input.begin(), input.end());
        for (std::size_t start = 0; start < bounce.size(); start += 512)
        {
            processor.setParameters (parameters); // as processBlock does
            float* channels[] = { bounce.data() + start };
            processor.process (channels, std::min<std::size_t> (512, bounce.size() - start));
        }

        std::size_t differing = 0;
        for (std::size_t n = 0; n < expected.size(); ++n)
            differing += bounce[preRoll + n] != expected[n] ? 1u : 0u;
        EXPECT_EQ (differing, 0u) << "pre-roll " << preRoll;
    }
}

INSTANTIATE_TEST_SUITE_P (PreDelayAndLatency, OfflineBounceStart,
                          ::testing::Values (BounceCase { 0.0f, LatencyMode::zero },
                                             BounceCase { 25.0f, LatencyMode::zero },
                                             BounceCase { 0.0f, LatencyMode::onePartition },
                                             BounceCase { 25.0f, LatencyMode::onePartition }));

} // namespace partita

namespace partita
{
// The offline engine sleeps through silence that outlasts its ring and
// restarts clean at the next sound: where it falls asleep must depend on the
// samples only, never on where the host's blocks end, or bounces with other
// block sizes would differ.
TEST (OfflineBounceStart, GapsAroundTheEnginesRingGiveTheSameBitsWhateverTheBlocks)
{
    const auto ir = test::makeClip ({ test::decayingNoise (4800, 6) }, rate);
    const std::size_t ring = 4800; // (kernel length - 1) + latency 0, plus one
    for (const std::size_t gap : { ring - 1, ring, ring + 1, ring + 2, ring + 700 })
    {
        auto input = test::whiteNoise (3000, 9);
        const auto gapEnd = input.size() + gap;
        input.resize (gapEnd, 0.0f);
        const auto burst = test::whiteNoise (3000, 10);
        input.insert (input.end(), burst.begin(), burst.end());
        input.resize (input.size() + 6000, 0.0f);

        const auto expected = renderFromTheStart (test::neutralParameters(), ir, input);
        for (const std::uint32_t seed : { 1u, 2u, 3u })
        {
            ConvolverProcessor processor (RebuildMode::synchronous);
            processor.setParameters (test::neutralParameters());
            processor.loadImpulseResponse (ir, "room.wav");
            processor.prepare (rate, 4096, 1, 1);
            // Blocks that end exactly where the gap ends, and where its ring does.
            const auto output = test::renderInSegments (processor, { input }, 1, input.size(), seed,
                                                        { 3000 + ring, gapEnd - 1, gapEnd }, [] (std::size_t) {})[0];
            std::size_t differing = 0;
            for (std::size_t n = 0; n < expected.size(); ++n)
                differing += output[n] != expected[n] ? 1u : 0u;
            EXPECT_EQ (differing, 0u) << "gap " << gap << ", blocks " << seed;
        }
    }
}
} // namespace partita
