// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcessorTestHelpers.h"
#include "RealtimeWatch.h"
#include "TestSignals.h"
#include "processor/ConvolverProcessor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <string>

namespace partita
{
namespace
{
ProcessorParameters syncedTo (NoteValue note)
{
    auto p = test::neutralParameters();
    p.preDelaySync = PreDelaySync::tempo;
    p.preDelayNote = note;
    return p;
}

/** round (beats * 60 / bpm * rate) for beats = numerator / denominator,
    the tempo in tenths of a BPM and a whole-number rate, in exact integer
    arithmetic; halves round up. */
std::size_t expectedDelay (std::int64_t numerator, std::int64_t denominator, std::int64_t tempoTenths,
                           std::int64_t sessionRate)
{
    const std::int64_t top = numerator * 60 * sessionRate * 10;
    const std::int64_t bottom = denominator * tempoTenths;
    return static_cast<std::size_t> ((2 * top + bottom) / (2 * bottom));
}

/** Where the unit impulse at sample `at` comes out of a processor without
    an IR (its wet path is the input, delayed by the pre-delay). */
std::size_t impulseArrival (ConvolverProcessor& processor, std::size_t at, std::size_t length, std::uint32_t seed,
                            const std::function<void (std::size_t)>& beforeBlock = {})
{
    const auto output =
        test::renderThroughProcessor (processor, { test::impulse (length, at) }, 1, length, seed, 4096, beforeBlock);
    const auto peak = std::max_element (output[0].begin(), output[0].end(),
                                        [] (float a, float b) { return std::abs (a) < std::abs (b); });
    EXPECT_EQ (*peak, 1.0f) << "the impulse must arrive whole, not crossfaded";
    return static_cast<std::size_t> (peak - output[0].begin());
}

constexpr double rate = 48000.0;
constexpr std::size_t length = 48000;
constexpr std::size_t changeAt = 24000;

/** The smooth input through a 0.25 tap with a synced pre-delay, the tempo
    given per block by tempoAt (position). */
test::Channels renderAtTempo (NoteValue note, const std::function<double (std::size_t)>& tempoAt)
{
    ConvolverProcessor processor (RebuildMode::synchronous);
    processor.setParameters (syncedTo (note));
    processor.setHostTempo (tempoAt (0));
    processor.loadImpulseResponse (test::makeClip ({ { 0.25f }, { 0.25f } }, rate), "tap.wav");
    processor.prepare (rate, 512, 2, 2);
    return test::renderThroughProcessor (processor, test::smoothStereoSines (length, rate), 2, length, 23, 512,
                                         [&] (std::size_t position) { processor.setHostTempo (tempoAt (position)); });
}

double largestStepOf (const test::Channels& signal)
{
    return std::max (test::largestStep (signal[0]), test::largestStep (signal[1]));
}
} // namespace

TEST (ConvolverTempoSync, AnImpulseArrivesAfterExactlyItsNotesSampleCountAtTheTempo)
{
    struct Note
    {
        NoteValue value;
        std::int64_t beatsNumerator;
        std::int64_t beatsDenominator;
    };
    // Exact halves among them: 1/64T at 60 BPM and 44.1 kHz is 1837.5 samples.
    const Note notes[] = { { NoteValue::sixtyFourthTriplet, 1, 24 },
                           { NoteValue::sixteenth, 1, 4 },
                           { NoteValue::eighthDotted, 3, 4 },
                           { NoteValue::quarterTriplet, 2, 3 },
                           { NoteValue::halfDotted, 3, 1 } };
    std::uint32_t seed = 1;
    for (const std::int64_t tempoTenths : { 600, 973, 1200, 1740 })
        for (const std::int64_t sessionRate : { 44100, 48000, 96000 })
            for (const auto& note : notes)
            {
                const double bpm = static_cast<double> (tempoTenths) / 10.0;
                ConvolverProcessor processor (RebuildMode::synchronous);
                processor.setParameters (syncedTo (note.value));
                processor.setHostTempo (bpm);
                processor.prepare (static_cast<double> (sessionRate), 4096, 1, 1);
                const auto expected =
                    expectedDelay (note.beatsNumerator, note.beatsDenominator, tempoTenths, sessionRate);
                EXPECT_EQ (processor.tailSamples(), expected);
                EXPECT_EQ (impulseArrival (processor, 10, expected + 200, ++seed), 10 + expected)
                    << note.beatsNumerator << "/" << note.beatsDenominator << " beats at " << bpm << " BPM, "
                    << sessionRate << " Hz";
            }
}

TEST (ConvolverTempoSync, TheDelayLineHoldsTheLongestNoteAtTheSlowestTempo)
{
    // A dotted half at 20 BPM is 9 s; a slower host tempo plays at 20 BPM.
    ConvolverProcessor processor (RebuildMode::synchronous);
    processor.setParameters (syncedTo (NoteValue::halfDotted));
    processor.setHostTempo (12.0);
    processor.prepare (48000.0, 4096, 1, 1);
    EXPECT_EQ (processor.hostTempo(), 20.0);
    EXPECT_EQ (impulseArrival (processor, 0, 432100, 5), 432000u);
}

TEST (ConvolverTempoSync, ATempoChangeMidStreamCrossfadesWithoutAStep)
{
    struct Change
    {
        NoteValue note;
        double from;
        double to;
    };
    for (const auto& change : { Change { NoteValue::eighth, 120.0, 97.3 }, Change { NoteValue::sixteenth, 174.0, 60.0 },
                                Change { NoteValue::sixteenthTriplet, 60.0, 174.0 } })
    {
        const auto held = [&] (double bpm)
        { return largestStepOf (renderAtTempo (change.note, [=] (auto) { return bpm; })); };
        const double heldFrom = held (change.from);
        const double heldTo = held (change.to);
        const double changed = largestStepOf (renderAtTempo (
            change.note, [&] (std::size_t position) { return position < changeAt ? change.from : change.to; }));
        // The bound of ConvolverAutomation's tests.
        const double bound = 1.5 * std::max (heldFrom, heldTo) + 1.0e-4;
        const auto name = std::to_string (change.from) + " -> " + std::to_string (change.to) + " BPM";
        EXPECT_LE (changed, bound) << name << ": held steps " << heldFrom << " and " << heldTo;
        RecordProperty (name, std::to_string (changed / std::max (heldFrom, heldTo)) + " x the held step");
    }
}

TEST (ConvolverTempoSync, ASlowTempoRampMakesNoStepAndEndsOnTheNewTempoExactly)
{
    // 120 -> 126 BPM over the middle half second: a 1/8 note moves by 571
    // samples, a new whole-sample delay every block or so.
    const auto ramp = [] (std::size_t position)
    {
        const double t = std::clamp ((static_cast<double> (position) - 12000.0) / 24000.0, 0.0, 1.0);
        return 120.0 + 6.0 * t;
    };
    const double heldStart = largestStepOf (renderAtTempo (NoteValue::eighth, [] (auto) { return 120.0; }));
    const double heldEnd = largestStepOf (renderAtTempo (NoteValue::eighth, [] (auto) { return 126.0; }));
    const double ramped = largestStepOf (renderAtTempo (NoteValue::eighth, ramp));
    EXPECT_LE (ramped, 1.5 * std::max (heldStart, heldEnd) + 1.0e-4)
        << "held steps " << heldStart << " and " << heldEnd;
    RecordProperty ("ramp", std::to_string (ramped / std::max (heldStart, heldEnd)) + " x the held step");

    // After the ramp, one crossfade at most is still under way; 30 ms
    // later an impulse takes exactly the 126 BPM delay.
    ConvolverProcessor processor (RebuildMode::synchronous);
    processor.setParameters (syncedTo (NoteValue::eighth));
    processor.setHostTempo (120.0);
    processor.prepare (rate, 512, 1, 1);
    const std::size_t at = 36000 + 1440 + 64;
    EXPECT_EQ (impulseArrival (processor, at, at + 12000, 9,
                               [&] (std::size_t position) { processor.setHostTempo (ramp (position)); }),
               at + expectedDelay (1, 2, 1260, 48000));
}

TEST (ConvolverTempoSync, InTimeModeTheTempoChangesNothing)
{
    auto p = test::neutralParameters();
    p.preDelayMs = 10.0f;
    const auto render = [&] (double bpm)
    {
        ConvolverProcessor processor (RebuildMode::synchronous);
        processor.setParameters (p);
        processor.loadImpulseResponse (test::makeClip ({ test::decayingNoise (2400, 3) }, rate), "room.wav");
        processor.prepare (rate, 512, 1, 1);
        return test::renderThroughProcessor (processor, { test::whiteNoise (9600, 4) }, 1, 12000, 5, 512,
                                             [&] (std::size_t position)
                                             { processor.setHostTempo (position < 6000 ? bpm : 400.0 - bpm); });
    };
    EXPECT_EQ (render (60.0), render (174.0));
}

TEST (ConvolverTempoSync, TheTailFollowsTheTempoAndTheTimingVersionSaysWhen)
{
    ConvolverProcessor processor (RebuildMode::synchronous);
    auto p = syncedTo (NoteValue::quarter);
    processor.setParameters (p);
    processor.prepare (rate, 512, 1, 1);
    EXPECT_EQ (processor.tailSamples(), 24000u); // 1 beat at 120 BPM (no tempo given)

    auto version = processor.timingVersion();
    processor.setHostTempo (96.0);
    EXPECT_GT (processor.timingVersion(), version);
    EXPECT_EQ (processor.tailSamples(), 30000u);
    version = processor.timingVersion();
    processor.setHostTempo (96.0);
    EXPECT_EQ (processor.timingVersion(), version) << "the same tempo again is no change";

    // In time mode the tempo does not move the tail.
    p.preDelaySync = PreDelaySync::time;
    p.preDelayMs = 50.0f;
    processor.setParameters (p);
    EXPECT_EQ (processor.tailSamples(), 2400u);
    version = processor.timingVersion();
    processor.setHostTempo (150.0);
    EXPECT_EQ (processor.timingVersion(), version);
    EXPECT_EQ (processor.tailSamples(), 2400u);
}

TEST (ConvolverTempoSync, TheTempoIsHandedOverOnTheAudioThreadWithoutAllocatingOrLocking)
{
    ConvolverProcessor processor;
    processor.setParameters (syncedTo (NoteValue::eighthTriplet));
    processor.loadImpulseResponse (test::makeClip ({ test::decayingNoise (4800, 1) }, rate), "room.wav");
    processor.prepare (rate, 512, 1, 1);
    std::vector<float> block (512, 0.25f);
    float* channels[] = { block.data() };

    test::RealtimeViolations seen;
    {
        const test::ScopedRealtimeWatch watch;
        for (int i = 0; i <= 200; ++i)
        {
            processor.setHostTempo (90.0 + 0.37 * i);
            processor.process (channels, block.size());
        }
        seen = watch.violations();
    }
    EXPECT_EQ (seen.total(), 0u) << seen.describe();
}

} // namespace partita
