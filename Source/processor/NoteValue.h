// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace partita
{

/** How the pre-delay is given. The values are the indices of the parameter
    `preDelaySync`'s choices (ParameterTable.h): never reorder them. */
enum class PreDelaySync
{
    /** In milliseconds (the parameter preDelay), as before tempo sync existed. */
    time = 0,
    /** As a note value (preDelayNote) at the host's tempo. */
    tempo = 1,
};

inline constexpr std::array<std::string_view, 2> preDelaySyncChoices { "Time", "Tempo" };

/** A note value from a 1/64 to a dotted 1/2, each triplet, straight and
    dotted, shortest first. The values are the indices of the parameter
    `preDelayNote`'s choices: never reorder them. */
enum class NoteValue
{
    sixtyFourthTriplet = 0,
    sixtyFourth,
    sixtyFourthDotted,
    thirtySecondTriplet,
    thirtySecond,
    thirtySecondDotted,
    sixteenthTriplet,
    sixteenth,
    sixteenthDotted,
    eighthTriplet,
    eighth,
    eighthDotted,
    quarterTriplet,
    quarter,
    quarterDotted,
    halfTriplet,
    half,
    halfDotted,
};

/** In NoteValue's order: T triplet (2/3 of the note), D dotted (3/2). */
inline constexpr std::array<std::string_view, 18> noteValueChoices {
    "1/64T", "1/64", "1/64D", "1/32T", "1/32", "1/32D", "1/16T", "1/16", "1/16D",
    "1/8T",  "1/8",  "1/8D",  "1/4T",  "1/4",  "1/4D",  "1/2T",  "1/2",  "1/2D",
};

/** A note's length in quarter notes (beats, as a host's tempo counts
    them) as numerator / denominator: the straight note's length (a power of
    two: 1/16 for a 1/64 up to 2 for a 1/2) times 2 / 3 for a triplet or
    3 / 2 for a dotted note. Both are exact in a double, so a sample count
    computed from them (PreDelayTime) is exact up to one rounding and a
    count that is exactly halfway rounds the same way every time. */
struct NoteLength
{
    double numerator;
    double denominator;
};

[[nodiscard]] constexpr NoteLength lengthOf (NoteValue note) noexcept
{
    // Three values per division (triplet, straight, dotted); the divisions
    // double from 1/64 (1/16 of a beat) up to 1/2 (2 beats).
    const auto index = static_cast<int> (note);
    double straight = 1.0 / 16.0;
    for (int division = 0; division < index / 3; ++division)
        straight *= 2.0;
    constexpr std::array<NoteLength, 3> factors { { { 2.0, 3.0 }, { 1.0, 1.0 }, { 3.0, 2.0 } } };
    const auto& factor = factors[static_cast<std::size_t> (index % 3)];
    return { straight * factor.numerator, factor.denominator };
}

/** The note's length in beats: 1/4 is 1, 1/16 is 0.25, 1/8D is 0.75, 1/4T
    is 2/3, 1/2D is 3. */
[[nodiscard]] constexpr double beatsOf (NoteValue note) noexcept
{
    const auto length = lengthOf (note);
    return length.numerator / length.denominator;
}

/** The longest note value. */
inline constexpr NoteValue longestNoteValue = NoteValue::halfDotted;

} // namespace partita
