// SPDX-License-Identifier: GPL-3.0-or-later
#include "ParameterTable.h"


namespace partita
{

const ParameterDefinition* findParameter (std::string_view id) noexcept
{
    for (const auto& row : parameterTable)
        if (row.id == id)
            return &row;
    return nullptr;
}

bool shapingDiffers (const ProcessorParameters& a, const ProcessorParameters& b) noexcept
{
    for (const auto& row : parameterTable)
        if (row.action == ParameterAction::shaping && row.field.get (a) != row.field.get (b))
            return true;
    return false;
}

} // namespace partita
