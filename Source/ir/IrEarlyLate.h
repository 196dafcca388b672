// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"

#include <cstddef>

namespace partita
{

/** Where the early part of an IR ends and the late part begins, and their
    levels. */
struct EarlyLateBalance
{
    /** Linear gains (from the dB of the parameters). */
    double earlyGain = 1.0;
    double lateGain = 1.0;
    /** The boundary: the direct sound's frame plus the split time. */
    std::size_t boundaryFrame = 0;
    /** The raised-cosine crossfade, centred on the boundary. */
    std::size_t crossfadeFrames = 0;

    [[nodiscard]] bool isNeutral() const noexcept { return earlyGain == 1.0 && lateGain == 1.0; }
};

/** The crossfade between early and late: 10 ms, short beside the 10 ms to
    300 ms split, long enough (480 frames at 48 kHz) that a level change of
    up to 36 dB is a smooth swell, not a step. */
inline constexpr double earlyLateCrossfadeSeconds = 0.010;

/** The early/late gain at `frame`. With s = boundaryFrame - crossfadeFrames / 2
    (integer division; may be before the IR's start) and X = crossfadeFrames:

        g = earlyGain                                             frame < s
        g = earlyGain + (lateGain - earlyGain) * (1 - cos (pi (frame - s) / X)) / 2
                                                                  s <= frame < s + X
        g = lateGain                                              frame >= s + X

    Threading: a pure function; call it from any thread. */
[[nodiscard]] double earlyLateGain (std::size_t frame, const EarlyLateBalance& balance) noexcept;

/** Multiplies every channel by earlyLateGain; a neutral balance (both 0 dB)
    leaves the IR untouched (bit for bit). */
void applyEarlyLateBalance (AudioClip& impulseResponse, const EarlyLateBalance& balance);

} // namespace partita
