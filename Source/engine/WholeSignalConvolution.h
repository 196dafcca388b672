// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConvolutionMode.h"

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

/** The method `automatic` picks for these lengths, from a cost estimate of a
    direct sum (N * M multiply-adds) against blocked FFT overlap-add. */
ConvolutionMethod chooseConvolutionMethod (std::size_t signalLength, std::size_t kernelLength) noexcept;

} // namespace partita
