// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"

namespace partita
{

/** Plays the IR backwards: sample n of every channel becomes sample
    numFrames - 1 - n. Reversing twice gives the IR back exactly.

    Threading: a pure function; call it from any thread. */
void reverseImpulseResponse (AudioClip& impulseResponse) noexcept;

} // namespace partita
