// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace partita
{

/** White noise from SplitMix64, spelled out rather than <random>'s
    distributions, whose output differs between standard libraries: a given
    seed makes the same samples on every machine, so a generated IR is the
    same everywhere.

    Threading: one object per thread (it has state). */
class NoiseSource
{
public:
    explicit NoiseSource (std::uint64_t seed) noexcept
        : state (seed)
    {
    }

    /** Uniform in [-1, 1). */
    double uniform() noexcept;

    /** Uniform with unit variance (in [-sqrt 3, sqrt 3)). */
    double unitVariance() noexcept;

private:
    std::uint64_t state;
};

} // namespace partita
