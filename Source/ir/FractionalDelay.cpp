// SPDX-License-Identifier: GPL-3.0-or-later
#include "FractionalDelay.h"

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace partita
{

namespace
{
constexpr double kaiserBeta = 9.0;

/** The zeroth-order modified Bessel function of the first kind, by its
    power series (converges fast for the window's arguments, up to beta). */
double besselI0 (double x)
{
    double sum = 1.0;
    double term = 1.0;
    const double quarterSquare = x * x / 4.0;
    for (int k = 1; k < 64 && term > 1e-17 * sum; ++k)
    {
        term *= quarterSquare / (static_cast<double> (k) * static_cast<double> (k));
        sum += term;
    }
    return sum;
}

double windowedSinc (double t)
{
    const auto halfWidth = static_cast<double> (fractionalDelayHalfTaps);
    const double ratio = t / halfWidth;
    if (std::abs (ratio) >= 1.0)
        return 0.0;
    const double sinc = t == 0.0 ? 1.0 : std::sin (std::numbers::pi * t) / (std::numbers::pi * t);
    return sinc * besselI0 (kaiserBeta * std::sqrt (1.0 - ratio * ratio)) / besselI0 (kaiserBeta);
}
} // namespace

std::vector<double> delayedBy (const std::vector<double>& signal, double delaySamples)
{
    if (!(delaySamples >= 0.0) || !std::isfinite (delaySamples))
        throw std::invalid_argument ("a delay must be a finite number of samples, 0 or more");

    const auto whole = static_cast<std::size_t> (std::floor (delaySamples));
    const double fraction = delaySamples - static_cast<double> (whole);
    if (fraction == 0.0)
    {
        std::vector<double> shifted (whole, 0.0);
        shifted.insert (shifted.end(), signal.begin(), signal.end());
        return shifted;
    }

    // y[m] = sum over j of h[j] x[m - j], with h[j] the windowed sinc at
    // j - delay, for the integers j within the half-width of the delay
    // (negative j too: the IR is interpolated offline, nothing has to be
    // causal). Normalised to unit gain at DC, which the window alone misses
    // by a few parts in 1e5.
    const auto halfTaps = static_cast<std::ptrdiff_t> (fractionalDelayHalfTaps);
    const auto first = static_cast<std::ptrdiff_t> (whole) - halfTaps + 1;
    const auto last = static_cast<std::ptrdiff_t> (whole) + halfTaps;
    std::vector<double> taps;
    double sum = 0.0;
    for (auto j = first; j <= last; ++j)
    {
        taps.push_back (windowedSinc (static_cast<double> (j) - delaySamples));
        sum += taps.back();
    }
    for (auto& tap : taps)
        tap /= sum;

    const auto length = static_cast<std::ptrdiff_t> (signal.size());
    std::vector<double> delayed (static_cast<std::size_t> (length + last), 0.0);
    for (std::ptrdiff_t m = 0; m < static_cast<std::ptrdiff_t> (delayed.size()); ++m)
    {
        double accumulated = 0.0;
        for (std::size_t t = 0; t < taps.size(); ++t)
        {
            const auto n = m - (first + static_cast<std::ptrdiff_t> (t));
            if (n >= 0 && n < length)
                accumulated += taps[t] * signal[static_cast<std::size_t> (n)];
        }
        delayed[static_cast<std::size_t> (m)] = accumulated;
    }
    return delayed;
}

} // namespace partita
