// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstddef>

namespace partita
{

/** The octave bands the generators describe frequency-dependent behaviour
    in (absorption, reverberation time): 62.5 Hz to 8 kHz, the bands of
    ISO 3382 and of published absorption tables (63 Hz ... 8 kHz nominal). */
inline constexpr std::size_t octaveBandCount = 8;

/** One value per octave band, lowest band first. */
using OctaveBandValues = std::array<double, octaveBandCount>;

/** The exact centres 1000 * 2^(b - 4): 62.5, 125, ..., 8000 Hz. */
[[nodiscard]] double octaveBandCentre (std::size_t band) noexcept;

/** The edge between band and band + 1: the geometric mean of their centres. */
[[nodiscard]] double octaveBandUpperEdge (std::size_t band) noexcept;

/** The same value in every band. */
[[nodiscard]] constexpr OctaveBandValues flatBands (double value) noexcept
{
    OctaveBandValues values {};
    values.fill (value);
    return values;
}

} // namespace partita
