// SPDX-License-Identifier: GPL-3.0-or-later
#include "IrShaping.h"

#include "IrNormalisation.h"
#include "IrReverse.h"
#include "IrStretch.h"
#include "IrTrim.h"

#include <algorithm>
#include <cmath>

namespace partita
{

namespace
{
double largestChannelEnergy (const AudioClip& clip) noexcept
{
    double largest = 0.0;
    for (const auto& channel : clip.channels)
    {
        double energy = 0.0;
        for (const auto sample : channel)
            energy += sample * sample;
        largest = std::max (largest, energy);
    }
    return largest;
}
} // namespace

ShapedImpulseResponse shapeImpulseResponse (AudioClip impulseResponse, const ImpulseResponseShape& shape)
{
    const double rate = impulseResponse.sampleRate;
    trimImpulseResponse (impulseResponse, millisecondsToFrames (shape.trimStartMs, rate),
                         millisecondsToFrames (shape.trimEndMs, rate));

    if (shape.reverse)
        reverseImpulseResponse (impulseResponse);

    stretchImpulseResponse (impulseResponse, shape.stretchFactor);

    double gain = 1.0;
    if (shape.autoGain)
    {
        const double energy = largestChannelEnergy (impulseResponse);
        normaliseImpulseResponse (impulseResponse, IrNormalisation::energy);
        gain = 1.0 / std::sqrt (energy);
    }
    return { std::move (impulseResponse), gain };
}

} // namespace partita
