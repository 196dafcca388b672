// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"

#include <cstddef>

namespace partita
{

/** Removes startFrames from the start and endFrames from the end of every
    channel. The IR keeps at least one frame: the start trim is limited to
    numFrames - 1 and the end trim to what is left after it, so a trim can never
    turn a valid IR into an empty one. No fade is applied at the cut.

    Threading: a pure function; call it from any thread. */
void trimImpulseResponse (AudioClip& impulseResponse, std::size_t startFrames, std::size_t endFrames);

/** A duration in ms as a whole number of frames at sampleRate,
    round (ms * sampleRate / 1000); 0 for a negative or NaN duration. */
std::size_t millisecondsToFrames (double milliseconds, double sampleRate) noexcept;

} // namespace partita
