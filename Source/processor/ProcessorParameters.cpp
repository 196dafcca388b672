// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcessorParameters.h"

#include "ParameterTable.h"

namespace partita
{

ProcessorParameters::ProcessorParameters() noexcept
{
    for (const auto& row : parameterTable)
        row.field.set (*this, row.range.defaultValue);
}

ProcessorParameters clampedToRanges (const ProcessorParameters& parameters) noexcept
{
    auto clamped = parameters;
    for (const auto& row : parameterTable)
        row.field.set (clamped, row.clamp (row.field.get (parameters)));
    return clamped;
}

} // namespace partita
