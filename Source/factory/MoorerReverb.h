// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"

#include <cstddef>

namespace partita
{

/** Moorer's 1979 reverberator ("About this reverberation business",
    Computer Music Journal 3): early reflections from a tapped delay line (his
    19 taps, from a measurement in Boston Symphony Hall) feeding six combs
    with a one-pole low-pass in each loop (50 ... 78 ms; high frequencies die
    away faster, as in air) and an allpass (6 ms, g = 0.7). Each comb's gain
    is set for a 60 dB decay in reverbTimeSeconds at low frequencies; the
    loop low-pass shortens the highs. The right channel takes the combs with
    alternating signs and a slightly longer allpass. Rendered as its impulse
    response; peak at -1 dBFS.

    Threading: a pure computation. */
class MoorerReverb
{
public:
    MoorerReverb (double reverbTimeSeconds, double damping, double lengthSeconds, double sampleRate);

    [[nodiscard]] std::size_t numFrames() const noexcept { return frames; }
    [[nodiscard]] AudioClip render() const;

private:
    double reverbTime;
    double lowPassCoefficient;
    std::size_t frames;
    double rate;
};

} // namespace partita
