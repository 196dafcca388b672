// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/BiquadSection.h"

namespace partita
{

/** Coefficients of a second-order section, normalised so that a0 == 1: the
    analysis library's section, which K-weighting uses too. */
using BiquadCoefficients = BiquadSection;

/** Second-order Butterworth (Q = 1/sqrt 2) high-pass with its -3 dB point at
    cutoffHz, by the bilinear transform (RBJ cookbook). The cutoff is limited to
    1 Hz .. 0.45 x sampleRate. */
BiquadCoefficients butterworthHighPass (double cutoffHz, double sampleRate) noexcept;

/** Second-order Butterworth low-pass, as butterworthHighPass. */
BiquadCoefficients butterworthLowPass (double cutoffHz, double sampleRate) noexcept;

/** One channel of a biquad in transposed direct form II, in double precision
    (a 20 Hz high-pass at 192 kHz has its poles within 1e-3 of the unit circle).
    Coefficients may change on every sample.

    Threading: one audio thread. */
class Biquad
{
public:
    void setCoefficients (const BiquadCoefficients& newCoefficients) noexcept { coefficients = newCoefficients; }

    float processSample (float input) noexcept
    {
        const auto x = static_cast<double> (input);
        const double y = coefficients.b0 * x + state1;
        state1 = coefficients.b1 * x - coefficients.a1 * y + state2;
        state2 = coefficients.b2 * x - coefficients.a2 * y;
        return static_cast<float> (y);
    }

    void reset() noexcept
    {
        state1 = 0.0;
        state2 = 0.0;
    }

    /** Clears a state that went NaN or infinite (non-finite input), which the
        feedback would otherwise keep forever. Returns whether it did. */
    bool resetIfNotFinite() noexcept;

private:
    BiquadCoefficients coefficients;
    double state1 = 0.0;
    double state2 = 0.0;
};

} // namespace partita
