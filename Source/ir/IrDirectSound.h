// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"

#include <cstddef>

namespace partita
{

/** The frame of the direct sound: the IR's largest magnitude over all its
    channels (the first such frame on a tie; 0 for an empty or silent IR).
    The envelope's decay, damping and early/late boundary are all measured
    from it, one frame for every channel, so that the channels keep their
    relative timing (a stereo image stays where it was).

    The peak, not ISO 3382's onset (20 dB below it), because the direct
    sound's peak must be left exactly as it is: every envelope starts at 1
    on it.

    Threading: a pure function; call it from any thread. */
[[nodiscard]] std::size_t directSoundFrame (const AudioClip& impulseResponse) noexcept;

} // namespace partita
