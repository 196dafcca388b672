// SPDX-License-Identifier: GPL-3.0-or-later
#include "NoiseSource.h"

namespace partita
{

double NoiseSource::uniform() noexcept
{
    state += 0x9E3779B97F4A7C15ull;
    auto z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return static_cast<double> (z >> 11) * 0x1.0p-52 - 1.0;
}

double NoiseSource::unitVariance() noexcept
{
    // A uniform variable on [-1, 1) has variance 1/3.
    constexpr double sqrtThree = 1.7320508075688772;
    return sqrtThree * uniform();
}

} // namespace partita
