// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace partita
{

/** The groups the factory IRs are listed in, in menu order. */
enum class FactoryIrCategory
{
    room,
    chamber,
    hall,
    plate,
    spring,
    cabinet,
    classicDigital,
};

/** What a menu or a browser heads the group with, e.g. "Rooms". */
[[nodiscard]] std::string_view factoryIrCategoryName (FactoryIrCategory category) noexcept;

} // namespace partita
