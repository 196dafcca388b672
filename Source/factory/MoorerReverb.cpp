// SPDX-License-Identifier: GPL-3.0-or-later
#include "MoorerReverb.h"

#include "DelayLine.h"
#include "FactoryIrFinishing.h"

#include <array>
#include <cmath>
#include <vector>

namespace partita
{

MoorerReverb::MoorerReverb (double reverbTimeSeconds, double damping, double lengthSeconds, double sampleRate)
    : reverbTime (reverbTimeSeconds)
    , lowPassCoefficient (damping)
    , frames (static_cast<std::size_t> (std::lround (lengthSeconds * sampleRate)))
    , rate (sampleRate)
{
}

AudioClip MoorerReverb::render() const
{
    struct Tap
    {
        double seconds;
        double gain;
    };
    constexpr std::array taps {
        Tap { 0.0043, 0.841 }, Tap { 0.0215, 0.504 }, Tap { 0.0225, 0.491 }, Tap { 0.0268, 0.379 },
        Tap { 0.0270, 0.380 }, Tap { 0.0298, 0.346 }, Tap { 0.0458, 0.289 }, Tap { 0.0485, 0.272 },
        Tap { 0.0572, 0.192 }, Tap { 0.0587, 0.193 }, Tap { 0.0595, 0.217 }, Tap { 0.0612, 0.181 },
        Tap { 0.0707, 0.180 }, Tap { 0.0708, 0.181 }, Tap { 0.0726, 0.176 }, Tap { 0.0741, 0.142 },
        Tap { 0.0753, 0.167 }, Tap { 0.0797, 0.134 }, Tap { 0.0000, 1.000 },
    };
    constexpr std::array combSeconds { 0.050, 0.056, 0.061, 0.068, 0.072, 0.078 };
    const auto samples = [this] (double seconds) { return static_cast<std::size_t> (std::lround (seconds * rate)); };

    // The early reflections: the tapped line's response is its taps.
    std::vector<double> early (frames, 0.0);
    for (const auto& tap : taps)
        if (samples (tap.seconds) < frames)
            early[samples (tap.seconds)] += tap.gain;

    std::vector<DelayLine> combs;
    std::array<double, combSeconds.size()> gains {};
    std::array<double, combSeconds.size()> lowPassStates {};
    for (std::size_t i = 0; i < combSeconds.size(); ++i)
    {
        const auto delay = samples (combSeconds[i]);
        combs.emplace_back (delay);
        gains[i] = std::pow (10.0, -3.0 * static_cast<double> (delay) / (reverbTime * rate));
    }
    SchroederAllpass leftAllpass (samples (0.006), 0.7);
    SchroederAllpass rightAllpass (samples (0.0063), 0.7);

    AudioClip clip;
    clip.sampleRate = rate;
    clip.channels.assign (2, std::vector<double> (frames, 0.0));
    // The late part is fed by the early reflections and scaled down so that
    // the six combs' sum continues their level.
    constexpr double lateLevel = 0.25;
    for (std::size_t n = 0; n < frames; ++n)
    {
        double left = 0.0, right = 0.0;
        for (std::size_t i = 0; i < combs.size(); ++i)
        {
            const auto out = combs[i].oldest();
            // A one-pole low-pass with unit gain at DC in the loop.
            lowPassStates[i] = (1.0 - lowPassCoefficient) * out + lowPassCoefficient * lowPassStates[i];
            combs[i].write (early[n] + gains[i] * lowPassStates[i]);
            left += out;
            right += (i % 2 == 0 ? out : -out);
        }
        clip.channels[0][n] = early[n] + lateLevel * leftAllpass.process (left);
        clip.channels[1][n] = early[n] + lateLevel * rightAllpass.process (right);
    }
    finishFactoryIr (clip);
    return clip;
}

} // namespace partita
