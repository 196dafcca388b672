// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/BiquadSection.h"

namespace partita
{

/** One channel of a biquad as a trapezoidal (TPT) state-variable filter
    (Simper, "Linear trapezoidal integrated SVF", 2013), in double
    precision. Any stable section is the bilinear transform of an analogue
    one (AnalogBiquad::fromDigital); the SVF integrates that one, its output
    mixed from the high-, band- and low-pass taps. Unlike a direct form, its
    states are the integrators' and stay meaningful when the coefficients
    move, so an equaliser swept across its range neither clicks nor zips.

    Threading: one audio thread. */
class StateVariableFilter
{
public:
    /** The section's response from now on; the states are kept. */
    void setSection (const BiquadSection& section, double sampleRate) noexcept;

    float processSample (float input) noexcept
    {
        const auto v0 = static_cast<double> (input);
        const double v3 = v0 - state2;
        const double v1 = gain1 * state1 + gain2 * v3;
        const double v2 = state2 + gain2 * state1 + gain3 * v3;
        state1 = 2.0 * v1 - state1;
        state2 = 2.0 * v2 - state2;
        return static_cast<float> (mixInput * v0 + mixBand * v1 + mixLow * v2);
    }

    void reset() noexcept
    {
        state1 = 0.0;
        state2 = 0.0;
    }

    /** Clears a state made non-finite by non-finite input. */
    void resetIfNotFinite() noexcept;

private:
    double gain1 = 0.0;
    double gain2 = 0.0;
    double gain3 = 0.0;
    double mixInput = 1.0;
    double mixBand = 0.0;
    double mixLow = 0.0;
    double state1 = 0.0;
    double state2 = 0.0;
};

} // namespace partita
