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

IrLayoutSettings irLayoutSettingsOf (const ProcessorParameters& parameters) noexcept
{
    IrLayoutSettings settings;
    settings.layout = parameters.irLayout;
    settings.omniShare = 1.0 - static_cast<double> (parameters.micPatternPercent) / 100.0;
    settings.angleDegrees = static_cast<double> (parameters.micAngleDegrees);
    return settings;
}

} // namespace partita
