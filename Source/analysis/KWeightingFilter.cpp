// SPDX-License-Identifier: GPL-3.0-or-later
#include "KWeightingFilter.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace partita
{

std::array<AnalogBiquad, 2> kWeightingPrototypes() noexcept
{
    return { AnalogBiquad::fromDigital (bs1770HighShelfAt48k, 48000.0),
             AnalogBiquad::fromDigital (bs1770HighPassAt48k, 48000.0) };
}

std::array<BiquadSection, 2> kWeightingSections (double sampleRate)
{
    const auto prototypes = kWeightingPrototypes();
    for (const auto& prototype : prototypes)
        if (!(sampleRate > 2.0 * prototype.f0) || !std::isfinite (sampleRate))
            throw std::invalid_argument ("K-weighting needs a sample rate above "
                                         + std::to_string (static_cast<int> (std::ceil (2.0 * prototype.f0))) + " Hz");
    return { prototypes[0].toDigital (sampleRate), prototypes[1].toDigital (sampleRate) };
}

KWeightingFilter::KWeightingFilter (double sampleRate)
    : sections (kWeightingSections (sampleRate))
{
}

void KWeightingFilter::process (std::span<double> samples) noexcept
{
    for (auto& sample : samples)
        sample = processSample (sample);
}

void KWeightingFilter::reset() noexcept
{
    states = {};
}

double kWeightedEnergy (std::span<const double> samples, double sampleRate)
{
    KWeightingFilter filter (sampleRate);
    double energy = 0.0;
    for (const double sample : samples)
    {
        const double weighted = filter.processSample (sample);
        energy += weighted * weighted;
    }
    // The high-pass rings on after the input ends (poles at radius 0.995 at
    // 48 kHz): 200 ms of its decay take it below 1e-20 of its start at any rate.
    const auto decayFrames = static_cast<std::size_t> (std::ceil (0.2 * sampleRate));
    for (std::size_t n = 0; n < decayFrames; ++n)
    {
        const double weighted = filter.processSample (0.0);
        energy += weighted * weighted;
    }
    return energy;
}

} // namespace partita
