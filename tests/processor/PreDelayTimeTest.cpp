// SPDX-License-Identifier: GPL-3.0-or-later
#include "processor/PreDelayTime.h"

#include "processor/ParameterTable.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cstdint>
#include <limits>
#include <string_view>

namespace partita
{
namespace
{
/** A note's length in beats as a fraction, read from its name alone
    ("1/8D": 4/8 of a beat, times 3/2), not from beatsOf. */
struct Fraction
{
    std::int64_t numerator;
    std::int64_t denominator;
};

Fraction beatsFromName (std::string_view name)
{
    std::int64_t division = 0;
    const auto digits = name.substr (2);
    const auto [end, error] = std::from_chars (digits.data(), digits.data() + digits.size(), division);
    EXPECT_EQ (error, std::errc {}) << name;
    const std::string_view suffix (end, static_cast<std::size_t> (digits.data() + digits.size() - end));
    // A whole note is 4 beats.
    Fraction beats { 4, division };
    if (suffix == "D")
        beats = { beats.numerator * 3, beats.denominator * 2 };
    else if (suffix == "T")
        beats = { beats.numerator * 2, beats.denominator * 3 };
    else
        EXPECT_EQ (suffix, "") << name;
    return beats;
}

/** round (beats * 60 / bpm * rate) in exact integer arithmetic, the tempo
    given in tenths of a BPM (973 for 97.3) and the rate in whole Hz;
    halves round up. */
std::int64_t exactSampleCount (Fraction beats, std::int64_t tempoTenths, std::int64_t rate)
{
    const std::int64_t numerator = beats.numerator * 60 * rate * 10;
    const std::int64_t denominator = beats.denominator * tempoTenths;
    return (2 * numerator + denominator) / (2 * denominator);
}

ProcessorParameters synced (NoteValue note)
{
    ProcessorParameters p;
    p.preDelaySync = PreDelaySync::tempo;
    p.preDelayNote = note;
    p.preDelayMs = 250.0f; // not read when synced
    return p;
}
} // namespace

TEST (PreDelayTime, EveryNoteNameAndItsBeatsAgree)
{
    ASSERT_EQ (noteValueChoices.size(), 18u);
    for (std::size_t index = 0; index < noteValueChoices.size(); ++index)
    {
        const auto beats = beatsFromName (noteValueChoices[index]);
        EXPECT_DOUBLE_EQ (beatsOf (static_cast<NoteValue> (index)),
                          static_cast<double> (beats.numerator) / static_cast<double> (beats.denominator))
            << noteValueChoices[index];
    }
    EXPECT_EQ (noteValueChoices[static_cast<std::size_t> (NoteValue::sixteenth)], "1/16");
    EXPECT_EQ (noteValueChoices[static_cast<std::size_t> (longestNoteValue)], "1/2D");
}

TEST (PreDelayTime, ASyncedDelayIsTheExactSampleCountOfItsNoteAtTheTempo)
{
    for (const std::int64_t tempoTenths : { 600, 973, 1200, 1740 })
        for (const std::int64_t rate : { 44100, 48000, 96000 })
            for (std::size_t index = 0; index < noteValueChoices.size(); ++index)
            {
                const auto expected = exactSampleCount (beatsFromName (noteValueChoices[index]), tempoTenths, rate);
                const auto bpm = static_cast<double> (tempoTenths) / 10.0;
                EXPECT_EQ (
                    PreDelayTime::samples (synced (static_cast<NoteValue> (index)), bpm, static_cast<double> (rate)),
                    static_cast<std::size_t> (expected))
                    << noteValueChoices[index] << " at " << bpm << " BPM, " << rate << " Hz";
            }
}

TEST (PreDelayTime, InTimeModeTheDelayIsTheMillisecondsWhateverTheTempo)
{
    ProcessorParameters p;
    p.preDelayMs = 12.5f;
    p.preDelayNote = NoteValue::halfDotted; // not read in time mode
    for (const double bpm : { 20.0, 97.3, 400.0 })
        EXPECT_EQ (PreDelayTime::samples (p, bpm, 96000.0), 1200u) << bpm;
    EXPECT_EQ (PreDelayTime::milliseconds (p, 97.3), 12.5);
}

TEST (PreDelayTime, TheTempoIsClampedTo20To400BpmAndNoTempoIs120)
{
    EXPECT_EQ (PreDelayTime::usableTempo (97.3), 97.3);
    EXPECT_EQ (PreDelayTime::usableTempo (5.0), 20.0);
    EXPECT_EQ (PreDelayTime::usableTempo (999.0), 400.0);
    EXPECT_EQ (PreDelayTime::usableTempo (0.0), 120.0);
    EXPECT_EQ (PreDelayTime::usableTempo (-60.0), 120.0);
    EXPECT_EQ (PreDelayTime::usableTempo (std::numeric_limits<double>::quiet_NaN()), 120.0);
    EXPECT_EQ (PreDelayTime::usableTempo (std::numeric_limits<double>::infinity()), 120.0);
    // A quarter note at 5 BPM is played at 20 BPM: 3 s.
    EXPECT_EQ (PreDelayTime::samples (synced (NoteValue::quarter), 5.0, 48000.0), 144000u);
    EXPECT_DOUBLE_EQ (PreDelayTime::milliseconds (synced (NoteValue::quarter), 5.0), 3000.0);
}

TEST (PreDelayTime, TheLongestDelayIsADottedHalfAt20Bpm)
{
    // 3 beats at 20 BPM = 9 s, longer than the 500 ms of the time mode.
    EXPECT_EQ (PreDelayTime::longestSamples (48000.0), 432000u);
    EXPECT_EQ (PreDelayTime::longestSamples (44100.0), 396900u);
    EXPECT_GE (PreDelayTime::longestSamples (8000.0),
               static_cast<std::size_t> (parameterRow ("preDelay").range.maximum * 8.0f));
}

} // namespace partita
