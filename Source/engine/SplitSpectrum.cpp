// SPDX-License-Identifier: GPL-3.0-or-later
#include "SplitSpectrum.h"

#include "SimdDispatch.h"

#include <cstring>

namespace partita::splitSpectrum
{

// Clones for these too: every transform of every level passes through one of
// them, and the baseline build shuffles four floats at a time.
PARTITA_SIMD_CLONES
void deinterleave (const std::complex<float>* spectrum, float* real, float* imag, std::size_t numBins) noexcept
{
    for (std::size_t bin = 0; bin < numBins; ++bin)
    {
        real[bin] = spectrum[bin].real();
        imag[bin] = spectrum[bin].imag();
    }
}

PARTITA_SIMD_CLONES
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
    // Every bin computes the same sum in the same order, whichever loop it
    // falls in (and the engine builds with -ffp-contract=off), so the result
    // never depends on the clone, the vector width or where a caller split
    // the bins.
    std::size_t first = 0;
#if defined(__GNUC__)
    // 32 bins a step with the accumulators in registers across the j loop,
    // loaded and stored as whole vectors (element-wise arrays made GCC store
    // them back one float at a time, which cost as much as the products).
    // GCC's vector extension, with vectors as wide as the clone's registers:
    // on AVX2 a 16-float vector costs more than two 8-float ones (measured
    // 0.72 against 0.45 ns a bin), on AVX-512 the 16-float one is fastest
    // (0.33 ns; the element-wise loop took 0.64). The CPU check reads a
    // variable the C runtime set at load: cheap, no lock. The loop is spelled
    // out twice rather than in a template: an inlined helper's vector types
    // are not laid out for the clone's instruction set (GCC 12 gathered them
    // float by float and got the bins wrong).
    constexpr std::size_t step = 32;
    #if defined(__x86_64__) || defined(__i386__)
    const bool wideRegisters = __builtin_cpu_supports ("avx512f");
    #else
    const bool wideRegisters = false; // e.g. NEON: 128-bit registers
    #endif
    if (wideRegisters)
    {
        constexpr std::size_t lanes = 16;
        using Lanes = float __attribute__ ((vector_size (lanes * sizeof (float))));
        constexpr std::size_t groups = step / lanes;
        for (; first + step <= numBins; first += step)
        {
            Lanes sumReal[groups];
            Lanes sumImag[groups];
            for (std::size_t g = 0; g < groups; ++g)
            {
                std::memcpy (&sumReal[g], accReal + first + g * lanes, sizeof (Lanes));
                std::memcpy (&sumImag[g], accImag + first + g * lanes, sizeof (Lanes));
            }
            for (std::size_t j = 0; j < count; ++j)
            {
                for (std::size_t g = 0; g < groups; ++g)
                {
                    const auto bin = first + g * lanes;
                    Lanes ar, ai, br, bi;
                    std::memcpy (&ar, aReal[j] + bin, sizeof (Lanes));
                    std::memcpy (&ai, aImag[j] + bin, sizeof (Lanes));
                    std::memcpy (&br, bReal[j] + bin, sizeof (Lanes));
                    std::memcpy (&bi, bImag[j] + bin, sizeof (Lanes));
                    sumReal[g] += ar * br - ai * bi;
                    sumImag[g] += ar * bi + ai * br;
                }
            }
            for (std::size_t g = 0; g < groups; ++g)
            {
                std::memcpy (accReal + first + g * lanes, &sumReal[g], sizeof (Lanes));
                std::memcpy (accImag + first + g * lanes, &sumImag[g], sizeof (Lanes));
            }
        }
    }
    else
    {
        constexpr std::size_t lanes = 8;
        using Lanes = float __attribute__ ((vector_size (lanes * sizeof (float))));
        constexpr std::size_t groups = step / lanes;
        for (; first + step <= numBins; first += step)
        {
            Lanes sumReal[groups];
            Lanes sumImag[groups];
            for (std::size_t g = 0; g < groups; ++g)
            {
                std::memcpy (&sumReal[g], accReal + first + g * lanes, sizeof (Lanes));
                std::memcpy (&sumImag[g], accImag + first + g * lanes, sizeof (Lanes));
            }
            for (std::size_t j = 0; j < count; ++j)
            {
                for (std::size_t g = 0; g < groups; ++g)
                {
                    const auto bin = first + g * lanes;
                    Lanes ar, ai, br, bi;
                    std::memcpy (&ar, aReal[j] + bin, sizeof (Lanes));
                    std::memcpy (&ai, aImag[j] + bin, sizeof (Lanes));
                    std::memcpy (&br, bReal[j] + bin, sizeof (Lanes));
                    std::memcpy (&bi, bImag[j] + bin, sizeof (Lanes));
                    sumReal[g] += ar * br - ai * bi;
                    sumImag[g] += ar * bi + ai * br;
                }
            }
            for (std::size_t g = 0; g < groups; ++g)
            {
                std::memcpy (accReal + first + g * lanes, &sumReal[g], sizeof (Lanes));
                std::memcpy (accImag + first + g * lanes, &sumImag[g], sizeof (Lanes));
            }
        }
    }
#endif

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
