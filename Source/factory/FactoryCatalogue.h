// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "GeneratedIr.h"

#include <string_view>
#include <vector>

namespace partita
{

/** Every generated factory IR, grouped by category in menu order (rooms,
    chambers, halls, plates, springs, cabinets, classic digital).

    Threading: any thread (built once, thread-safely; immutable after). */
[[nodiscard]] const std::vector<GeneratedIr>& generatedFactoryIrs();

/** The generated IR with that id, or null. */
[[nodiscard]] const GeneratedIr* findGeneratedFactoryIr (std::string_view id);

} // namespace partita
