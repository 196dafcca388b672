// SPDX-License-Identifier: GPL-3.0-or-later
#include "NamedParameters.h"

#include "processor/ParameterTable.h"

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
} // namespace

std::vector<NamedParameterValue> toNamedValues (const ProcessorParameters& parameters)
{
    std::vector<NamedParameterValue> values;
    values.reserve (parameterCount);
    for (const auto& row : parameterTable)
        values.push_back ({ row.id, static_cast<double> (row.field.get (parameters)) });
    return values;
}

bool applyNamedValue (ProcessorParameters& parameters, std::string_view id, double value) noexcept
{
    const auto* row = findParameter (id);
    if (row == nullptr)
        return false;
    row->field.set (parameters, row->clamp (toFloat (value)));
    return true;
}

} // namespace partita
