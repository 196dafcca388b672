// SPDX-License-Identifier: GPL-3.0-or-later
#include "IrEnvelope.h"

#include "IrAttack.h"
#include "IrDirectSound.h"
#include "IrHighDamping.h"
#include "IrReverbTime.h"
#include "IrTrim.h"

#include <cmath>

namespace partita
{

double IrEnvelopeCurve::gainAt (std::size_t frame) const noexcept
{
    return attackGain (frame, attackFrames, attackShapePercent) * reverbTimeDecay.gainAt (frame)
           * earlyLateGain (frame, earlyLate);
}

bool IrEnvelopeCurve::isNeutral() const noexcept
{
    return attackFrames == 0 && reverbTimeDecay.isNeutral() && earlyLate.isNeutral() && highDamping.isNeutral();
}

IrEnvelopeCurve applyIrEnvelope (AudioClip& impulseResponse, const IrEnvelopeShape& shape)
{
    const double rate = impulseResponse.sampleRate;
    IrEnvelopeCurve curve;
    curve.sampleRate = rate;
    curve.directFrame = directSoundFrame (impulseResponse);

    if (shape.reverbTimePercent < 100.0)
    {
        const auto reverbTime =
            reverbTimeEnvelope (impulseResponse, curve.directFrame, shape.reverbTimePercent / 100.0);
        curve.measuredDecay = reverbTime.measured;
        curve.reverbTimeDecay = reverbTime.decay;
        for (auto& channel : impulseResponse.channels)
            curve.reverbTimeDecay.applyTo (channel);
    }

    curve.highDamping = applyHighDamping (impulseResponse, shape.dampingPercent, shape.dampingHz, curve.directFrame);

    curve.earlyLate = { .earlyGain = std::pow (10.0, shape.earlyLevelDb / 20.0),
                        .lateGain = std::pow (10.0, shape.lateLevelDb / 20.0),
                        .boundaryFrame = curve.directFrame + millisecondsToFrames (shape.earlyLateSplitMs, rate),
                        .crossfadeFrames = millisecondsToFrames (1000.0 * earlyLateCrossfadeSeconds, rate) };
    applyEarlyLateBalance (impulseResponse, curve.earlyLate);

    curve.attackFrames = millisecondsToFrames (shape.attackMs, rate);
    curve.attackShapePercent = shape.attackShapePercent;
    applyAttack (impulseResponse, curve.attackFrames, shape.attackShapePercent);
    return curve;
}

} // namespace partita
