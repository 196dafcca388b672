// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <complex>
#include <cstddef>

namespace partita::splitSpectrum
{

/** Spectra the engine keeps for a long time (kernel partitions, the delay line
    of input spectra) are stored "split": real parts in one array, imaginary
    parts in another. The multiply-accumulate over them, the engine's innermost
    loop, then compiles to straight SIMD without shuffles, and without the
    NaN-rescue library call that std::complex multiplication carries. */

void deinterleave (const std::complex<float>* spectrum, float* real, float* imag, std::size_t numBins) noexcept;

void interleave (const float* real, const float* imag, std::complex<float>* spectrum, std::size_t numBins) noexcept;

/** acc += a * b, bin by bin, in complex arithmetic. */
void multiplyAccumulate (const float* aReal, const float* aImag, const float* bReal, const float* bImag,
                         float* accReal, float* accImag, std::size_t numBins) noexcept;

} // namespace partita::splitSpectrum
