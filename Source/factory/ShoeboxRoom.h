// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OctaveBands.h"

#include <array>
#include <cstddef>

namespace partita
{

/** The six surfaces of a shoebox room, in the order of ShoeboxRoom::absorption. */
enum class RoomWall : std::size_t
{
    left,    // x = 0
    right,   // x = length
    front,   // y = 0
    back,    // y = width
    floor,   // z = 0
    ceiling, // z = height
};

inline constexpr std::size_t roomWallCount = 6;

/** A rectangular room: its size, what each surface absorbs per octave band,
    and the statistical quantities that follow (Eyring's reverberation time,
    the mixing time).

    Threading: a value; its functions are pure. */
struct ShoeboxRoom
{
    /** Along x, y and z, in metres. */
    double length = 5.0;
    double width = 4.0;
    double height = 3.0;
    /** Random-incidence absorption coefficient per wall (RoomWall order) and
        octave band, each in [0, 1). */
    std::array<OctaveBandValues, roomWallCount> absorption {};
    /** Whether the air absorbs too (ISO 9613-1 at 20 degrees C and 50 %
        relative humidity): in the reflections' gains and in the
        reverberation time (Eyring's 4 m V term). */
    bool airAbsorption = true;
    double speedOfSound = 343.0;

    [[nodiscard]] double volume() const noexcept;
    [[nodiscard]] double surfaceArea() const noexcept;
    [[nodiscard]] double wallArea (RoomWall wall) const noexcept;
    /** The area-weighted mean absorption coefficient per band. */
    [[nodiscard]] OctaveBandValues meanAbsorption() const noexcept;
    /** Pressure reflection factor of a wall per band: sqrt (1 - alpha). */
    [[nodiscard]] OctaveBandValues reflectionFactor (RoomWall wall) const noexcept;
    /** Eyring: T = 24 ln 10 V / (c (-S ln (1 - mean alpha) + 4 m V)) per band
        (0.161 V / ... at c = 343 m/s). */
    [[nodiscard]] OctaveBandValues eyringReverbTime() const noexcept;
    /** The perceptual mixing time after which the reflections are dense
        enough to be heard as a diffuse tail: 20 V / S + 12 ms (Lindau,
        Kosanke and Weinzierl, JAES 2012, their model from V/S), in seconds. */
    [[nodiscard]] double mixingTimeSeconds() const noexcept;

    /** Every wall made of the same material. */
    void setAllWalls (const OctaveBandValues& alpha) noexcept { absorption.fill (alpha); }
    void setWall (RoomWall wall, const OctaveBandValues& alpha) noexcept
    {
        absorption[static_cast<std::size_t> (wall)] = alpha;
    }
};

/** The air's intensity attenuation coefficient m per band, in 1/m, at 20
    degrees C and 50 % relative humidity (ISO 9613-1: 0.1, 0.4, 1.0, 1.9, 3.7,
    9.7, 32.8, 117 dB/km from 63 Hz to 8 kHz, divided by 10 log10 e). Sound
    energy falls by exp (-m d) over a distance d. */
[[nodiscard]] OctaveBandValues airAttenuationPerMetre() noexcept;

} // namespace partita
