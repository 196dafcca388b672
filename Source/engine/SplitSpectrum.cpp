// SPDX-License-Identifier: GPL-3.0-or-later
#include "SplitSpectrum.h"

#include "SimdDispatch.h"

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

PARTITA_SIMD_CLONES
void multiplyAccumulateSum (const float* const* aReal, const float* const* aImag, const float* const* bReal,
                            const float* const* bImag, std::size_t count, float* accReal, float* accImag,
                            std::size_t numBins) noexcept
{
    // 16 bins at a time: one AVX-512 register (two AVX2, four SSE) for the
    // real and one for the imaginary accumulator.
    constexpr std::size_t lanes = 16;
    std::size_t first = 0;
    for (; first + lanes <= numBins; first += lanes)
    {
        float sumReal[lanes];
        float sumImag[lanes];
        for (std::size_t lane = 0; lane < lanes; ++lane)
        {
            sumReal[lane] = accReal[first + lane];
            sumImag[lane] = accImag[first + lane];
        }
        for (std::size_t j = 0; j < count; ++j)
        {
            const float* __restrict ar = aReal[j] + first;
            const float* __restrict ai = aImag[j] + first;
            const float* __restrict br = bReal[j] + first;
            const float* __restrict bi = bImag[j] + first;
            for (std::size_t lane = 0; lane < lanes; ++lane)
            {
                sumReal[lane] += ar[lane] * br[lane] - ai[lane] * bi[lane];
                sumImag[lane] += ar[lane] * bi[lane] + ai[lane] * br[lane];
            }
        }
        for (std::size_t lane = 0; lane < lanes; ++lane)
        {
            accReal[first + lane] = sumReal[lane];
            accImag[first + lane] = sumImag[lane];
        }
    }

    for (std::size_t bin = first; bin < numBins; ++bin)
    {
        float sumReal = accReal[bin];
        float sumImag = accImag[bin];
        for (std::size_t j = 0; j < count; ++j)
        {
            sumReal += aReal[j][bin] * bReal[j][bin] - aImag[j][bin] * bImag[j][bin];
            sumImag += aReal[j][bin] * bImag[j][bin] + aImag[j][bin] * bReal[j][bin];
        }
        accReal[bin] = sumReal;
        accImag[bin] = sumImag;
    }
}

} // namespace partita::splitSpectrum
