// SPDX-License-Identifier: GPL-3.0-or-later
#include "ParameterBridge.h"

#include "state/NamedParameters.h"
#include "state/ParameterIds.h"

#include <stdexcept>

namespace partita
{

ParameterBridge::ParameterBridge (juce::AudioProcessorValueTreeState& state)
{
    static_assert (parameterIds::all.size() == count, "one bridge slot per parameter ID");

    // The enum follows parameterIds::all, so slot i is parameter i.
    for (std::size_t i = 0; i < parameterIds::all.size(); ++i)
    {
        const juce::String id (parameterIds::all[i].data(), parameterIds::all[i].size());
        values[i] = state.getRawParameterValue (id);
        parameters[i] = state.getParameter (id);
        if (values[i] == nullptr || parameters[i] == nullptr)
            throw std::logic_error ("parameter '" + id.toStdString() + "' is missing from the layout");
    }
}

ProcessorParameters ParameterBridge::read() const noexcept
{
    const auto value = [this] (Index index) { return values[static_cast<std::size_t> (index)]->load(); };

    ProcessorParameters result;
    result.mixPercent = value (mix);
    result.wetGainDb = value (wetGain);
    result.outputGainDb = value (outputGain);
    result.preDelayMs = value (preDelay);
    result.trimStartMs = value (irStart);
    result.trimEndMs = value (irEnd);
    result.reverse = value (reverse) >= 0.5f;
    result.stretchPercent = value (stretch);
    result.lowCutHz = value (lowCut);
    result.highCutHz = value (highCut);
    result.widthPercent = value (width);
    result.autoGain = value (autoGain) >= 0.5f;
    result.latencyMode = value (latencyMode) >= 0.5f ? LatencyMode::onePartition : LatencyMode::zero;
    return result;
}

void ParameterBridge::apply (const ProcessorParameters& newValues)
{
    const auto named = toNamedValues (newValues);
    for (std::size_t i = 0; i < named.size(); ++i)
    {
        auto* parameter = parameters[i];
        parameter->setValueNotifyingHost (parameter->convertTo0to1 (static_cast<float> (named[i].value)));
    }
}

} // namespace partita
