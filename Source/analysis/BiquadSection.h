// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace partita
{

/** A digital second-order section, H(z) = (b0 + b1 z^-1 + b2 z^-2) /
    (1 + a1 z^-1 + a2 z^-2): the coefficients of the processor's filters
    (BiquadCoefficients) and of K-weighting. */
struct BiquadSection
{
    double b0 = 1.0;
    double b1 = 0.0;
    double b2 = 0.0;
    double a1 = 0.0;
    double a2 = 0.0;
};

} // namespace partita
