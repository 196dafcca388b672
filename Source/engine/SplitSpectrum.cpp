// SPDX-License-Identifier: GPL-3.0-or-later
#include "SplitSpectrum.h"

namespace partita::splitSpectrum
{

void deinterleave (const std::complex<float>* spectrum, float* real, float* imag, std::size_t numBins) noexcept
{
    for (std::size_t bin = 0; bin < numBins; ++bin)
    {
        real[bin] = spectrum[bin].real();
        imag[bin] = spectrum[bin].imag();
    }
}

void interleave (const float* real, const float* imag, std::complex<float>* spectrum, std::size_t numBins) noexcept
{
    for (std::size_t bin = 0; bin < numBins; ++bin)
        spectrum[bin] = { real[bin], imag[bin] };
}

void multiplyAccumulate (const float* __restrict aReal, const float* __restrict aImag,
                         const float* __restrict bReal, const float* __restrict bImag,
                         float* __restrict accReal, float* __restrict accImag, std::size_t numBins) noexcept
{
    for (std::size_t bin = 0; bin < numBins; ++bin)
    {
        accReal[bin] += aReal[bin] * bReal[bin] - aImag[bin] * bImag[bin];
        accImag[bin] += aReal[bin] * bImag[bin] + aImag[bin] * bReal[bin];
    }
}

} // namespace partita::splitSpectrum
