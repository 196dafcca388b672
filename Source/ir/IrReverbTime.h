// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "IrDecayEnvelope.h"
#include "analysis/EnergyDecayCurve.h"
#include "io/AudioClip.h"

#include <cstddef>

namespace partita
{

/** The reverberation time of a whole IR (analysis/EnergyDecayCurve: T30, or
    T20 when the noise is too close), measured on the energy of all its
    channels summed: one decay for the IR, so that an envelope computed
    from it fades every channel alike and the stereo image holds.

    Threading: a pure function; call it from any thread. */
[[nodiscard]] DecayFit measureReverbTime (const AudioClip& impulseResponse);

/** The IR's own reverberation time and the decay that shortens it. */
struct ReverbTimeEnvelope
{
    DecayFit measured;
    ExponentialDecay decay;
};

/** The exponential decay, from directFrame on, after which the IR's
    reverberation time (measured as measureReverbTime does, over the same
    range) is `fraction` of what it was.

    For a purely exponential decay that is extraDecayForReverbTime exactly.
    A real room's decay curve bends (its early part falls faster or slower
    than its late part), and a faster decay moves the -5..-35 dB range to
    earlier, differently sloped, times; so the decay starts there and is
    corrected by the difference between the slope asked for and the slope
    measured on the faded energy (at most 12 times, until they agree within
    0.1 %). The faded energy is integrated up to the original's noise
    crossing with its tail faded alike (EnergyDecayCurve's second
    constructor), as its noise is no longer stationary.

    Neutral (no decay) for fraction >= 1, or when the IR has no decay that
    can be measured (a click, a few samples, too much noise).

    Threading: a pure function; call it from any thread. */
[[nodiscard]] ReverbTimeEnvelope reverbTimeEnvelope (const AudioClip& impulseResponse, std::size_t directFrame,
                                                     double fraction);

} // namespace partita
