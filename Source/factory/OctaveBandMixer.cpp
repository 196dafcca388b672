// SPDX-License-Identifier: GPL-3.0-or-later
#include "OctaveBandMixer.h"

#include "SecondOrderFilter.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numbers>

namespace partita
{

OctaveBandMixer::OctaveBandMixer (double sampleRate)
    : rate (sampleRate)
{
}

std::vector<double> OctaveBandMixer::mix (std::size_t frames, const BandSource& fillBand) const
{
    // Lk (ink) + HPk (acc) = acc + Lk (ink - acc): the zero-phase pair adds
    // up to one, so the high-pass is the input less the low-pass, and one
    // filter (two passes) per edge does.
    constexpr auto butterworthQ = 1.0 / std::numbers::sqrt2;
    std::vector<double> accumulated (frames, 0.0);
    fillBand (octaveBandCount - 1, accumulated);
    std::vector<double> difference (frames);
    for (auto edge = static_cast<int> (octaveBandCount) - 2; edge >= 0; --edge)
    {
        const auto band = static_cast<std::size_t> (edge);
        std::fill (difference.begin(), difference.end(), 0.0);
        fillBand (band, difference);
        for (std::size_t i = 0; i < frames; ++i)
            difference[i] -= accumulated[i];
        SecondOrderFilter::lowPass (octaveBandUpperEdge (band), butterworthQ, rate).runZeroPhase (difference);
        for (std::size_t i = 0; i < frames; ++i)
            accumulated[i] += difference[i];
    }
    return accumulated;
}

} // namespace partita
