// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"

#include <cstddef>

namespace partita
{

/** Dattorro's plate-class reverberator ("Effect Design, Part 1", JAES 45,
    1997, figure 1), without its delay modulation so that it has an impulse
    response: a band-width low-pass, four input diffusers (allpasses of 142,
    107, 379 and 277 samples at 29761 Hz, g 0.75, 0.75, 0.625, 0.625), then a
    "figure eight" tank of two halves, each a decay diffuser (672 / 908,
    g -0.7), a delay (4453 / 4217), a damping low-pass, the decay gain, a
    second diffuser (1800 / 2656, g 0.5) and a delay (3720 / 3163) feeding
    the other half. Left and right are his seven output taps each. All
    lengths are scaled from 29761 Hz to the rate. Peak at -1 dBFS.

    Threading: a pure computation. */
class DattorroPlate
{
public:
    /** decay in [0, 1) (his "decay", 0.5 by default), damping in [0, 1)
        (his "damping", 0.0005 by default). */
    DattorroPlate (double decay, double damping, double lengthSeconds, double sampleRate);

    [[nodiscard]] std::size_t numFrames() const noexcept { return frames; }
    [[nodiscard]] AudioClip render() const;

private:
    double decayGain;
    double dampingCoefficient;
    std::size_t frames;
    double rate;
};

} // namespace partita
