// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImageSourceModel.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace partita
{

int ImageSourceArrival::order() const noexcept
{
    int sum = 0;
    for (const auto count : reflections)
        sum += count;
    return sum;
}

std::vector<ImageSourceArrival> imageSourceArrivals (const ShoeboxRoom& room, const RoomPoint& source,
                                                     const RoomPoint& listener, double maxDelaySeconds)
{
    const auto maxDistance = maxDelaySeconds * room.speedOfSound;
    const auto air = airAttenuationPerMetre();
    std::array<OctaveBandValues, roomWallCount> factors {};
    for (std::size_t w = 0; w < roomWallCount; ++w)
        factors[w] = room.reflectionFactor (static_cast<RoomWall> (w));

    const auto reach = [maxDistance] (double size)
    { return static_cast<int> (std::ceil (maxDistance / (2.0 * size))) + 1; };
    const auto nxMax = reach (room.length);
    const auto nyMax = reach (room.width);
    const auto nzMax = reach (room.height);

    // Image coordinate and the reflections off the walls at 0 and at size.
    struct AxisImage
    {
        double offset; // image minus listener along the axis
        int atZero;
        int atSize;
    };
    const auto axisImages = [] (double sourceCoordinate, double listenerCoordinate, double size, int nMax)
    {
        std::vector<AxisImage> images;
        for (int n = -nMax; n <= nMax; ++n)
            for (int parity = 0; parity <= 1; ++parity)
            {
                const auto coordinate = (1.0 - 2.0 * parity) * sourceCoordinate + 2.0 * n * size;
                images.push_back ({ coordinate - listenerCoordinate, std::abs (n - parity), std::abs (n) });
            }
        return images;
    };
    const auto xs = axisImages (source.x, listener.x, room.length, nxMax);
    const auto ys = axisImages (source.y, listener.y, room.width, nyMax);
    const auto zs = axisImages (source.z, listener.z, room.height, nzMax);

    std::vector<ImageSourceArrival> arrivals;
    for (const auto& x : xs)
        for (const auto& y : ys)
        {
            const auto planar = x.offset * x.offset + y.offset * y.offset;
            if (planar > maxDistance * maxDistance)
                continue;
            for (const auto& z : zs)
            {
                const auto distance = std::sqrt (planar + z.offset * z.offset);
                if (distance > maxDistance)
                    continue;
                ImageSourceArrival arrival;
                arrival.distance = distance;
                arrival.delaySeconds = distance / room.speedOfSound;
                arrival.reflections = { x.atZero, x.atSize, y.atZero, y.atSize, z.atZero, z.atSize };
                for (std::size_t b = 0; b < octaveBandCount; ++b)
                {
                    auto gain = 1.0 / std::max (distance, 1.0e-3);
                    for (std::size_t w = 0; w < roomWallCount; ++w)
                        gain *= std::pow (factors[w][b], arrival.reflections[w]);
                    if (room.airAbsorption)
                        gain *= std::exp (-0.5 * air[b] * distance);
                    arrival.gain[b] = gain;
                }
                arrivals.push_back (arrival);
            }
        }

    std::stable_sort (arrivals.begin(), arrivals.end(),
                      [] (const auto& a, const auto& b) { return a.delaySeconds < b.delaySeconds; });
    return arrivals;
}

} // namespace partita
