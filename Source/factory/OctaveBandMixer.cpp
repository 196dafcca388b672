// SPDX-License-Identifier: GPL-3.0-or-later
#include "OctaveBandMixer.h"

#include "SecondOrderFilter.h"

#include <algorithm>
#include <array>
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
    // An eighth-order Butterworth low-pass: four sections, their poles
    // (2 k + 1) pi / 16 off the imaginary axis, q = 1 / (2 cos angle).
    const auto lowPass = [this] (std::size_t band)
    {
        std::array<SecondOrderFilter, 4> sections;
        for (std::size_t k = 0; k < sections.size(); ++k)
        {
            const auto q = 1.0 / (2.0 * std::cos ((2.0 * static_cast<double> (k) + 1.0) * std::numbers::pi / 16.0));
            sections[k] = SecondOrderFilter::lowPass (octaveBandUpperEdge (band), q, rate);
        }
        return sections;
    };
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
        SecondOrderFilter::runCascadeZeroPhase (lowPass (band), difference);
        for (std::size_t i = 0; i < frames; ++i)
            accumulated[i] += difference[i];
    }
    return accumulated;
}

} // namespace partita
