// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcessorParameters.h"

namespace partita
{

ProcessorParameters clampedToRanges (const ProcessorParameters& parameters) noexcept
{
    auto clamped = parameters;
    clamped.mixPercent = parameterRanges::mixPercent.clamp (parameters.mixPercent);
    clamped.wetGainDb = parameterRanges::wetGainDb.clamp (parameters.wetGainDb);
    clamped.outputGainDb = parameterRanges::outputGainDb.clamp (parameters.outputGainDb);
    clamped.preDelayMs = parameterRanges::preDelayMs.clamp (parameters.preDelayMs);
    clamped.lowCutHz = parameterRanges::lowCutHz.clamp (parameters.lowCutHz);
    clamped.highCutHz = parameterRanges::highCutHz.clamp (parameters.highCutHz);
    clamped.widthPercent = parameterRanges::widthPercent.clamp (parameters.widthPercent);
    clamped.trimStartMs = parameterRanges::trimStartMs.clamp (parameters.trimStartMs);
    clamped.trimEndMs = parameterRanges::trimEndMs.clamp (parameters.trimEndMs);
    clamped.stretchPercent = parameterRanges::stretchPercent.clamp (parameters.stretchPercent);
    if (clamped.latencyMode != LatencyMode::zero && clamped.latencyMode != LatencyMode::onePartition)
        clamped.latencyMode = LatencyMode::zero;
    return clamped;
}

} // namespace partita
