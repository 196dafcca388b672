// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "IrDecayEnvelope.h"
#include "io/AudioClip.h"

#include <cstddef>

namespace partita
{

/** What damping d (percent / 100) makes of the reverberation time of the
    high band: 1 - 0.8 d of it, so 100 % leaves a fifth. */
[[nodiscard]] double dampedReverbTimeRatio (double dampingPercent) noexcept;

/** Altiverb-style high damping: the part of the IR above crossoverHz
    decays faster than the rest.

    The IR is split by a linear-phase low-pass (IrCrossoverSplit.h) into
    low = lp (IR) and high = IR - low, which sum back to the IR exactly, so
    the split alone adds neither a comb nor a click. The high band's own
    reverberation time T_h is measured (its energy over all channels,
    IrReverbTime's way; the whole IR's when the high band has too little
    decay to measure) and the high band alone is given the extra exponential
    decay that makes T_h into dampedReverbTimeRatio x T_h
    (extraDecayForReverbTime). The decay starts half the low-pass's length
    after the direct sound (directFrame), where the direct sound's share of
    the high band has rung out, so the direct sound keeps its top end.
    The result is IR + (g - 1) x high: untouched, bit for bit, up to the start.

    Returns the decay given to the high band (neutral when dampingPercent
    is 0, which leaves the IR untouched bit for bit, or when no decay could
    be measured).

    Threading: a pure function; call it from any thread. */
ExponentialDecay applyHighDamping (AudioClip& impulseResponse, double dampingPercent, double crossoverHz,
                                   std::size_t directFrame);

} // namespace partita
