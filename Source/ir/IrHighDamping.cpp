// SPDX-License-Identifier: GPL-3.0-or-later
#include "IrHighDamping.h"

#include "IrCrossoverSplit.h"
#include "IrReverbTime.h"

#include <algorithm>
#include <vector>

namespace partita
{

double dampedReverbTimeRatio (double dampingPercent) noexcept
{
    return 1.0 - 0.8 * std::clamp (dampingPercent / 100.0, 0.0, 1.0);
}

ExponentialDecay applyHighDamping (AudioClip& impulseResponse, double dampingPercent, double crossoverHz,
                                   std::size_t directFrame)
{
    if (!(dampingPercent > 0.0) || impulseResponse.numFrames() == 0)
        return {};

    const auto kernel = crossoverLowPass (crossoverHz, impulseResponse.sampleRate);
    AudioClip high { impulseResponse.sampleRate, {} };
    for (const auto& channel : impulseResponse.channels)
    {
        auto band = lowBandOf (channel, kernel);
        for (std::size_t n = 0; n < band.size(); ++n)
            band[n] = channel[n] - band[n];
        high.channels.push_back (std::move (band));
    }

    auto measured = measureReverbTime (high);
    if (!measured.valid)
        measured = measureReverbTime (impulseResponse);
    if (!measured.valid)
        return {};

    const ExponentialDecay decay { .startFrame = directFrame + kernel.size() / 2,
                                   .extraDbPerSecond = extraDecayForReverbTime (measured.reverbTimeSeconds,
                                                                                dampedReverbTimeRatio (dampingPercent)),
                                   .sampleRate = impulseResponse.sampleRate };
    for (std::size_t c = 0; c < impulseResponse.numChannels(); ++c)
    {
        auto& channel = impulseResponse.channels[c];
        auto& band = high.channels[c];
        // band becomes g x high; the IR gains (g - 1) x high after the start.
        const std::vector<double> undamped (band.begin(), band.end());
        decay.applyTo (band);
        for (auto n = std::min (decay.startFrame + 1, channel.size()); n < channel.size(); ++n)
            channel[n] += band[n] - undamped[n];
    }
    return decay;
}

} // namespace partita
