// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/BiquadSection.h"

#include <cstddef>

namespace partita
{

/** Coefficients of a second-order section, normalised so that a0 == 1: the
    analysis library's section, which K-weighting uses too. */
using BiquadCoefficients = BiquadSection;

/** Second-order high-pass with its analogue prototype's pole frequency at
    cutoffHz and quality q, by the bilinear transform prewarped at the cutoff
    (RBJ cookbook). The cutoff is limited to 1 Hz .. 0.45 x sampleRate. */
BiquadCoefficients highPassSection (double cutoffHz, double q, double sampleRate) noexcept;

/** Second-order low-pass, as highPassSection. */
BiquadCoefficients lowPassSection (double cutoffHz, double q, double sampleRate) noexcept;

/** Second-order Butterworth (Q = 1/sqrt 2) high-pass with its -3 dB point at
    cutoffHz: highPassSection. */
BiquadCoefficients butterworthHighPass (double cutoffHz, double sampleRate) noexcept;

/** Second-order Butterworth low-pass, as butterworthHighPass. */
BiquadCoefficients butterworthLowPass (double cutoffHz, double sampleRate) noexcept;

/** The Q of section `index` (0 .. order / 2 - 1) of a Butterworth filter of
    even `order` made of biquads: 1 / (2 sin ((2 index + 1) pi / (2 order))),
    the most resonant first. Order 2 gives exactly 1 / sqrt 2. Because every section
    is prewarped at the same cutoff, the cascade's bilinear transform has
    |H|^2 = 1 / (1 + (tan (pi f / fs) / tan (pi fc / fs))^(+-2 order)). */
double butterworthSectionQ (std::size_t order, std::size_t index) noexcept;

/** |H (e^(j 2 pi frequency / sampleRate))|^2 of a section. */
double powerResponse (const BiquadCoefficients& section, double frequency, double sampleRate) noexcept;

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
