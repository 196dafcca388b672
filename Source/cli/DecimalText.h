// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace partita
{

/** A number with a fixed count of decimals ("%.*f"), for what the commands print. */
std::string withDecimals (double value, int decimals);

} // namespace partita
