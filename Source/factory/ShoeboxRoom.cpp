// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShoeboxRoom.h"

#include <cmath>
#include <numbers>

namespace partita
{

double ShoeboxRoom::volume() const noexcept
{
    return length * width * height;
}

double ShoeboxRoom::surfaceArea() const noexcept
{
    return 2.0 * (length * width + length * height + width * height);
}

double ShoeboxRoom::wallArea (RoomWall wall) const noexcept
{
    switch (wall)
    {
        case RoomWall::left:
        case RoomWall::right:
            return width * height;
        case RoomWall::front:
        case RoomWall::back:
            return length * height;
        case RoomWall::floor:
        case RoomWall::ceiling:
            return length * width;
    }
    return 0.0;
}

OctaveBandValues ShoeboxRoom::meanAbsorption() const noexcept
{
    OctaveBandValues mean {};
    for (std::size_t w = 0; w < roomWallCount; ++w)
        for (std::size_t b = 0; b < octaveBandCount; ++b)
            mean[b] += wallArea (static_cast<RoomWall> (w)) * absorption[w][b];
    for (auto& value : mean)
        value /= surfaceArea();
    return mean;
}

OctaveBandValues ShoeboxRoom::reflectionFactor (RoomWall wall) const noexcept
{
    OctaveBandValues factor {};
    for (std::size_t b = 0; b < octaveBandCount; ++b)
        factor[b] = std::sqrt (1.0 - absorption[static_cast<std::size_t> (wall)][b]);
    return factor;
}

OctaveBandValues ShoeboxRoom::eyringReverbTime() const noexcept
{
    const auto mean = meanAbsorption();
    const auto air = airAttenuationPerMetre();
    const auto v = volume();
    OctaveBandValues time {};
    for (std::size_t b = 0; b < octaveBandCount; ++b)
    {
        const auto airTerm = airAbsorption ? 4.0 * air[b] * v : 0.0;
        time[b] = 24.0 * std::numbers::ln10 * v / (speedOfSound * (-surfaceArea() * std::log1p (-mean[b]) + airTerm));
    }
    return time;
}

double ShoeboxRoom::mixingTimeSeconds() const noexcept
{
    return (20.0 * volume() / surfaceArea() + 12.0) / 1000.0;
}

OctaveBandValues airAttenuationPerMetre() noexcept
{
    constexpr OctaveBandValues decibelsPerKilometre { 0.1, 0.4, 1.0, 1.9, 3.7, 9.7, 32.8, 117.0 };
    OctaveBandValues m {};
    for (std::size_t b = 0; b < octaveBandCount; ++b)
        m[b] = decibelsPerKilometre[b] / 1000.0 / (10.0 * std::numbers::log10e);
    return m;
}

} // namespace partita
