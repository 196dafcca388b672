// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BiquadSection.h"

namespace partita
{

/** A second-order analogue section in the frequency normalised to its pole
    frequency, p = s / (2 pi f0):

        H(p) = (c2 p^2 + c1 p + c0) / (p^2 + p / q + 1)

    A filter published as digital coefficients at one sample rate is taken
    back to this prototype (fromDigital) and brought to any other rate by the
    bilinear transform prewarped at f0 (toDigital), so that it has the same
    response at every rate: the way libebur128 and pyloudnorm design
    BS.1770's K-weighting away from 48 kHz. The round trip at the original
    rate gives the original coefficients back. */
struct AnalogBiquad
{
    double f0 = 1000.0;
    double q = 0.7071067811865476;
    double c2 = 0.0;
    double c1 = 0.0;
    double c0 = 1.0;

    /** The prototype whose bilinear transform at sampleRate, prewarped at its
        own f0, is `section`. The section's poles must be a complex or real
        pair inside the unit circle with 1 + a1 + a2 > 0 (a resonance below
        Nyquist), as every low-order audio filter's are. */
    [[nodiscard]] static AnalogBiquad fromDigital (const BiquadSection& section, double sampleRate) noexcept;

    /** The bilinear transform at sampleRate, prewarped at f0; f0 must lie
        below sampleRate / 2. */
    [[nodiscard]] BiquadSection toDigital (double sampleRate) const noexcept;

    /** |H(j 2 pi frequency)|. */
    [[nodiscard]] double magnitudeAt (double frequency) const noexcept;
};

} // namespace partita
