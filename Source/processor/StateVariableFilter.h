// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/BiquadSection.h"

#include <cstddef>

namespace partita
{

/** One channel of a biquad as a trapezoidal (TPT) state-variable filter
    (Simper, "Linear trapezoidal integrated SVF", 2013), in double
    precision. Any stable section is the bilinear transform of an analogue
    one (AnalogBiquad::fromDigital); the SVF integrates that one, its output
    mixed from the input and the band- and low-pass taps. Unlike a direct
    form, its states are the integrators' and stay meaningful when the
    coefficients move: a new section is glided to, the coefficients moving
    in a straight line over a number of samples, so an equaliser swept
    across its range neither clicks nor zips. Through a change of damping k
    the band-pass state is rescaled so that k v1 (the band-pass normalised
    to unity gain at resonance) is what stays continuous: a peak's Q falling
    from 10 to 0.1 at the tone's frequency then stepped 2.0 x the held
    signal's largest step instead of 5.7 x.

    Threading: one audio thread. */
class StateVariableFilter
{
public:
    /** Moves to the section's response over glideSamples (0: at once); the
        states are kept. */
    void setSection (const BiquadSection& section, double sampleRate, std::size_t glideSamples) noexcept;

    [[nodiscard]] bool isGliding() const noexcept { return glideLeft > 0; }

    float processSample (float input) noexcept
    {
        if (glideLeft > 0)
            glide();
        const auto v0 = static_cast<double> (input);
        const double v3 = v0 - state2;
        const double v1 = now.gain1 * state1 + now.gain2 * v3;
        const double v2 = state2 + now.gain2 * state1 + now.gain3 * v3;
        state1 = 2.0 * v1 - state1;
        state2 = 2.0 * v2 - state2;
        return static_cast<float> (now.mixInput * v0 + now.mixBand * v1 + now.mixLow * v2);
    }

    void reset() noexcept
    {
        state1 = 0.0;
        state2 = 0.0;
    }

    /** Clears a state made non-finite by non-finite input. */
    void resetIfNotFinite() noexcept;

private:
    struct Coefficients
    {
        double g = 0.0;
        double k = 2.0;
        double gain1 = 0.0;
        double gain2 = 0.0;
        double gain3 = 0.0;
        double mixInput = 1.0;
        double mixBand = 0.0;
        double mixLow = 0.0;
    };

    void glide() noexcept;
    void setGains (Coefficients& c) const noexcept;

    Coefficients now;
    Coefficients target;
    Coefficients step;
    std::size_t glideLeft = 0;
    double state1 = 0.0;
    double state2 = 0.0;
};

} // namespace partita
