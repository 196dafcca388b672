// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OctaveBands.h"
#include "RoomPoint.h"
#include "ShoeboxRoom.h"

#include <array>
#include <vector>

namespace partita
{

/** One path from the source to the listener: the direct sound or a
    reflection off the walls, as the image source method gives it. */
struct ImageSourceArrival
{
    /** distance / speed of sound. */
    double delaySeconds = 0.0;
    /** From the image source to the listener, in metres. */
    double distance = 0.0;
    /** Pressure gain per octave band: 1 / distance (a point source giving 1
        at 1 m), times each wall's reflection factor once per reflection off
        it, times the air's attenuation sqrt (exp (-m distance)) when the
        room has air absorption. */
    OctaveBandValues gain {};
    /** Reflections off each wall (RoomWall order); their sum is the order. */
    std::array<int, roomWallCount> reflections {};
    [[nodiscard]] int order() const noexcept;
};

/** Every image source of a shoebox room whose sound reaches the listener
    within maxDelaySeconds, by Allen and Berkley's method (JASA 65, 1979):
    images at ((1 - 2 px) sx + 2 nx Lx, ...) for integers nx and parities
    px in {0, 1} per axis, reflecting |nx - px| times off the wall at 0 and
    |nx| times off the wall at Lx. Sorted by delay, the direct sound first.

    Threading: a pure function. */
[[nodiscard]] std::vector<ImageSourceArrival> imageSourceArrivals (const ShoeboxRoom& room, const RoomPoint& source,
                                                                   const RoomPoint& listener, double maxDelaySeconds);

} // namespace partita
