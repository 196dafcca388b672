// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"

namespace partita
{

/** Stretches the IR in time by resampling it (libsoxr HQ) as if it were
    recorded at sampleRate and played back at sampleRate / factor: the result
    holds round (numFrames * factor) frames, an envelope h(t) becomes
    h(t / factor), so a reverb's decay time is multiplied by factor (and its
    spectrum divided by it). The sample rate stays the same.

    Level: a stretched room keeps the wet energy of the original. Resampling
    alone keeps the sample values, so a stretch by factor would carry about
    factor times the energy (+3 dB at 200 %, and +6 dB for a tone at low
    frequencies), and a shrink below 100 % also loses what moves above the
    Nyquist frequency. The stretched IR is therefore scaled, one gain for all
    channels (their balance stays), so that its energy (the sum of squares over
    every channel) equals the original's: broadband material through the
    stretched room sounds as loud as through the original, which is what a
    user dialling a room's size expects. factor 1 leaves the IR untouched.

    Throws std::invalid_argument for a factor outside 0.1..10 or NaN, or when
    the IR has no valid sample rate.

    Threading: a pure function; call it from any thread. */
void stretchImpulseResponse (AudioClip& impulseResponse, double factor);

} // namespace partita
