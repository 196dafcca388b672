// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>
#include <vector>

namespace partita::test
{

/** The definition, y[n] = sum_k x[k] h[n - k], in double precision: the
    independent reference every numeric test compares against. Written as one
    scaled copy of h per input sample, the LTI model read literally. */
template <typename SampleIn>
std::vector<double> referenceConvolution (std::span<const SampleIn> x, std::span<const SampleIn> h)
{
    if (x.empty() || h.empty())
        return {};

    std::vector<double> y (x.size() + h.size() - 1, 0.0);
    for (std::size_t n = 0; n < x.size(); ++n)
    {
        const auto scale = static_cast<double> (x[n]);
        if (scale == 0.0)
            continue;
        for (std::size_t k = 0; k < h.size(); ++k)
            y[n + k] += scale * static_cast<double> (h[k]);
    }
    return y;
}

inline double peakOf (std::span<const double> signal)
{
    double peak = 0.0;
    for (const auto v : signal)
        peak = std::max (peak, std::abs (v));
    return peak;
}

/** Largest absolute difference between a result and the reference, in dB
    relative to the reference's peak. -inf (returned as -400) when exact. */
template <typename Sample>
double maxErrorDb (std::span<const Sample> result, std::span<const double> reference)
{
    double worst = 0.0;
    const auto n = std::max (result.size(), reference.size());
    for (std::size_t i = 0; i < n; ++i)
    {
        const double r = i < result.size() ? static_cast<double> (result[i]) : 0.0;
        const double e = i < reference.size() ? reference[i] : 0.0;
        worst = std::max (worst, std::abs (r - e));
    }
    const double peak = peakOf (reference);
    if (worst == 0.0 || peak == 0.0)
        return -400.0;
    return 20.0 * std::log10 (worst / peak);
}

} // namespace partita::test
