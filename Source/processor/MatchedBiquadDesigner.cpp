// SPDX-License-Identifier: GPL-3.0-or-later
#include "MatchedBiquadDesigner.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>
#include <optional>

namespace partita
{
namespace
{
/** The fit's grid ends at 12 kHz, or at a quarter of the rate (12 kHz at
    48 kHz) below 48 kHz, where the design scales with the rate. */
constexpr double highestFitted = 12000.0;
constexpr double highestFittedShare = 0.25;
constexpr double highestMatch = 0.45;
/** Poles above this alias under impulse invariance (and no band of the
    equaliser puts one there above 40 kHz). */
constexpr double highestPole = 0.49;

/** The three terms of |H|^2 for phi = sin^2 (w / 2). */
struct Basis
{
    double dc;
    double nyquist;
    double middle;

    explicit Basis (double phi) noexcept
        : dc (1.0 - phi)
        , nyquist (phi)
        , middle (4.0 * phi * (1.0 - phi))
    {
    }

    [[nodiscard]] double of (double c0, double c1, double c2) const noexcept
    {
        return c0 * dc + c1 * nyquist + c2 * middle;
    }
};

double phiAt (double frequency, double sampleRate) noexcept
{
    const double s = std::sin (std::numbers::pi * frequency / sampleRate);
    return s * s;
}

/** Roots of b0 z^2 + b1 z + b2 moved inside the unit circle, keeping
    |H| on it and a positive gain at DC. */
BiquadSection minimumPhase (double b0, double b1, double b2) noexcept
{
    const double discriminant = b1 * b1 - 4.0 * b0 * b2;
    if (discriminant < 0.0)
    {
        // A complex pair: |r|^2 = b2 / b0; outside, the reversed polynomial
        // has the reflected pair and the same magnitude.
        if (std::abs (b2) > std::abs (b0))
            std::swap (b0, b2);
        return { b0, b1, b2, 0.0, 0.0 };
    }
    const double root = std::sqrt (discriminant);
    double r1 = (-b1 + root) / (2.0 * b0);
    double r2 = (-b1 - root) / (2.0 * b0);
    double scale = b0;
    // |1 - r e^-jw| = |r| |1 - e^-jw / r| for a real r.
    for (double* r : { &r1, &r2 })
    {
        if (std::abs (*r) > 1.0)
        {
            scale *= std::abs (*r);
            *r = 1.0 / *r;
        }
    }
    BiquadSection section { scale, -scale * (r1 + r2), scale * r1 * r2, 0.0, 0.0 };
    if (section.b0 + section.b1 + section.b2 < 0.0)
    {
        section.b0 = -section.b0;
        section.b1 = -section.b1;
        section.b2 = -section.b2;
    }
    return section;
}

/** Real b's with (b0 + b1 + b2)^2 = B0, (b0 - b1 + b2)^2 = B1 and
    -4 b0 b2 = B2 (Vicanek's factorisation), when there are any. */
std::optional<BiquadSection> factored (double bigB0, double bigB1, double bigB2) noexcept
{
    if (bigB0 < 0.0 || bigB1 < 0.0)
        return std::nullopt;
    const double atDc = std::sqrt (bigB0);
    const double atNyquist = std::sqrt (bigB1);
    // (b0 - b1 + b2) may have either sign.
    for (const double sign : { 1.0, -1.0 })
    {
        const double w = 0.5 * (atDc + sign * atNyquist);
        const double discriminant = w * w + bigB2;
        if (discriminant < 0.0)
            continue;
        const double b0 = 0.5 * (w + std::sqrt (discriminant));
        if (b0 <= 0.0)
            continue;
        return minimumPhase (b0, 0.5 * (atDc - sign * atNyquist), -bigB2 / (4.0 * b0));
    }
    return std::nullopt;
}
} // namespace

MatchedBiquadDesigner::MatchedBiquadDesigner (double sampleRate) noexcept
    : rate (sampleRate)
{
    const double top = std::min (highestFitted, highestFittedShare * rate);
    for (std::size_t k = 0; k < gridSize; ++k)
    {
        // Three decades, log-spaced, ending at the top.
        const double frequency =
            top * std::pow (10.0, -3.0 * (1.0 - static_cast<double> (k + 1) / static_cast<double> (gridSize)));
        grid[k] = { frequency, phiAt (frequency, rate) };
    }
}

BiquadSection MatchedBiquadDesigner::design (const AnalogBiquad& prototype) const noexcept
{
    // Poles by impulse invariance: s = 2 pi f0 (-zeta +- sqrt (zeta^2 - 1)).
    const double poleFrequency = std::min (prototype.f0, highestPole * rate);
    const double omega = 2.0 * std::numbers::pi * poleFrequency / rate;
    const double zeta = 1.0 / (2.0 * prototype.q);
    const double decay = std::exp (-zeta * omega);
    BiquadSection section;
    section.a2 = decay * decay;
    section.a1 = zeta < 1.0 ? -2.0 * decay * std::cos (omega * std::sqrt (1.0 - zeta * zeta))
                            : -2.0 * decay * std::cosh (omega * std::sqrt (zeta * zeta - 1.0));

    const double bigA0 = (1.0 + section.a1 + section.a2) * (1.0 + section.a1 + section.a2);
    const double bigA1 = (1.0 - section.a1 + section.a2) * (1.0 - section.a1 + section.a2);
    const double bigA2 = -4.0 * section.a2;
    const auto target = [&] (double frequency, const Basis& basis)
    {
        const double magnitude = prototype.magnitudeAt (frequency);
        return magnitude * magnitude * basis.of (bigA0, bigA1, bigA2);
    };

    const double bigB0 = bigA0 * prototype.c0 * prototype.c0;
    // Exact at the pole frequency: B2 = fromMatch + perB1 * B1.
    const double matchFrequency = std::min (poleFrequency, highestMatch * rate);
    const Basis atMatch (phiAt (matchFrequency, rate));
    const double fromMatch = (target (matchFrequency, atMatch) - bigB0 * atMatch.dc) / atMatch.middle;
    const double perB1 = -atMatch.nyquist / atMatch.middle;

    // Least squares on the relative error: residual_k = alpha_k + beta_k B1.
    double alphaBeta = 0.0;
    double betaBeta = 0.0;
    for (const auto& point : grid)
    {
        const Basis basis (point.phi);
        const double wanted = target (point.frequency, basis);
        const double alpha = (bigB0 * basis.dc + fromMatch * basis.middle - wanted) / wanted;
        const double beta = (basis.nyquist + perB1 * basis.middle) / wanted;
        alphaBeta += alpha * beta;
        betaBeta += beta * beta;
    }
    const double bigB1 = -alphaBeta / betaBeta;
    const double bigB2 = fromMatch + perB1 * bigB1;

    const auto numerator = factored (bigB0, bigB1, bigB2);
    if (!numerator || !std::isfinite (numerator->b0 + numerator->b1 + numerator->b2))
    {
        auto below = prototype;
        below.f0 = poleFrequency;
        return below.toDigital (rate);
    }
    section.b0 = numerator->b0;
    section.b1 = numerator->b1;
    section.b2 = numerator->b2;
    return section;
}

} // namespace partita
