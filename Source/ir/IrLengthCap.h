// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"

#include <cstddef>

namespace partita
{

/** The length of the fade-out at a length cap. 10 ms: long enough that the
    cut tail stops without a click, short against the reverb tails a cap is
    meant for, so it shortens nothing audibly beyond the cap itself. */
inline constexpr double irLengthCapFadeSeconds = 0.010;

/** Cuts an IR longer than maxFrames to maxFrames, with a raised-cosine
    (half-Hann) fade-out over its last F = min (round (10 ms * rate),
    maxFrames) frames: kept frame maxFrames - F + i (i = 0 .. F - 1) is
    multiplied by

        g(i) = 0.5 * (1 + cos (pi * (i + 1) / (F + 1)))

    which carries on from the unit gain before the fade (i = -1) and reaches
    0 at the first frame cut (i = F), with a zero slope at both ends, so the
    cut makes neither a step nor a corner. An IR of maxFrames or fewer
    frames is left untouched, fade and all; maxFrames 0 counts as 1.

    Threading: a pure function; call it from any thread. */
void capImpulseResponseLength (AudioClip& impulseResponse, std::size_t maxFrames);

} // namespace partita
