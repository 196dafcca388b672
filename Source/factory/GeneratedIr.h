// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FactoryIrCategory.h"
#include "io/AudioClip.h"

#include <cstddef>
#include <string>
#include <vector>

namespace partita
{

/** One factory IR that is made on demand by the project's generators
    (Source/factory) rather than stored as a file: its description, known
    without generating it, and the function that makes its samples.

    The samples are the same on every machine and every call (fixed seeds,
    no <random> distributions, no platform maths that differs beyond
    rounding), at generatedIrSampleRate. */
struct GeneratedIr
{
    /** Stable identifier, lower case with underscores, e.g. "hall_large":
        what `factory:ID` names and a session can be matched by. Never
        changed once released. */
    std::string id;
    /** What a menu shows, e.g. "Large hall". */
    std::string displayName;
    FactoryIrCategory category = FactoryIrCategory::room;
    /** Lower-case words to search by, e.g. { "stereo", "bright", "vocals" }. */
    std::vector<std::string> tags;
    /** The reverberation time in seconds: T30 (T20 where the decay is too
        short for T30) measured by EnergyDecayCurve on the generated IR
        (all channels' energy summed), stored here when the table was made
        (tools/MakeFactoryIrs.cpp --list prints the measurements; the tests
        check that this value still matches one). 0 for IRs that have no
        reverberation to speak of (the cabinets). */
    double reverbTimeSeconds = 0.0;
    /** 1 (mono), 2 (stereo) or 4 (true stereo: LL, LR, RL, RR). */
    std::size_t numChannels = 2;
    /** Length in frames at generatedIrSampleRate. */
    std::size_t numFrames = 0;
    /** One paragraph on what it models and how it was made. */
    std::string description;
    /** Makes the samples. Takes milliseconds (the tests report the times);
        run it off the message and audio threads (the IR loader's thread).
        Threading: a pure function, any thread. */
    AudioClip (*generate)() = nullptr;
};

/** The rate every generated factory IR is made at; the plugin resamples to
    the session's rate as for any file. */
inline constexpr double generatedIrSampleRate = 48000.0;

} // namespace partita
