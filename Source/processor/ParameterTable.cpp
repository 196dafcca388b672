// SPDX-License-Identifier: GPL-3.0-or-later
#include "ParameterTable.h"

#include <algorithm>

namespace partita
{

const ParameterDefinition* findParameter (std::string_view id) noexcept
{
    for (const auto& row : parameterTable)
        if (row.id == id)
            return &row;
    return nullptr;
}

std::array<const ParameterDefinition*, parameterCount> parametersInEditorOrder() noexcept
{
    std::array<const ParameterDefinition*, parameterCount> rows {};
    for (std::size_t index = 0; index < parameterCount; ++index)
        rows[index] = &parameterTable[index];
    std::sort (rows.begin(), rows.end(),
               [] (const ParameterDefinition* a, const ParameterDefinition* b)
               {
                   // The IR's controls are the editor's top row.
                   if (a->action != b->action)
                       return a->action == ParameterAction::shaping;
                   return a->editorColumn < b->editorColumn;
               });
    return rows;
}

bool shapingDiffers (const ProcessorParameters& a, const ProcessorParameters& b) noexcept
{
    for (const auto& row : parameterTable)
        if (row.action == ParameterAction::shaping && row.field.get (a) != row.field.get (b))
            return true;
    return false;
}

} // namespace partita
