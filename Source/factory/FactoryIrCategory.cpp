// SPDX-License-Identifier: GPL-3.0-or-later
#include "FactoryIrCategory.h"

namespace partita
{

std::string_view factoryIrCategoryName (FactoryIrCategory category) noexcept
{
    switch (category)
    {
        case FactoryIrCategory::room:
            return "Rooms";
        case FactoryIrCategory::chamber:
            return "Chambers";
        case FactoryIrCategory::hall:
            return "Halls";
        case FactoryIrCategory::plate:
            return "Plates";
        case FactoryIrCategory::spring:
            return "Springs";
        case FactoryIrCategory::cabinet:
            return "Cabinets";
        case FactoryIrCategory::classicDigital:
            return "Classic digital";
    }
    return "Other";
}

} // namespace partita
