// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/ConvolutionMode.h"

#include <cstddef>
#include <span>

namespace partita
{

/** Where the cross-correlation of a channel of A with a channel of B peaks. */
struct CorrelationPeak
{
    /** Index of the peak in the correlation as returned (in its mode). */
    std::size_t index = 0;
    /** Its lag (see correlationLag): positive when A is later than B. */
    std::ptrdiff_t lag = 0;
    /** The correlation there, with its sign: negative for inverted polarity. */
    double value = 0.0;
    /** value / sqrt(energy of A * energy of B), from -1 to 1 (Cauchy-Schwarz):
        how alike the two are at that lag; 0 when either is silent. */
    double normalised = 0.0;
};

/** The peak of |correlation| (the first one when several are equal) of
    correlate (first, second, mode). The energies are those of the whole
    channels, so that `normalised` does not depend on the mode. */
CorrelationPeak findCorrelationPeak (std::span<const double> correlation, std::span<const double> first,
                                     std::span<const double> second, ConvolutionMode mode) noexcept;

} // namespace partita
