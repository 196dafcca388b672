// SPDX-License-Identifier: GPL-3.0-or-later
#include "factory/ImageSourceModel.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace partita;

namespace
{
/** A 6 x 4 x 3 m room whose six walls absorb differently and per band, so
    that each reflection's gain tells which wall it came off. */
ShoeboxRoom testRoom (bool airAbsorption)
{
    ShoeboxRoom room;
    room.length = 6.0;
    room.width = 4.0;
    room.height = 3.0;
    room.airAbsorption = airAbsorption;
    for (std::size_t w = 0; w < roomWallCount; ++w)
        for (std::size_t b = 0; b < octaveBandCount; ++b)
            room.absorption[w][b] = 0.05 + 0.1 * static_cast<double> (w) + 0.02 * static_cast<double> (b);
    return room;
}

const RoomPoint source { 1.5, 1.0, 1.2 };
const RoomPoint listener { 4.0, 2.5, 1.6 };
constexpr double c = 343.0;

double reflectionFactor (const ShoeboxRoom& room, RoomWall wall, std::size_t band)
{
    return std::sqrt (1.0 - room.absorption[static_cast<std::size_t> (wall)][band]);
}

/** The arrival from the image at `image`, found by its distance. */
const ImageSourceArrival* arrivalFrom (const std::vector<ImageSourceArrival>& arrivals, const RoomPoint& image)
{
    const auto distance = std::hypot (image.x - listener.x, image.y - listener.y, image.z - listener.z);
    const auto found = std::find_if (arrivals.begin(), arrivals.end(),
                                     [distance] (const auto& a) { return std::abs (a.distance - distance) < 1e-9; });
    return found != arrivals.end() ? &*found : nullptr;
}
} // namespace

TEST (ImageSourceModel, TheDirectSoundArrivesAtDistanceOverCWithOneOverR)
{
    const auto room = testRoom (false);
    const auto arrivals = imageSourceArrivals (room, source, listener, 0.05);
    ASSERT_FALSE (arrivals.empty());
    const auto distance = std::sqrt (2.5 * 2.5 + 1.5 * 1.5 + 0.4 * 0.4);
    EXPECT_NEAR (arrivals.front().distance, distance, 1e-12);
    EXPECT_NEAR (arrivals.front().delaySeconds, distance / c, 1e-12);
    EXPECT_EQ (arrivals.front().order(), 0);
    for (const auto gain : arrivals.front().gain)
        EXPECT_NEAR (gain, 1.0 / distance, 1e-12);
}

TEST (ImageSourceModel, EachFirstOrderReflectionComesFromTheSourceMirroredInItsWall)
{
    const auto room = testRoom (false);
    const auto arrivals = imageSourceArrivals (room, source, listener, 0.1);
    struct Mirror
    {
        RoomWall wall;
        RoomPoint image;
    };
    const Mirror mirrors[] {
        { RoomWall::left, { -source.x, source.y, source.z } },
        { RoomWall::right, { 2.0 * room.length - source.x, source.y, source.z } },
        { RoomWall::front, { source.x, -source.y, source.z } },
        { RoomWall::back, { source.x, 2.0 * room.width - source.y, source.z } },
        { RoomWall::floor, { source.x, source.y, -source.z } },
        { RoomWall::ceiling, { source.x, source.y, 2.0 * room.height - source.z } },
    };
    for (const auto& mirror : mirrors)
    {
        const auto* arrival = arrivalFrom (arrivals, mirror.image);
        ASSERT_NE (arrival, nullptr) << static_cast<int> (mirror.wall);
        EXPECT_EQ (arrival->order(), 1);
        EXPECT_EQ (arrival->reflections[static_cast<std::size_t> (mirror.wall)], 1);
        EXPECT_NEAR (arrival->delaySeconds, arrival->distance / c, 1e-12);
        for (std::size_t b = 0; b < octaveBandCount; ++b)
            EXPECT_NEAR (arrival->gain[b], reflectionFactor (room, mirror.wall, b) / arrival->distance, 1e-12);
    }
    EXPECT_EQ (std::count_if (arrivals.begin(), arrivals.end(), [] (const auto& a) { return a.order() == 1; }), 6);
}

