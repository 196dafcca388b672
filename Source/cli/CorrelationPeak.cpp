// SPDX-License-Identifier: GPL-3.0-or-later
#include "CorrelationPeak.h"

#include "engine/WholeSignalConvolution.h"

#include <cmath>

namespace partita
{

namespace
{
double energyOf (std::span<const double> samples) noexcept
{
    double sum = 0.0;
    for (const auto sample : samples)
        sum += sample * sample;
    return sum;
}
} // namespace

CorrelationPeak findCorrelationPeak (std::span<const double> correlation, std::span<const double> first,
                                     std::span<const double> second, ConvolutionMode mode) noexcept
{
    CorrelationPeak peak;
    double largest = -1.0;
    for (std::size_t index = 0; index < correlation.size(); ++index)
        if (std::abs (correlation[index]) > largest)
        {
            largest = std::abs (correlation[index]);
            peak.index = index;
        }

    if (correlation.empty() || first.empty() || second.empty())
        return peak;

    peak.lag = correlationLag (first.size(), second.size(), mode, peak.index);
    peak.value = correlation[peak.index];
    const auto energies = energyOf (first) * energyOf (second);
    if (energies > 0.0)
        peak.normalised = peak.value / std::sqrt (energies);
    return peak;
}

} // namespace partita
