// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

namespace partita
{

/** The steepness of the wet path's low and high cuts: Butterworth filters of
    order 2, 4 and 8, made of 1, 2 and 4 biquads. In the order of the
    parameter table's choices (ParameterTable.h). */
enum class CutSlope
{
    twelveDecibels,
    twentyFourDecibels,
    fortyEightDecibels,
};

/** The Butterworth order of a slope: 6 dB per octave per order. */
[[nodiscard]] constexpr std::size_t butterworthOrder (CutSlope slope) noexcept
{
    switch (slope)
    {
        case CutSlope::twentyFourDecibels:
            return 4;
        case CutSlope::fortyEightDecibels:
            return 8;
        case CutSlope::twelveDecibels:
            break;
    }
    return 2;
}

} // namespace partita
