// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cmath>

namespace partita
{

/** A position in a shoebox room, in metres from the corner where the left
    wall (x = 0), the front wall (y = 0) and the floor (z = 0) meet. */
struct RoomPoint
{
    double x = 0.0;
    double y = 0.0;
    double z = 0.0;
};

[[nodiscard]] inline double distanceBetween (const RoomPoint& a, const RoomPoint& b) noexcept
{
    return std::hypot (a.x - b.x, a.y - b.y, a.z - b.z);
}

} // namespace partita
