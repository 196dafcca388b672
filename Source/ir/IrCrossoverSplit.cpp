// SPDX-License-Identifier: GPL-3.0-or-later
#include "IrCrossoverSplit.h"

#include "engine/WholeSignalConvolution.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace partita
{

std::vector<double> crossoverLowPass (double crossoverHz, double sampleRate)
{
    const double fc = std::min (crossoverHz, 0.4 * sampleRate);
    const auto half = static_cast<std::size_t> (std::ceil (5.5 * sampleRate / fc));
    std::vector<double> taps (2 * half + 1);
    // Computed for one half and mirrored: symmetric to the bit, so the phase
    // is exactly linear.
    for (std::size_t k = 0; k <= half; ++k)
    {
        const double phase = 2.0 * std::numbers::pi * static_cast<double> (k) / static_cast<double> (2 * half);
        const double window = 0.42 - 0.5 * std::cos (phase) + 0.08 * std::cos (2.0 * phase);
        const double t = static_cast<double> (k) - static_cast<double> (half);
        const double sinc = k == half
                                ? 2.0 * fc / sampleRate
                                : std::sin (2.0 * std::numbers::pi * fc * t / sampleRate) / (std::numbers::pi * t);
        taps[k] = window * sinc;
        taps[2 * half - k] = taps[k];
    }
    double sum = 0.0;
    for (const auto tap : taps)
        sum += tap;
    for (auto& tap : taps)
        tap /= sum;
    return taps;
}

std::vector<double> lowBandOf (std::span<const double> signal, std::span<const double> kernel)
{
    return convolve<double> (signal, kernel, ConvolutionMode::same);
}

} // namespace partita
