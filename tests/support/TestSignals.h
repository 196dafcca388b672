// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace partita::test
{

/** Uniform white noise in [-1, 1), reproducible from the seed. */
std::vector<float> whiteNoise (std::size_t length, std::uint32_t seed);

/** Noise under an exponential decay that falls by 60 dB over the length: the
    shape of a room's impulse response. */
std::vector<float> decayingNoise (std::size_t length, std::uint32_t seed);

/** A unit impulse at `position` in a signal of `length` samples. */
std::vector<float> impulse (std::size_t length, std::size_t position);

std::vector<double> toDouble (const std::vector<float>& signal);

} // namespace partita::test
