// SPDX-License-Identifier: GPL-3.0-or-later
#include "DecimalText.h"

#include <cstdio>

namespace partita
{

std::string withDecimals (double value, int decimals)
{
    char text[64] = {};
    std::snprintf (text, sizeof (text), "%.*f", decimals, value);
    return text;
}

} // namespace partita
