// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"

#include <cstddef>

namespace partita
{

/** The attack's gain at `frame` of the IR: a fade-in over the first
    attackFrames frames. With x = (frame + 1) / attackFrames and
    s = shapePercent / 100 (0..1):

        g(x) = (1 - s) * x + s * (1000^x - 1) / 999     frame < attackFrames
        g = 1                                           frame >= attackFrames

    The fade's zero lies one frame before the IR's first frame and its end
    (x = 1, g = 1) on frame attackFrames - 1: no attack silences a sample
    (an IR trimmed to one frame keeps it, and auto-gain can still level it).
    s = 0 is a straight line in amplitude; s = 1 is exponential: straight in
    dB over 60 dB (1000^x rises by 60 dB from x = 0 to 1), shifted by 1/999 so
    that it starts at exactly 0 and ends at exactly 1. Between them the two
    curves are blended. attackFrames 0 is no attack: g = 1 everywhere.

    Threading: a pure function; call it from any thread. */
[[nodiscard]] double attackGain (std::size_t frame, std::size_t attackFrames, double shapePercent) noexcept;

/** Multiplies every channel by attackGain; attackFrames 0 leaves the IR
    untouched (bit for bit). */
void applyAttack (AudioClip& impulseResponse, std::size_t attackFrames, double shapePercent);

} // namespace partita
