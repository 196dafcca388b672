// SPDX-License-Identifier: GPL-3.0-or-later
#include "SweepBand.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace partita
{

double SweepBand::weightAt (double frequencyHz) const noexcept
{
    if (frequencyHz <= 0.0 || frequencyHz > sampleRate / 2.0)
        return 0.0;
    if (frequencyHz >= lowHz && frequencyHz <= highHz)
        return 1.0;

    // The position across the skirt in octaves, 0 at the band's edge, 1 at the skirt's end.
    const double octaves = std::abs (std::log2 (frequencyHz / (frequencyHz < lowHz ? lowHz : highHz)));
    const double skirtOctaves = frequencyHz < lowHz ? 1.0 / 3.0 : 1.0 / 6.0;
    const double position = std::min (octaves / skirtOctaves, 1.0);
    return 0.5 + 0.5 * std::cos (std::numbers::pi * position);
}

} // namespace partita
