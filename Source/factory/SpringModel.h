// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"

#include <cstddef>
#include <vector>

namespace partita
{

/** One spring of a spring tank. */
struct SpringDesign
{
    /** The loop's pure delay, seconds: the round trip at the frequencies
        where the dispersion delays least. */
    double delaySeconds = 0.035;
    /** The dispersion: `allpassCount` stretched first-order allpasses
        (a + z^-stretch) / (1 + a z^-stretch) in the loop, each delaying
        frequency f by stretch (1 - a^2) / (1 + 2 a cos (stretch w) + a^2)
        samples (w = 2 pi f / fs): more as f rises towards fs / (2 stretch),
        which makes each echo a chirp and each round trip longer for the high
        frequencies. */
    std::size_t allpassCount = 40;
    std::size_t stretch = 6;
    double allpassCoefficient = 0.55;
    /** 60 dB of decay at low frequencies, seconds. */
    double reverbTimeSeconds = 2.5;
    /** The loop's extra high-frequency loss: the symmetric FIR
        [d, 1 - 2 d, d] (one sample of delay at every frequency), d in [0, 0.25]. */
    double damping = 0.08;
    /** How much of this spring goes to the left and right outputs. */
    double gainLeft = 1.0;
    double gainRight = 1.0;
};

/** A spring tank (Springs[]) with its transducers' band limits. */
struct SpringTankDesign
{
    std::vector<SpringDesign> springs;
    double lowCutHz = 120.0;
    double highCutHz = 4500.0;
    double lengthSeconds = 3.0;
};

/** A spring reverb as a dispersive feedback loop per spring: the impulse
    goes round a delay line, a cascade of stretched allpasses (the spring's
    dispersion) and a gentle low-pass, losing 60 dB in reverbTimeSeconds; each
    round trip is heard as a chirped echo, echo k + 1 following echo k by
    the loop's delay at that frequency (delay + 1 sample + the allpasses'
    group delay). The springs are summed into left and right, then band
    limited by the transducers (second-order high- and low-passes, twice
    each); peak at -1 dBFS.

    Threading: a pure computation. */
class SpringModel
{
public:
    SpringModel (SpringTankDesign design, double sampleRate);

    [[nodiscard]] std::size_t numFrames() const noexcept;
    /** Stereo. */
    [[nodiscard]] AudioClip render() const;

    /** One spring's loop output, unscaled and unfiltered. */
    [[nodiscard]] std::vector<double> renderSpring (const SpringDesign& spring) const;

private:
    SpringTankDesign design;
    double rate;
};

} // namespace partita