TEST (ImageSourceModel, AFloorThenCeilingReflectionCarriesBothWallsFactors)
{
    const auto room = testRoom (false);
    const auto arrivals = imageSourceArrivals (room, source, listener, 0.1);
    // Mirrored in the floor (z -> -z), then in the ceiling (z -> 2H - z):
    // 2H + z; the other way round: z - 2H.
    for (const auto z : { 2.0 * room.height + source.z, source.z - 2.0 * room.height })
    {
        const auto* arrival = arrivalFrom (arrivals, { source.x, source.y, z });
        ASSERT_NE (arrival, nullptr);
        EXPECT_EQ (arrival->order(), 2);
        for (std::size_t b = 0; b < octaveBandCount; ++b)
            EXPECT_NEAR (arrival->gain[b],
                         reflectionFactor (room, RoomWall::floor, b) * reflectionFactor (room, RoomWall::ceiling, b)
                             / arrival->distance,
                         1e-12);
    }
}

TEST (ImageSourceModel, ACornerReflectionOffThreeWallsCarriesTheirThreeFactors)
{
    const auto room = testRoom (false);
    const auto arrivals = imageSourceArrivals (room, source, listener, 0.1);
    const auto* arrival = arrivalFrom (arrivals, { -source.x, -source.y, -source.z });
    ASSERT_NE (arrival, nullptr);
    for (std::size_t b = 0; b < octaveBandCount; ++b)
        EXPECT_NEAR (arrival->gain[b],
                     reflectionFactor (room, RoomWall::left, b) * reflectionFactor (room, RoomWall::front, b)
                         * reflectionFactor (room, RoomWall::floor, b) / arrival->distance,
                     1e-12);
}

TEST (ImageSourceModel, TheAirTakesExpOfMinusHalfMDFromEachPressureGain)
{
    // ISO 9613-1 at 20 degrees C, 50 % RH: 3.7 dB/km at 1 kHz, 117 dB/km at 8 kHz.
    const auto withAir = imageSourceArrivals (testRoom (true), source, listener, 0.1);
    const auto without = imageSourceArrivals (testRoom (false), source, listener, 0.1);
    ASSERT_EQ (withAir.size(), without.size());
    for (std::size_t i = 0; i < withAir.size(); ++i)
    {
        const auto d = withAir[i].distance;
        EXPECT_NEAR (withAir[i].gain[4] / without[i].gain[4], std::pow (10.0, -3.7e-3 * d / 20.0), 1e-9);
        EXPECT_NEAR (withAir[i].gain[7] / without[i].gain[7], std::pow (10.0, -117e-3 * d / 20.0), 1e-9);
    }
}

TEST (ImageSourceModel, ListsEveryImageUpToTheAskedDelaySortedByDelay)
{
    const auto room = testRoom (false);
    constexpr double maxDelay = 0.06;
    const auto arrivals = imageSourceArrivals (room, source, listener, maxDelay);
    EXPECT_TRUE (std::is_sorted (arrivals.begin(), arrivals.end(),
                                 [] (const auto& a, const auto& b) { return a.delaySeconds < b.delaySeconds; }));
    EXPECT_LE (arrivals.back().delaySeconds, maxDelay);

    // Brute force: every mirror combination within a generous index range.
    std::size_t expected = 0;
    for (int nx = -6; nx <= 6; ++nx)
        for (int ny = -6; ny <= 6; ++ny)
            for (int nz = -6; nz <= 6; ++nz)
                for (int p = 0; p < 8; ++p)
                {
                    const auto x = (p & 1 ? -source.x : source.x) + 2.0 * nx * room.length;
                    const auto y = (p & 2 ? -source.y : source.y) + 2.0 * ny * room.width;
                    const auto z = (p & 4 ? -source.z : source.z) + 2.0 * nz * room.height;
                    if (std::hypot (x - listener.x, y - listener.y, z - listener.z) / c <= maxDelay)
                        ++expected;
                }
    EXPECT_EQ (arrivals.size(), expected);
}
