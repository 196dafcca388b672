// SPDX-License-Identifier: GPL-3.0-or-later
#include "DattorroPlate.h"

#include "DelayLine.h"
#include "FactoryIrFinishing.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace partita
{

DattorroPlate::DattorroPlate (double decay, double damping, double lengthSeconds, double sampleRate)
    : decayGain (decay)
    , dampingCoefficient (damping)
    , frames (static_cast<std::size_t> (std::lround (lengthSeconds * sampleRate)))
    , rate (sampleRate)
{
}

AudioClip DattorroPlate::render() const
{
    constexpr double designRate = 29761.0;
    const auto scaled = [this] (double samples)
    { return std::max<std::size_t> (1, static_cast<std::size_t> (std::lround (samples * rate / designRate))); };

    constexpr double bandwidth = 0.9995;
    std::array inputDiffusers { SchroederAllpass (scaled (142), 0.75), SchroederAllpass (scaled (107), 0.75),
                                SchroederAllpass (scaled (379), 0.625), SchroederAllpass (scaled (277), 0.625) };
    SchroederAllpass leftDiffuser1 (scaled (672), -0.7);
    DelayLine leftDelay1 (scaled (4453));
    SchroederAllpass leftDiffuser2 (scaled (1800), 0.5);
    DelayLine leftDelay2 (scaled (3720));
    SchroederAllpass rightDiffuser1 (scaled (908), -0.7);
    DelayLine rightDelay1 (scaled (4217));
    SchroederAllpass rightDiffuser2 (scaled (2656), 0.5);
    DelayLine rightDelay2 (scaled (3163));

    AudioClip clip;
    clip.sampleRate = rate;
    clip.channels.assign (2, std::vector<double> (frames, 0.0));
    double bandwidthState = 0.0, leftDamping = 0.0, rightDamping = 0.0;
    for (std::size_t n = 0; n < frames; ++n)
    {
        bandwidthState = bandwidth * (n == 0 ? 1.0 : 0.0) + (1.0 - bandwidth) * bandwidthState;
        auto diffused = bandwidthState;
        for (auto& diffuser : inputDiffusers)
            diffused = diffuser.process (diffused);

        const auto leftEnd = leftDelay2.oldest();
        const auto rightEnd = rightDelay2.oldest();

        const auto leftTank = leftDiffuser1.process (diffused + decayGain * rightEnd);
        const auto leftDelayed = leftDelay1.oldest();
        leftDelay1.write (leftTank);
        leftDamping = (1.0 - dampingCoefficient) * leftDelayed + dampingCoefficient * leftDamping;
        leftDelay2.write (leftDiffuser2.process (decayGain * leftDamping));

        const auto rightTank = rightDiffuser1.process (diffused + decayGain * leftEnd);
        const auto rightDelayed = rightDelay1.oldest();
        rightDelay1.write (rightTank);
        rightDamping = (1.0 - dampingCoefficient) * rightDelayed + dampingCoefficient * rightDamping;
        rightDelay2.write (rightDiffuser2.process (decayGain * rightDamping));

        // Dattorro's output taps (table 2), in samples at 29761 Hz.
        clip.channels[0][n] = 0.6
                              * (rightDelay1.read (scaled (266)) + rightDelay1.read (scaled (2974))
                                 - rightDiffuser2.line().read (scaled (1913)) + rightDelay2.read (scaled (1996))
                                 - leftDelay1.read (scaled (1990)) - leftDiffuser2.line().read (scaled (187))
                                 - leftDelay2.read (scaled (1066)));
        clip.channels[1][n] = 0.6
                              * (leftDelay1.read (scaled (353)) + leftDelay1.read (scaled (3627))
                                 - leftDiffuser2.line().read (scaled (1228)) + leftDelay2.read (scaled (2673))
                                 - rightDelay1.read (scaled (2111)) - rightDiffuser2.line().read (scaled (335))
                                 - rightDelay2.read (scaled (121)));
    }
    finishFactoryIr (clip);
    return clip;
}

} // namespace partita
