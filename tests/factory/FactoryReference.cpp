// SPDX-License-Identifier: GPL-3.0-or-later
#include "FactoryReference.h"

#include <cmath>
#include <complex>
#include <numbers>

namespace partita::test
{
namespace
{
struct Section
{
    double b0, b1, b2, a1, a2;

    void runOver (std::vector<double>& x) const
    {
        double x1 = 0.0, x2 = 0.0, y1 = 0.0, y2 = 0.0;
        for (auto& sample : x)
        {
            const auto y = b0 * sample + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = sample;
            y2 = y1;
            y1 = y;
            sample = y;
        }
    }
};

/** Butterworth second-order sections by the bilinear transform: with
    K = tan (pi f / fs) and the section's pole quality q, the low-pass is
    K^2 (1 + 2 z^-1 + z^-2) / ((1 + K/q + K^2) + 2 (K^2 - 1) z^-1 + (1 - K/q + K^2) z^-2). */
Section butterworthLowPass (double hz, double q, double rate)
{
    const auto k = std::tan (std::numbers::pi * hz / rate);
    const auto norm = 1.0 + k / q + k * k;
    return { k * k / norm, 2.0 * k * k / norm, k * k / norm, 2.0 * (k * k - 1.0) / norm, (1.0 - k / q + k * k) / norm };
}

Section butterworthHighPass (double hz, double q, double rate)
{
    const auto k = std::tan (std::numbers::pi * hz / rate);
    const auto norm = 1.0 + k / q + k * k;
    return { 1.0 / norm, -2.0 / norm, 1.0 / norm, 2.0 * (k * k - 1.0) / norm, (1.0 - k / q + k * k) / norm };
}

// The sections of an eighth-order Butterworth filter: poles at 11.25,
// 33.75, 56.25 and 78.75 degrees from the imaginary axis, q = 1 / (2 cos angle).
double eighthOrderQ (int section)
{
    return 1.0 / (2.0 * std::cos ((2.0 * section + 1.0) * std::numbers::pi / 16.0));
}
} // namespace

std::vector<double> octaveBandFiltered (const std::vector<double>& x, double centreHz, double rate)
{
    auto y = x;
    const auto low = centreHz / std::numbers::sqrt2;
    const auto high = centreHz * std::numbers::sqrt2;
    for (int section = 0; section < 4; ++section)
    {
        butterworthHighPass (low, eighthOrderQ (section), rate).runOver (y);
        butterworthLowPass (high, eighthOrderQ (section), rate).runOver (y);
    }
    return y;
}

std::vector<double> narrowBandFiltered (const std::vector<double>& x, double centreHz, double q, double rate)
{
    // Band-pass K/q (1 - z^-2) / ((1 + K/q + K^2) + 2 (K^2 - 1) z^-1 + (1 - K/q + K^2) z^-2),
    // K = tan (pi f / fs): 0 dB at the centre.
    const auto k = std::tan (std::numbers::pi * centreHz / rate);
    const auto norm = 1.0 + k / q + k * k;
    const Section section { k / q / norm, 0.0, -k / q / norm, 2.0 * (k * k - 1.0) / norm,
                            (1.0 - k / q + k * k) / norm };
    auto y = x;
    section.runOver (y);
    section.runOver (y);
    return y;
}

double magnitudeAt (const std::vector<double>& h, double hz, double rate)
{
    std::complex<double> sum = 0.0;
    const auto w = 2.0 * std::numbers::pi * hz / rate;
    for (std::size_t n = 0; n < h.size(); ++n)
        sum += h[n] * std::polar (1.0, -w * static_cast<double> (n));
    return std::abs (sum);
}

} // namespace partita::test
