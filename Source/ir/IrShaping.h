// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "IrEnvelope.h"
#include "io/AudioClip.h"

#include <cstddef>

namespace partita
{

/** The user's shaping of an IR, applied after it is resampled to the session
    rate. */
struct ImpulseResponseShape
{
    /** Cut from the start and from the end, in ms (see trimImpulseResponse). */
    double trimStartMs = 0.0;
    double trimEndMs = 0.0;
    bool reverse = false;
    /** Time stretch: 0.5 halves the IR's length, 2 doubles it. */
    double stretchFactor = 1.0;
    /** Attack, reverb time, damping, early and late (IrEnvelope.h). */
    IrEnvelopeShape envelope;
    /** The longest the result may be, in ms after the stretch; 0: no cap
        (capImpulseResponseLength). */
    double maxLengthMs = 0.0;
    /** Energy normalisation of the result (IrNormalisation::energy). */
    bool autoGain = false;
    /** Loudness matching of the result (matchImpulseResponseLoudness), in
        place of auto-gain's energy normalisation when both are on. */
    bool loudnessMatch = false;
    /** The outputs the IR's channels feed, for loudness matching (2 for a
        true-stereo IR of 4 paths; 0: one per channel). */
    std::size_t loudnessOutputs = 0;
    /** Gain in dB applied last, after auto-gain. */
    double gainDb = 0.0;
};

/** An IR after shaping, and the factor auto-gain (or loudness matching)
    applied to it. */
struct ShapedImpulseResponse
{
    AudioClip clip;
    double gain = 1.0;
    /** The envelope's gain curve, in the shaped IR's frames. */
    IrEnvelopeCurve envelope;
};

/** Trims, reverses, stretches, shapes the envelope of, caps the length of,
    auto-gains (or loudness-matches) and scales an IR, in that order (the trim is measured on the
    unstretched IR, so the trim points stay on the same features of the
    recording whatever the stretch; the cap on the shaped one, so that it
    bounds the length convolved, and before auto-gain, which then levels what
    is heard). Throws
    std::invalid_argument when auto-gain or loudness matching is asked for
    and the shaped IR is silent, or for a bad stretch factor.

    Threading: a pure function; call it from any thread. */
ShapedImpulseResponse shapeImpulseResponse (AudioClip impulseResponse, const ImpulseResponseShape& shape);

} // namespace partita
