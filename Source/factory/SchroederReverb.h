// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"

#include <cstddef>

namespace partita
{

/** Schroeder's 1962 reverberator ("Natural sounding artificial
    reverberation", JAES 10): four feedback combs in parallel (29.7, 37.1,
    41.1 and 43.7 ms, each gain 10^(-3 D / (T fs)) so that all decay by 60 dB
    in T) into two allpasses in series (5.0 and 1.7 ms, g = 0.7). The right
    channel sums the combs with alternating signs, which decorrelates it
    from the left. Rendered as its impulse response; peak at -1 dBFS.

    Threading: a pure computation. */
class SchroederReverb
{
public:
    SchroederReverb (double reverbTimeSeconds, double lengthSeconds, double sampleRate);

    [[nodiscard]] std::size_t numFrames() const noexcept { return frames; }
    [[nodiscard]] AudioClip render() const;

private:
    double reverbTime;
    std::size_t frames;
    double rate;
};

} // namespace partita
