// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlateModel.h"

#include "FactoryIrFinishing.h"
#include "NoiseSource.h"
#include "OctaveBandMixer.h"
#include "SecondOrderFilter.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <utility>

namespace partita
{

PlateModel::PlateModel (PlateDesign plateDesign, double sampleRate)
    : design (std::move (plateDesign))
    , rate (sampleRate)
{
}

std::size_t PlateModel::numFrames() const noexcept
{
    return static_cast<std::size_t> (std::lround (design.lengthSeconds * rate));
}

double PlateModel::arrivalSeconds (std::size_t band, double distance) const noexcept
{
    constexpr double steelLongitudinalSpeed = 5200.0;
    const auto kappa = design.thickness * steelLongitudinalSpeed / std::sqrt (12.0);
    const auto groupVelocity = 2.0 * std::sqrt (2.0 * std::numbers::pi * octaveBandCentre (band) * kappa);
    return distance / groupVelocity;
}

std::vector<double> PlateModel::renderPickup (double distance, std::uint64_t seed) const
{
    const auto frames = numFrames();
    // Each band fades in over 2 ms from its arrival: a band is an octave
    // wide, so its energy spreads over the arrivals of its edges anyway.
    const auto rise = 0.002 * rate;
    const auto fillBand = [&] (std::size_t band, std::vector<double>& buffer)
    {
        NoiseSource noise (seed); // the same noise in every band: the bands split it
        const auto start = arrivalSeconds (band, distance) * rate;
        const auto decay = std::pow (10.0, -3.0 / (design.reverbTime[band] * rate));
        auto envelope = 1.0;
        for (std::size_t i = 0; i < frames; ++i)
        {
            const auto white = noise.unitVariance();
            const auto sinceStart = static_cast<double> (i) - start;
            if (sinceStart < 0.0)
                continue;
            const auto onset = sinceStart >= rise ? 1.0 : 0.5 - 0.5 * std::cos (std::numbers::pi * sinceStart / rise);
            buffer[i] = white * envelope * onset;
            envelope *= decay;
        }
    };
    auto signal = OctaveBandMixer (rate).mix (frames, fillBand);

    const auto lowCut = SecondOrderFilter::highPass (design.lowCutHz, 1.0 / std::numbers::sqrt2, rate);
    lowCut.run (signal);
    lowCut.run (signal);
    SecondOrderFilter::highShelf (3000.0, design.brightnessDb, rate).run (signal);
    return signal;
}

AudioClip PlateModel::render() const
{
    AudioClip clip;
    clip.sampleRate = rate;
    clip.channels.push_back (renderPickup (design.pickupDistanceLeft, design.seed * 16));
    clip.channels.push_back (renderPickup (design.pickupDistanceRight, design.seed * 16 + 1));
    finishFactoryIr (clip);
    return clip;
}

} // namespace partita
