// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConvolutionMode.h"

#include <cstddef>
#include <functional>
#include <span>
#include <vector>

namespace partita
{

/** Called with the fraction of work done, from 0 to 1, on the calling thread. */
using ProgressCallback = std::function<void (double fractionDone)>;

/** Linear convolution of two whole signals: y[n] = sum_k signal[k] kernel[n - k].
    Works in float or double (explicitly instantiated for both). Throws
    std::invalid_argument when either input is empty, as numpy does.

    Threading: a pure function; safe to call from several threads at once (FFT
    planning is serialised internally). */
template <typename Sample>
std::vector<Sample> convolve (std::span<const Sample> signal,
                              std::span<const Sample> kernel,
                              ConvolutionMode mode = ConvolutionMode::full,
                              ConvolutionMethod method = ConvolutionMethod::automatic,
                              const ProgressCallback& progress = {});

/** Cross-correlation: like convolve, but the kernel is not flipped,
    c[n] = sum_k signal[k + n - (M - 1)] kernel[k]; identical to convolving with
    the reversed kernel (scipy.signal.correlate's convention for real input).
    This is what CNN layers call "convolution". */
template <typename Sample>
std::vector<Sample> correlate (std::span<const Sample> signal,
                               std::span<const Sample> kernel,
                               ConvolutionMode mode = ConvolutionMode::full,
                               ConvolutionMethod method = ConvolutionMethod::automatic);

/** The lag of sample `index` of what correlate() returns in `mode`: the shift L
    for which that sample is sum_k signal[k + L] kernel[k], numbered as
    scipy.signal.correlation_lags numbers the full result. A positive lag means
    the signal is later than the kernel: the peak of the correlation of a copy
    of x delayed by D samples (the signal) with x (the kernel) lies at lag +D.
    Full: index - (M - 1); same: index + (M - 1) / 2 - (M - 1), the division
    rounded down; valid: index when N >= M, else index - (M - N). N and M are
    the lengths of the signal and the kernel, both at least 1. */
std::ptrdiff_t correlationLag (std::size_t signalLength, std::size_t kernelLength, ConvolutionMode mode,
                               std::size_t index) noexcept;

/** The method `automatic` picks for these lengths, from a cost estimate of a
    direct sum (N * M multiply-adds) against blocked FFT overlap-add. */
ConvolutionMethod chooseConvolutionMethod (std::size_t signalLength, std::size_t kernelLength) noexcept;

} // namespace partita
