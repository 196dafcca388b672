// SPDX-License-Identifier: GPL-3.0-or-later
#include "AnalogBiquad.h"

#include <cmath>
#include <complex>
#include <numbers>

namespace partita
{

// With K = tan (pi f0 / fs) and the bilinear transform p = (1 / K) (1 - z^-1) /
// (1 + z^-1), multiplying through by K^2 (1 + z^-1)^2 gives
//   denominator: d0 = 1 + K / q + K^2,  a1 = 2 (K^2 - 1) / d0,  a2 = (1 - K / q + K^2) / d0
//   numerator:   b0 = (c2 + c1 K + c0 K^2) / d0,  b1 = 2 (c0 K^2 - c2) / d0,
//                b2 = (c2 - c1 K + c0 K^2) / d0.
// fromDigital solves these for K, q and the c's: 1 + a1 + a2 = 4 K^2 / d0 and
// 1 - a1 + a2 = 4 / d0.

AnalogBiquad AnalogBiquad::fromDigital (const BiquadSection& section, double sampleRate) noexcept
{
    const double sumAtDc = 1.0 + section.a1 + section.a2;
    const double sumAtNyquist = 1.0 - section.a1 + section.a2;
    const double k = std::sqrt (sumAtDc / sumAtNyquist);
    const double d0 = 4.0 / sumAtNyquist;

    AnalogBiquad prototype;
    prototype.f0 = sampleRate / std::numbers::pi * std::atan (k);
    prototype.q = k / ((1.0 - section.a2) * d0 / 2.0);
    prototype.c0 = d0 * (section.b0 + section.b1 + section.b2) / (4.0 * k * k);
    prototype.c2 = d0 * (section.b0 - section.b1 + section.b2) / 4.0;
    prototype.c1 = d0 * (section.b0 - section.b2) / (2.0 * k);
    return prototype;
}

BiquadSection AnalogBiquad::toDigital (double sampleRate) const noexcept
{
    const double k = std::tan (std::numbers::pi * f0 / sampleRate);
    const double kk = k * k;
    const double d0 = 1.0 + k / q + kk;

    BiquadSection section;
    section.b0 = (c2 + c1 * k + c0 * kk) / d0;
    section.b1 = 2.0 * (c0 * kk - c2) / d0;
    section.b2 = (c2 - c1 * k + c0 * kk) / d0;
    section.a1 = 2.0 * (kk - 1.0) / d0;
    section.a2 = (1.0 - k / q + kk) / d0;
    return section;
}

double AnalogBiquad::magnitudeAt (double frequency) const noexcept
{
    const std::complex<double> p (0.0, frequency / f0);
    return std::abs ((c2 * p * p + c1 * p + c0) / (p * p + p / q + 1.0));
}

} // namespace partita
