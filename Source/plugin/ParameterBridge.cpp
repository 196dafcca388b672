// SPDX-License-Identifier: GPL-3.0-or-later
#include "ParameterBridge.h"

#include <stdexcept>

namespace partita
{

ParameterBridge::ParameterBridge (juce::AudioProcessorValueTreeState& state)
{
    for (std::size_t i = 0; i < parameterCount; ++i)
    {
        const juce::String id (parameterTable[i].id.data(), parameterTable[i].id.size());
        values[i] = state.getRawParameterValue (id);
        parameters[i] = state.getParameter (id);
        if (values[i] == nullptr || parameters[i] == nullptr)
            throw std::logic_error ("parameter '" + id.toStdString() + "' is missing from the layout");
    }
}

ProcessorParameters ParameterBridge::read() const noexcept
{
    // The host's values are in range already: switches and choices only need
    // reading as such (a raw bool is 0 or 1, a choice its index).
    ProcessorParameters result;
    for (std::size_t i = 0; i < parameterCount; ++i)
    {
        const auto& row = parameterTable[i];
        const auto value = values[i]->load();
        row.field.set (result, row.kind == ParameterKind::continuous ? value : row.clamp (value));
    }
    return result;
}

void ParameterBridge::apply (const ProcessorParameters& newValues)
{
    for (std::size_t i = 0; i < parameterCount; ++i)
    {
        auto* parameter = parameters[i];
        parameter->setValueNotifyingHost (parameter->convertTo0to1 (parameterTable[i].field.get (newValues)));
    }
}

} // namespace partita
