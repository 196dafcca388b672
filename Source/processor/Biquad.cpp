// SPDX-License-Identifier: GPL-3.0-or-later
#include "Biquad.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>

namespace partita
{

namespace
{
struct Prewarped
{
    double cosine;
    double alpha;
};

/** Butterworth's order-2 Q, spelled as the original filter spelled it so
    that the default 12 dB/oct cuts keep every bit. */
constexpr double butterworthQ = std::numbers::sqrt2 / 2.0;

Prewarped prewarp (double cutoffHz, double q, double sampleRate) noexcept
{
    const double cutoff = std::clamp (cutoffHz, 1.0, 0.45 * sampleRate);
    const double omega = 2.0 * std::numbers::pi * cutoff / sampleRate;
    return { std::cos (omega), std::sin (omega) / (2.0 * q) };
}

BiquadCoefficients normalise (double b0, double b1, double b2, double a0, double a1, double a2) noexcept
{
    return { b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0 };
}
} // namespace

BiquadCoefficients highPassSection (double cutoffHz, double q, double sampleRate) noexcept
{
    const auto [cosine, alpha] = prewarp (cutoffHz, q, sampleRate);
    const double b = (1.0 + cosine) / 2.0;
    return normalise (b, -2.0 * b, b, 1.0 + alpha, -2.0 * cosine, 1.0 - alpha);
}

BiquadCoefficients lowPassSection (double cutoffHz, double q, double sampleRate) noexcept
{
    const auto [cosine, alpha] = prewarp (cutoffHz, q, sampleRate);
    const double b = (1.0 - cosine) / 2.0;
    return normalise (b, 2.0 * b, b, 1.0 + alpha, -2.0 * cosine, 1.0 - alpha);
}

BiquadCoefficients butterworthHighPass (double cutoffHz, double sampleRate) noexcept
{
    return highPassSection (cutoffHz, butterworthQ, sampleRate);
}

BiquadCoefficients butterworthLowPass (double cutoffHz, double sampleRate) noexcept
{
    return lowPassSection (cutoffHz, butterworthQ, sampleRate);
}

double butterworthSectionQ (std::size_t order, std::size_t index) noexcept
{
    if (order == 2)
        return butterworthQ;
    const double angle = static_cast<double> (2 * index + 1) * std::numbers::pi / static_cast<double> (2 * order);
    return 1.0 / (2.0 * std::sin (angle));
}

double powerResponse (const BiquadCoefficients& section, double frequency, double sampleRate) noexcept
{
    const double omega = 2.0 * std::numbers::pi * frequency / sampleRate;
    const std::complex<double> z1 = std::polar (1.0, -omega);
    const auto z2 = z1 * z1;
    return std::norm ((section.b0 + section.b1 * z1 + section.b2 * z2) / (1.0 + section.a1 * z1 + section.a2 * z2));
}

bool Biquad::resetIfNotFinite() noexcept
{
    if (std::isfinite (state1) && std::isfinite (state2))
        return false;
    reset();
    return true;
}

} // namespace partita
