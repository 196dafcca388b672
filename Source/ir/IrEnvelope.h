// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "IrDecayEnvelope.h"
#include "IrEarlyLate.h"
#include "analysis/EnergyDecayCurve.h"
#include "io/AudioClip.h"

#include <cstddef>

namespace partita
{

/** The user's envelope of an IR (the parameters of the editor's envelope
    page). Every default is neutral: an IR shaped with all of them is
    untouched, bit for bit. */
struct IrEnvelopeShape
{
    /** Fade-in from the IR's first frame (IrAttack.h). */
    double attackMs = 0.0;
    double attackShapePercent = 0.0;
    /** The tail's reverberation time in percent of the IR's own (100: as it is). */
    double reverbTimePercent = 100.0;
    /** High damping (IrHighDamping.h); 0 is off. */
    double dampingPercent = 0.0;
    double dampingHz = 4000.0;
    /** Levels of the early part and of the tail, split at earlyLateSplitMs
        after the direct sound (IrEarlyLate.h). */
    double earlyLevelDb = 0.0;
    double lateLevelDb = 0.0;
    double earlyLateSplitMs = 80.0;
};

/** The broadband gain curve an envelope applied to an IR, and what it
    measured: what the editor draws over the waveform, from the same
    functions that shaped the IR. */
struct IrEnvelopeCurve
{
    double sampleRate = 0.0;
    /** The direct sound (IrDirectSound.h), in the shaped IR's frames. */
    std::size_t directFrame = 0;
    /** The IR's own reverberation time before the envelope (when it was
        needed and could be measured). */
    DecayFit measuredDecay;
    std::size_t attackFrames = 0;
    double attackShapePercent = 0.0;
    ExponentialDecay reverbTimeDecay;
    EarlyLateBalance earlyLate;
    /** The extra decay of the high band alone (not part of gainAt). */
    ExponentialDecay highDamping;

    /** attackGain x reverbTimeDecay x earlyLateGain at `frame`. */
    [[nodiscard]] double gainAt (std::size_t frame) const noexcept;
    [[nodiscard]] bool isNeutral() const noexcept;
};

/** Shapes an IR's envelope, in this order:
    1. the direct sound and (for a reverb time below 100 %) the reverberation
       time are measured on the IR as it comes, before anything changes it;
    2. reverb time: an exponential decay from the direct sound that makes the
       result's T30 reverbTimePercent of the measured one
       (IrReverbTime.h); nothing when no decay could be measured (a single
       click, a few samples);
    3. high damping (IrHighDamping.h), measured on the tail as step 2 left it,
       so that 100 % damping is a fifth of the reverb time the user hears;
    4. early and late levels (IrEarlyLate.h);
    5. the attack (IrAttack.h), last, so that its fade-in cannot disturb the
       measurements above.
    Steps 2, 4 and 5 are gains that multiply; step 3 is the only one that
    depends on frequency. Each step at its neutral value is skipped.

    Threading: a pure function; call it from any thread. */
IrEnvelopeCurve applyIrEnvelope (AudioClip& impulseResponse, const IrEnvelopeShape& shape);

} // namespace partita
