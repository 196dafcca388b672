// SPDX-License-Identifier: GPL-3.0-or-later
#include "IrReverbTime.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace partita
{
namespace
{
constexpr int maximumCorrections = 12;
constexpr double agreement = 0.001;

std::vector<double> summedEnergy (const AudioClip& impulseResponse)
{
    std::vector<double> energy (impulseResponse.numFrames(), 0.0);
    for (const auto& channel : impulseResponse.channels)
        for (std::size_t n = 0; n < energy.size(); ++n)
            energy[n] += channel[n] * channel[n];
    return energy;
}

/** The reverberation time of `energy` faded by `decay` (whose square fades energy). */
DecayFit fadedReverbTime (const std::vector<double>& energy, const EnergyDecayCurve& original, const DecayFit& range,
                          const ExponentialDecay& decay)
{
    // The noise is subtracted before the fade, which fades it too.
    auto tail = original.tail();
    std::vector<double> faded (energy);
    for (auto& value : faded)
        value -= tail.noiseEnergyPerFrame;
    tail.noiseEnergyPerFrame = 0.0;
    decay.applyTo (faded);
    decay.applyTo (faded);
    const double gainAtTruncation = decay.gainAt (tail.truncationFrame);
    tail.energyPerFrame *= gainAtTruncation * gainAtTruncation;
    tail.slopeDbPerSecond -= decay.extraDbPerSecond;
    return EnergyDecayCurve (faded, decay.sampleRate, tail).fit (range.fromDb, range.toDb);
}
} // namespace

DecayFit measureReverbTime (const AudioClip& impulseResponse)
{
    return EnergyDecayCurve (summedEnergy (impulseResponse), impulseResponse.sampleRate).reverberationTime();
}

ReverbTimeEnvelope reverbTimeEnvelope (const AudioClip& impulseResponse, std::size_t directFrame, double fraction)
{
    if (!(fraction < 1.0) || !(fraction > 0.0))
        return {};
    const auto energy = summedEnergy (impulseResponse);
    const EnergyDecayCurve original (energy, impulseResponse.sampleRate);
    ReverbTimeEnvelope result { .measured = original.reverberationTime(), .decay = {} };
    if (!result.measured.valid)
        return result;

    const double target = fraction * result.measured.reverbTimeSeconds;
    ExponentialDecay decay { .startFrame = directFrame,
                             .extraDbPerSecond = extraDecayForReverbTime (result.measured.reverbTimeSeconds, fraction),
                             .sampleRate = impulseResponse.sampleRate };
    result.decay = decay;
    for (int correction = 0; correction < maximumCorrections; ++correction)
    {
        const auto faded = fadedReverbTime (energy, original, result.measured, decay);
        if (!faded.valid)
            break;
        result.decay = decay;
        if (std::abs (faded.reverbTimeSeconds / target - 1.0) < agreement)
            break;
        // Slopes in dB per second add: move the faded slope onto the one asked for.
        decay.extraDbPerSecond =
            std::max (0.0, decay.extraDbPerSecond + 60.0 / target - 60.0 / faded.reverbTimeSeconds);
    }
    return result;
}

} // namespace partita
