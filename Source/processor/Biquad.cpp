// SPDX-License-Identifier: GPL-3.0-or-later
#include "Biquad.h"

#include <algorithm>
#include <cmath>
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

Prewarped prewarp (double cutoffHz, double sampleRate) noexcept
{
    const double cutoff = std::clamp (cutoffHz, 1.0, 0.45 * sampleRate);
    const double omega = 2.0 * std::numbers::pi * cutoff / sampleRate;
    const double q = std::numbers::sqrt2 / 2.0;
    return { std::cos (omega), std::sin (omega) / (2.0 * q) };
}

BiquadCoefficients normalise (double b0, double b1, double b2, double a0, double a1, double a2) noexcept
{
    return { b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0 };
}
} // namespace

BiquadCoefficients butterworthHighPass (double cutoffHz, double sampleRate) noexcept
{
    const auto [cosine, alpha] = prewarp (cutoffHz, sampleRate);
    const double b = (1.0 + cosine) / 2.0;
    return normalise (b, -2.0 * b, b, 1.0 + alpha, -2.0 * cosine, 1.0 - alpha);
}

BiquadCoefficients butterworthLowPass (double cutoffHz, double sampleRate) noexcept
{
    const auto [cosine, alpha] = prewarp (cutoffHz, sampleRate);
    const double b = (1.0 - cosine) / 2.0;
    return normalise (b, 2.0 * b, b, 1.0 + alpha, -2.0 * cosine, 1.0 - alpha);
}

bool Biquad::resetIfNotFinite() noexcept
{
    if (std::isfinite (state1) && std::isfinite (state2))
        return false;
    reset();
    return true;
}

} // namespace partita
