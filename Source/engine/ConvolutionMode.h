// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

namespace partita
{

/** Which part of the full linear convolution a whole-signal call returns.
    The conventions are scipy.signal.convolve's (and numpy.convolve's where the
    two agree):
    - full:  all N + M - 1 samples.
    - same:  as many samples as the signal (the first argument), centred on the
             full result: it starts at full index (M - 1) / 2, rounded down.
             numpy.convolve differs only when the kernel is longer than the
             signal, where it returns M samples instead of N.
    - valid: only the samples computed without zero padding, max(N, M) -
             min(N, M) + 1 of them; when the kernel is longer than the signal
             the roles swap, as in both numpy and scipy. */
enum class ConvolutionMode
{
    full,
    same,
    valid,
};

/** How a whole-signal call computes. `automatic` estimates the cost of both
    methods for the sizes at hand and takes the cheaper one. */
enum class ConvolutionMethod
{
    automatic,
    direct,
    fft,
};

/** Output length of a convolution of lengths signalLength and kernelLength in
    the given mode; both lengths must be at least 1. */
std::size_t convolutionOutputLength (std::size_t signalLength, std::size_t kernelLength, ConvolutionMode mode) noexcept;

/** Index into the full result at which the given mode's output starts. */
std::size_t convolutionOutputOffset (std::size_t signalLength, std::size_t kernelLength, ConvolutionMode mode) noexcept;

} // namespace partita
