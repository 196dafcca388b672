// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace partita::benchmark
{

inline constexpr double benchmarkSampleRate = 48000.0;

/** Two channels of equal length: [0] left, [1] right. */
using StereoBuffer = std::array<std::vector<float>, 2>;

/** Independent white noise in each channel, uniform in [-0.5, 0.5). */
StereoBuffer makeStereoNoise (std::size_t numFrames, std::uint32_t seed);

/** Independent exponentially decaying noise in each channel, 60 dB down at
    the last sample (a room's shape), each channel scaled to an energy (sum of
    squares) of 1/16: noise through it then stays far below full scale, which
    matters to sox, whose effects run in fixed point. */
StereoBuffer makeStereoDecayingIr (std::size_t numFrames, std::uint32_t seed);

/** A unit impulse at frame 0 in both channels, then silence. */
StereoBuffer makeStereoImpulse (std::size_t numFrames);

/** Frames in `seconds` at the benchmark's rate, rounded to the nearest frame. */
std::size_t framesForSeconds (double seconds) noexcept;

} // namespace partita::benchmark
