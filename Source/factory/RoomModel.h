// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RoomPoint.h"
#include "ShoeboxRoom.h"
#include "io/AudioClip.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace partita
{

/** What a room IR is made of: the room, one source (a stereo IR: L and R
    microphones) or two (a true-stereo IR: LL, LR, RL, RR), two microphone
    positions, the length and the seed of the tail's noise. */
struct RoomIrDesign
{
    ShoeboxRoom room;
    /** One source: stereo. Two (left and right loudspeaker): true stereo. */
    std::vector<RoomPoint> sources;
    /** Left and right omnidirectional microphones. */
    std::array<RoomPoint, 2> microphones {};
    double lengthSeconds = 1.0;
    std::uint64_t seed = 1;
};

/** A room's impulse response from a statistical-geometric model:
    - early reflections by image sources (imageSourceArrivals) up to the
      room's mixing time, each arriving at distance / c with 1/r spreading,
      the walls' reflection factors and the air's attenuation per octave
      band (placed between samples by linear interpolation);
    - then a diffuse tail: noise of unit variance, decorrelated per channel
      (its own seed per path), whose level in band b follows the diffuse
      field's energy 4 pi c / V per second times 10^(-6 t / T_b), T_b from
      Eyring's formula, so that it continues the reflections' mean energy;
    - the two crossfaded (raised cosine) around the mixing time, each band
      filtered by OctaveBandMixer (zero phase, the bands adding up to one).
    The result is scaled so that the highest peak of all channels is at
    -1 dBFS and faded out over its last 5 %.

    Threading: a pure computation; render() makes each path on a thread of
    its own (std::async) and waits for them all. */
class RoomModel
{
public:
    RoomModel (RoomIrDesign design, double sampleRate);

    [[nodiscard]] std::size_t numFrames() const noexcept;
    [[nodiscard]] std::size_t numChannels() const noexcept;
    /** Stereo (L, R) or true stereo (LL, LR, RL, RR). */
    [[nodiscard]] AudioClip render() const;

    /** One source-to-microphone path before scaling: pressure with the
        direct sound at 1 m giving 1. */
    [[nodiscard]] std::vector<double> renderPath (const RoomPoint& source, const RoomPoint& microphone,
                                                  std::uint64_t seed) const;

private:
    RoomIrDesign design;
    double rate;
};

} // namespace partita
