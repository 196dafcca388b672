// SPDX-License-Identifier: GPL-3.0-or-later
#include "IrShaping.h"

#include "IrLengthCap.h"
#include "IrLoudnessMatch.h"
#include "IrNormalisation.h"
#include "IrReverse.h"
#include "IrStretch.h"
#include "IrTrim.h"

#include <algorithm>
#include <cmath>

namespace partita
{

ShapedImpulseResponse shapeImpulseResponse (AudioClip impulseResponse, const ImpulseResponseShape& shape)
{
    const double rate = impulseResponse.sampleRate;
    trimImpulseResponse (impulseResponse, millisecondsToFrames (shape.trimStartMs, rate),
                         millisecondsToFrames (shape.trimEndMs, rate));

    if (shape.reverse)
        reverseImpulseResponse (impulseResponse);

    stretchImpulseResponse (impulseResponse, shape.stretchFactor);

    // The envelope works on the IR that will play, in its time (after the
    // trim, reverse and stretch, so that 80 ms is 80 ms heard and a reverb
    // time is a fraction of the decay that is heard), and before auto-gain,
    // so that auto-gain levels the shaped IR: a shorter tail or a quieter
    // room comes out as loud as before, as the user compares it.
    auto envelope = applyIrEnvelope (impulseResponse, shape.envelope);

    // The cap after the envelope, whose reverb time is measured on the whole
    // decay: it only shortens what plays.
    if (shape.maxLengthMs > 0.0)
        capImpulseResponseLength (impulseResponse, millisecondsToFrames (shape.maxLengthMs, rate));

    // Loudness matching, when on, levels instead of auto-gain: both set the
    // level, by different measures (docs/plugin.md).
    const double gain = shape.loudnessMatch ? matchImpulseResponseLoudness (impulseResponse, shape.loudnessOutputs)
                        : shape.autoGain    ? normaliseImpulseResponse (impulseResponse, IrNormalisation::energy)
                                            : 1.0;

    if (shape.gainDb != 0.0)
    {
        const double factor = std::pow (10.0, shape.gainDb / 20.0);
        for (auto& channel : impulseResponse.channels)
            for (auto& sample : channel)
                sample *= factor;
    }
    return { std::move (impulseResponse), gain, envelope };
}

} // namespace partita
