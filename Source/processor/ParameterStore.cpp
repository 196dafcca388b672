// SPDX-License-Identifier: GPL-3.0-or-later
#include "ParameterStore.h"

namespace partita
{

ParameterStore::ParameterStore() noexcept
{
    store (ProcessorParameters {});
}

ParameterChanges ParameterStore::store (const ProcessorParameters& parameters) noexcept
{
    ParameterChanges changes;
    for (std::size_t index = 0; index < parameterCount; ++index)
    {
        const auto& row = parameterTable[index];
        const auto value = row.field.get (parameters);
        if (values[index].exchange (value, std::memory_order_acq_rel) == value)
            continue;
        changes.shaping = changes.shaping || row.action == ParameterAction::shaping;
        changes.tail = changes.tail || row.changesTail;
    }
    return changes;
}

ProcessorParameters ParameterStore::load() const noexcept
{
    ProcessorParameters parameters;
    for (std::size_t index = 0; index < parameterCount; ++index)
        parameterTable[index].field.set (parameters, values[index].load (std::memory_order_acquire));
    return parameters;
}

} // namespace partita
