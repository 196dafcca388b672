// SPDX-License-Identifier: GPL-3.0-or-later
#include "NamedParameters.h"

#include "ParameterIds.h"

#include <cmath>

namespace partita
{
namespace
{
float toFloat (double value) noexcept
{
    // Values beyond float's range become infinities, which the clamp handles;
    // casting them directly would be undefined.
    if (std::isnan (value))
        return std::nanf ("");
    if (value > 3.0e38)
        return HUGE_VALF;
    if (value < -3.0e38)
        return -HUGE_VALF;
    return static_cast<float> (value);
}

bool toSwitch (double value, bool fallback) noexcept
{
    if (std::isnan (value))
        return fallback;
    return value >= 0.5;
}
} // namespace

std::vector<NamedParameterValue> toNamedValues (const ProcessorParameters& parameters)
{
    namespace ids = parameterIds;
    return {
        { ids::mix, parameters.mixPercent },
        { ids::wetGain, parameters.wetGainDb },
        { ids::outputGain, parameters.outputGainDb },
        { ids::preDelay, parameters.preDelayMs },
        { ids::irStart, parameters.trimStartMs },
        { ids::irEnd, parameters.trimEndMs },
        { ids::reverse, parameters.reverse ? 1.0 : 0.0 },
        { ids::stretch, parameters.stretchPercent },
        { ids::lowCut, parameters.lowCutHz },
        { ids::highCut, parameters.highCutHz },
        { ids::width, parameters.widthPercent },
        { ids::autoGain, parameters.autoGain ? 1.0 : 0.0 },
        { ids::latencyMode, parameters.latencyMode == LatencyMode::onePartition ? 1.0 : 0.0 },
    };
}

bool applyNamedValue (ProcessorParameters& parameters, std::string_view id, double value) noexcept
{
    namespace ids = parameterIds;
    namespace ranges = parameterRanges;
    const auto number = toFloat (value);

    if (id == ids::mix)
        parameters.mixPercent = ranges::mixPercent.clamp (number);
    else if (id == ids::wetGain)
        parameters.wetGainDb = ranges::wetGainDb.clamp (number);
    else if (id == ids::outputGain)
        parameters.outputGainDb = ranges::outputGainDb.clamp (number);
    else if (id == ids::preDelay)
        parameters.preDelayMs = ranges::preDelayMs.clamp (number);
    else if (id == ids::irStart)
        parameters.trimStartMs = ranges::trimStartMs.clamp (number);
    else if (id == ids::irEnd)
        parameters.trimEndMs = ranges::trimEndMs.clamp (number);
    else if (id == ids::reverse)
        parameters.reverse = toSwitch (value, false);
    else if (id == ids::stretch)
        parameters.stretchPercent = ranges::stretchPercent.clamp (number);
    else if (id == ids::lowCut)
        parameters.lowCutHz = ranges::lowCutHz.clamp (number);
    else if (id == ids::highCut)
        parameters.highCutHz = ranges::highCutHz.clamp (number);
    else if (id == ids::width)
        parameters.widthPercent = ranges::widthPercent.clamp (number);
    else if (id == ids::autoGain)
        parameters.autoGain = toSwitch (value, true);
    else if (id == ids::latencyMode)
        parameters.latencyMode = toSwitch (value, false) ? LatencyMode::onePartition : LatencyMode::zero;
    else
        return false;

    return true;
}

} // namespace partita
