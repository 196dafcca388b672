// SPDX-License-Identifier: GPL-3.0-or-later
#include "SchroederReverb.h"

#include "DelayLine.h"
#include "FactoryIrFinishing.h"

#include <array>
#include <cmath>
#include <vector>

namespace partita
{

SchroederReverb::SchroederReverb (double reverbTimeSeconds, double lengthSeconds, double sampleRate)
    : reverbTime (reverbTimeSeconds)
    , frames (static_cast<std::size_t> (std::lround (lengthSeconds * sampleRate)))
    , rate (sampleRate)
{
}

AudioClip SchroederReverb::render() const
{
    constexpr std::array combSeconds { 0.0297, 0.0371, 0.0411, 0.0437 };
    std::vector<DelayLine> combs;
    std::array<double, combSeconds.size()> gains {};
    for (std::size_t i = 0; i < combSeconds.size(); ++i)
    {
        const auto delay = static_cast<std::size_t> (std::lround (combSeconds[i] * rate));
        combs.emplace_back (delay);
        gains[i] = std::pow (10.0, -3.0 * static_cast<double> (delay) / (reverbTime * rate));
    }
    const auto samples = [this] (double seconds) { return static_cast<std::size_t> (std::lround (seconds * rate)); };
    std::array<std::array<SchroederAllpass, 2>, 2> allpasses { {
        { SchroederAllpass (samples (0.005), 0.7), SchroederAllpass (samples (0.0017), 0.7) },
        { SchroederAllpass (samples (0.005), 0.7), SchroederAllpass (samples (0.0017), 0.7) },
    } };

    AudioClip clip;
    clip.sampleRate = rate;
    clip.channels.assign (2, std::vector<double> (frames, 0.0));
    for (std::size_t n = 0; n < frames; ++n)
    {
        const auto input = n == 0 ? 1.0 : 0.0;
        double left = 0.0, right = 0.0;
        for (std::size_t i = 0; i < combs.size(); ++i)
        {
            const auto out = combs[i].oldest();
            combs[i].write (input + gains[i] * out);
            left += out;
            right += (i % 2 == 0 ? out : -out);
        }
        for (auto& allpass : allpasses[0])
            left = allpass.process (left);
        for (auto& allpass : allpasses[1])
            right = allpass.process (right);
        clip.channels[0][n] = left;
        clip.channels[1][n] = right;
    }
    finishFactoryIr (clip);
    return clip;
}

} // namespace partita
