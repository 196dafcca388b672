// SPDX-License-Identifier: GPL-3.0-or-later
#include "SplitSpectrum.h"

#include <cstring>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#endif

namespace partita::splitSpectrum
{

namespace
{
/*  The multiply-accumulate, three ways. In each, every bin computes the
    same operations in the same order whatever the call's bin range or
    partition count, one j after another, vector lanes and scalar remainder
    alike. So the result never depends on where a caller split the bins or
    the partitions, and the engine's output is the same for any cut of the
    host's blocks. Which of the three runs depends on the CPU only, so it is
    fixed for a machine.

    With fused multiply-adds (x86-64 with AVX-512 or AVX2 and FMA), each
    product is added in one rounding: four FMAs a bin instead of four
    multiplies and four adds, which made the in-cache loop a third faster
    (0.30 -> 0.19 ns a bin on the 2-core Xeon). Written with intrinsics in
    functions compiled for those instruction sets and chosen at run time;
    the engine's -ffp-contract=off keeps the compiler from fusing anything
    elsewhere. */

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define PARTITA_FMA_MULTIPLY_ACCUMULATE 1

/** The bins after the last whole vector step, one at a time with the same
    fused operations as the vector lanes. */
__attribute__ ((target ("fma"))) inline void multiplyAccumulateRemainderFma (
    const float* const* aReal, const float* const* aImag, const float* const* bReal, const float* const* bImag,
    std::size_t count, float* accReal, float* accImag, std::size_t first, std::size_t numBins) noexcept
{
    for (std::size_t bin = first; bin < numBins; ++bin)
    {
        float sumReal = accReal[bin];
        float sumImag = accImag[bin];
        for (std::size_t j = 0; j < count; ++j)
        {
            sumReal =
                __builtin_fmaf (-aImag[j][bin], bImag[j][bin], __builtin_fmaf (aReal[j][bin], bReal[j][bin], sumReal));
            sumImag =
                __builtin_fmaf (aImag[j][bin], bReal[j][bin], __builtin_fmaf (aReal[j][bin], bImag[j][bin], sumImag));
        }
        accReal[bin] = sumReal;
        accImag[bin] = sumImag;
    }
}

/** 32 bins a step, the accumulators in registers across the j loop. */
__attribute__ ((target ("avx512f,fma"))) void multiplyAccumulateAvx512 (
    const float* const* aReal, const float* const* aImag, const float* const* bReal, const float* const* bImag,
    std::size_t count, float* accReal, float* accImag, std::size_t numBins) noexcept
{
    std::size_t first = 0;
    for (; first + 32 <= numBins; first += 32)
    {
        __m512 sumReal0 = _mm512_loadu_ps (accReal + first);
        __m512 sumReal1 = _mm512_loadu_ps (accReal + first + 16);
        __m512 sumImag0 = _mm512_loadu_ps (accImag + first);
        __m512 sumImag1 = _mm512_loadu_ps (accImag + first + 16);
        for (std::size_t j = 0; j < count; ++j)
        {
            const __m512 ar0 = _mm512_loadu_ps (aReal[j] + first);
            const __m512 ar1 = _mm512_loadu_ps (aReal[j] + first + 16);
            const __m512 ai0 = _mm512_loadu_ps (aImag[j] + first);
            const __m512 ai1 = _mm512_loadu_ps (aImag[j] + first + 16);
            const __m512 br0 = _mm512_loadu_ps (bReal[j] + first);
            const __m512 br1 = _mm512_loadu_ps (bReal[j] + first + 16);
            const __m512 bi0 = _mm512_loadu_ps (bImag[j] + first);
            const __m512 bi1 = _mm512_loadu_ps (bImag[j] + first + 16);
            sumReal0 = _mm512_fnmadd_ps (ai0, bi0, _mm512_fmadd_ps (ar0, br0, sumReal0));
            sumReal1 = _mm512_fnmadd_ps (ai1, bi1, _mm512_fmadd_ps (ar1, br1, sumReal1));
            sumImag0 = _mm512_fmadd_ps (ai0, br0, _mm512_fmadd_ps (ar0, bi0, sumImag0));
            sumImag1 = _mm512_fmadd_ps (ai1, br1, _mm512_fmadd_ps (ar1, bi1, sumImag1));
        }
        _mm512_storeu_ps (accReal + first, sumReal0);
        _mm512_storeu_ps (accReal + first + 16, sumReal1);
        _mm512_storeu_ps (accImag + first, sumImag0);
        _mm512_storeu_ps (accImag + first + 16, sumImag1);
    }
    multiplyAccumulateRemainderFma (aReal, aImag, bReal, bImag, count, accReal, accImag, first, numBins);
}

/** The same with 8-float registers, four of them per 32 bins. */
__attribute__ ((target ("avx2,fma"))) void multiplyAccumulateAvx2 (const float* const* aReal, const float* const* aImag,
                                                                   const float* const* bReal, const float* const* bImag,
                                                                   std::size_t count, float* accReal, float* accImag,
                                                                   std::size_t numBins) noexcept
{
    constexpr std::size_t groups = 4;
    std::size_t first = 0;
    for (; first + 8 * groups <= numBins; first += 8 * groups)
    {
        __m256 sumReal[groups];
        __m256 sumImag[groups];
        for (std::size_t g = 0; g < groups; ++g)
        {
            sumReal[g] = _mm256_loadu_ps (accReal + first + 8 * g);
            sumImag[g] = _mm256_loadu_ps (accImag + first + 8 * g);
        }
        for (std::size_t j = 0; j < count; ++j)
        {
            for (std::size_t g = 0; g < groups; ++g)
            {
                const auto bin = first + 8 * g;
                const __m256 ar = _mm256_loadu_ps (aReal[j] + bin);
                const __m256 ai = _mm256_loadu_ps (aImag[j] + bin);
                const __m256 br = _mm256_loadu_ps (bReal[j] + bin);
                const __m256 bi = _mm256_loadu_ps (bImag[j] + bin);
                sumReal[g] = _mm256_fnmadd_ps (ai, bi, _mm256_fmadd_ps (ar, br, sumReal[g]));
                sumImag[g] = _mm256_fmadd_ps (ai, br, _mm256_fmadd_ps (ar, bi, sumImag[g]));
            }
        }
        for (std::size_t g = 0; g < groups; ++g)
        {
            _mm256_storeu_ps (accReal + first + 8 * g, sumReal[g]);
            _mm256_storeu_ps (accImag + first + 8 * g, sumImag[g]);
        }
    }
    multiplyAccumulateRemainderFma (aReal, aImag, bReal, bImag, count, accReal, accImag, first, numBins);
}
#endif

/** Without fused multiply-adds (older x86, other architectures): GCC's
    vector extension, 8 floats a vector (two SSE or NEON registers), the
    same sums with separate multiplies and adds. */
void multiplyAccumulatePortable (const float* const* aReal, const float* const* aImag, const float* const* bReal,
                                 const float* const* bImag, std::size_t count, float* accReal, float* accImag,
                                 std::size_t numBins) noexcept
{
    std::size_t first = 0;
#if defined(__GNUC__)
    // Whole-vector accumulators, loaded and stored as vectors: element-wise
    // arrays made GCC store them back one float at a time.
    constexpr std::size_t step = 32;
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
} // namespace

void multiplyAccumulateSum (const float* const* aReal, const float* const* aImag, const float* const* bReal,
                            const float* const* bImag, std::size_t count, float* accReal, float* accImag,
                            std::size_t numBins) noexcept
{
#if defined(PARTITA_FMA_MULTIPLY_ACCUMULATE)
    // The CPU checks read variables the C runtime set at load: no lock, no call.
    if (__builtin_cpu_supports ("avx512f"))
        return multiplyAccumulateAvx512 (aReal, aImag, bReal, bImag, count, accReal, accImag, numBins);
    if (__builtin_cpu_supports ("avx2") && __builtin_cpu_supports ("fma"))
        return multiplyAccumulateAvx2 (aReal, aImag, bReal, bImag, count, accReal, accImag, numBins);
#endif
    multiplyAccumulatePortable (aReal, aImag, bReal, bImag, count, accReal, accImag, numBins);
}

} // namespace partita::splitSpectrum
