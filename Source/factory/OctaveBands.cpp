// SPDX-License-Identifier: GPL-3.0-or-later
#include "OctaveBands.h"

#include <cmath>
#include <numbers>

namespace partita
{

double octaveBandCentre (std::size_t band) noexcept
{
    return 1000.0 * std::exp2 (static_cast<double> (band) - 4.0);
}

double octaveBandUpperEdge (std::size_t band) noexcept
{
    return octaveBandCentre (band) * std::numbers::sqrt2;
}

} // namespace partita
