// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"

namespace partita
{

/** Stretches the IR in time by resampling it (libsoxr HQ) as if it were
    recorded at sampleRate and played back at sampleRate / factor: the result
    holds round (numFrames * factor) frames, an envelope h(t) becomes
    h(t / factor), so a reverb's decay time is multiplied by factor (and its
    spectrum divided by it). The sample rate stays the same and the sample
    values keep their amplitude (a stretched IR carries factor times the
    energy; auto-gain evens that out). factor 1 leaves the IR untouched.

    Throws std::invalid_argument for a factor outside 0.1..10 or NaN, or when
    the IR has no valid sample rate.

    Threading: a pure function; call it from any thread. */
void stretchImpulseResponse (AudioClip& impulseResponse, double factor);

} // namespace partita
