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
    multiplies and four adds (docs/engine.md). Written with intrinsics in
    functions compiled for those instruction sets and chosen at run time;
    the engine's -ffp-contract=off keeps the compiler from fusing anything
    elsewhere. */

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define PARTITA_FMA_MULTIPLY_ACCUMULATE 1

/** The bins after the last whole vector step, one at a time with the same
    fused operations as the vector lanes. */
template <std::size_t SumsPerPass>
__attribute__ ((target ("fma"))) inline void multiplyAccumulateRemainderFma (const Operands& o, std::size_t first,
                                                                             std::size_t numBins) noexcept
{
    const bool fromZero = o.start == SumStart::zero;
    for (std::size_t bin = first; bin < numBins; ++bin)
    {
        float sumReal[SumsPerPass], sumImag[SumsPerPass];
        for (std::size_t d = 0; d < SumsPerPass; ++d)
        {
            sumReal[d] = fromZero ? 0.0f : o.sums.real[d][bin];
            sumImag[d] = fromZero ? 0.0f : o.sums.imag[d][bin];
        }
        for (std::size_t j = 0; j < o.count; ++j)
        {
            const float ar = o.input.real[j][bin];
            const float ai = o.input.imag[j][bin];
            for (std::size_t d = 0; d < SumsPerPass; ++d)
            {
                const float br = o.kernel.real[j + d][bin];
                const float bi = o.kernel.imag[j + d][bin];
                sumReal[d] = __builtin_fmaf (-ai, bi, __builtin_fmaf (ar, br, sumReal[d]));
                sumImag[d] = __builtin_fmaf (ai, br, __builtin_fmaf (ar, bi, sumImag[d]));
            }
        }
        for (std::size_t d = 0; d < SumsPerPass; ++d)
        {
            o.sums.real[d][bin] = sumReal[d];
            o.sums.imag[d][bin] = sumImag[d];
        }
    }
}

/** 32 bins a step, the accumulators in registers across the j loop; each
    input spectrum is loaded once for all SumsPerPass sums. */
template <std::size_t SumsPerPass>
__attribute__ ((target ("avx512f,fma"))) void multiplyAccumulateAvx512 (const Operands& o) noexcept
{
    const bool fromZero = o.start == SumStart::zero;
    constexpr std::size_t halves = 2;
    std::size_t first = 0;
    for (; first + 16 * halves <= o.numBins; first += 16 * halves)
    {
        __m512 sumReal[SumsPerPass][halves], sumImag[SumsPerPass][halves];
#pragma GCC unroll 4
        for (std::size_t d = 0; d < SumsPerPass; ++d)
        {
#pragma GCC unroll 2
            for (std::size_t h = 0; h < halves; ++h)
            {
                sumReal[d][h] = fromZero ? _mm512_setzero_ps() : _mm512_loadu_ps (o.sums.real[d] + first + 16 * h);
                sumImag[d][h] = fromZero ? _mm512_setzero_ps() : _mm512_loadu_ps (o.sums.imag[d] + first + 16 * h);
            }
        }
        for (std::size_t j = 0; j < o.count; ++j)
        {
            __m512 ar[halves], ai[halves];
#pragma GCC unroll 2
            for (std::size_t h = 0; h < halves; ++h)
            {
                ar[h] = _mm512_loadu_ps (o.input.real[j] + first + 16 * h);
                ai[h] = _mm512_loadu_ps (o.input.imag[j] + first + 16 * h);
            }
#pragma GCC unroll 4
            for (std::size_t d = 0; d < SumsPerPass; ++d)
            {
#pragma GCC unroll 2
                for (std::size_t h = 0; h < halves; ++h)
                {
                    const __m512 br = _mm512_loadu_ps (o.kernel.real[j + d] + first + 16 * h);
                    const __m512 bi = _mm512_loadu_ps (o.kernel.imag[j + d] + first + 16 * h);
                    sumReal[d][h] = _mm512_fnmadd_ps (ai[h], bi, _mm512_fmadd_ps (ar[h], br, sumReal[d][h]));
                    sumImag[d][h] = _mm512_fmadd_ps (ai[h], br, _mm512_fmadd_ps (ar[h], bi, sumImag[d][h]));
                }
            }
        }
#pragma GCC unroll 4
        for (std::size_t d = 0; d < SumsPerPass; ++d)
        {
#pragma GCC unroll 2
            for (std::size_t h = 0; h < halves; ++h)
            {
                _mm512_storeu_ps (o.sums.real[d] + first + 16 * h, sumReal[d][h]);
                _mm512_storeu_ps (o.sums.imag[d] + first + 16 * h, sumImag[d][h]);
            }
        }
    }
    multiplyAccumulateRemainderFma<SumsPerPass> (o, first, o.numBins);
}

/** The same with 8-float registers: 32 bins a step for one sum, fewer for
    more, so that the sums stay within the 16 registers. */
template <std::size_t SumsPerPass>
__attribute__ ((target ("avx2,fma"))) void multiplyAccumulateAvx2 (const Operands& o) noexcept
{
    const bool fromZero = o.start == SumStart::zero;
    constexpr std::size_t vectors = 4 / SumsPerPass;
    std::size_t first = 0;
    for (; first + 8 * vectors <= o.numBins; first += 8 * vectors)
    {
        __m256 sumReal[SumsPerPass][vectors], sumImag[SumsPerPass][vectors];
#pragma GCC unroll 4
        for (std::size_t d = 0; d < SumsPerPass; ++d)
        {
#pragma GCC unroll 4
            for (std::size_t v = 0; v < vectors; ++v)
            {
                sumReal[d][v] = fromZero ? _mm256_setzero_ps() : _mm256_loadu_ps (o.sums.real[d] + first + 8 * v);
                sumImag[d][v] = fromZero ? _mm256_setzero_ps() : _mm256_loadu_ps (o.sums.imag[d] + first + 8 * v);
            }
        }
        for (std::size_t j = 0; j < o.count; ++j)
        {
#pragma GCC unroll 4
            for (std::size_t v = 0; v < vectors; ++v)
            {
                const auto bin = first + 8 * v;
                const __m256 ar = _mm256_loadu_ps (o.input.real[j] + bin);
                const __m256 ai = _mm256_loadu_ps (o.input.imag[j] + bin);
#pragma GCC unroll 4
                for (std::size_t d = 0; d < SumsPerPass; ++d)
                {
                    const __m256 br = _mm256_loadu_ps (o.kernel.real[j + d] + bin);
                    const __m256 bi = _mm256_loadu_ps (o.kernel.imag[j + d] + bin);
                    sumReal[d][v] = _mm256_fnmadd_ps (ai, bi, _mm256_fmadd_ps (ar, br, sumReal[d][v]));
                    sumImag[d][v] = _mm256_fmadd_ps (ai, br, _mm256_fmadd_ps (ar, bi, sumImag[d][v]));
                }
            }
        }
#pragma GCC unroll 4
        for (std::size_t d = 0; d < SumsPerPass; ++d)
        {
#pragma GCC unroll 4
            for (std::size_t v = 0; v < vectors; ++v)
            {
                _mm256_storeu_ps (o.sums.real[d] + first + 8 * v, sumReal[d][v]);
                _mm256_storeu_ps (o.sums.imag[d] + first + 8 * v, sumImag[d][v]);
            }
        }
    }
    multiplyAccumulateRemainderFma<SumsPerPass> (o, first, o.numBins);
}
#endif

/** The portable version's bins after the last whole vector step, with the
    same separate multiplies and adds as its vector lanes. */
template <std::size_t SumsPerPass>
void multiplyAccumulateRemainderPortable (const Operands& o, std::size_t first) noexcept
{
    const bool fromZero = o.start == SumStart::zero;
    for (std::size_t bin = first; bin < o.numBins; ++bin)
    {
        for (std::size_t d = 0; d < SumsPerPass; ++d)
        {
            float sumReal = fromZero ? 0.0f : o.sums.real[d][bin];
            float sumImag = fromZero ? 0.0f : o.sums.imag[d][bin];
            for (std::size_t j = 0; j < o.count; ++j)
            {
                const float ar = o.input.real[j][bin], ai = o.input.imag[j][bin];
                const float br = o.kernel.real[j + d][bin], bi = o.kernel.imag[j + d][bin];
                sumReal += ar * br - ai * bi;
                sumImag += ar * bi + ai * br;
            }
            o.sums.real[d][bin] = sumReal;
            o.sums.imag[d][bin] = sumImag;
        }
    }
}

/** Without fused multiply-adds (older x86, other architectures): GCC's
    vector extension, 8 floats a vector (two SSE or NEON registers), the
    same sums with separate multiplies and adds. */
template <std::size_t SumsPerPass>
void multiplyAccumulatePortable (const Operands& o) noexcept
{
    std::size_t first = 0;
#if defined(__GNUC__)
    const bool fromZero = o.start == SumStart::zero;
    // Whole-vector accumulators, loaded and stored as vectors: element-wise
    // arrays made GCC store them back one float at a time.
    constexpr std::size_t lanes = 8;
    constexpr std::size_t vectors = 4 / SumsPerPass;
    constexpr std::size_t step = lanes * vectors;
    using Lanes = float __attribute__ ((vector_size (lanes * sizeof (float))));
    for (; first + step <= o.numBins; first += step)
    {
        Lanes sumReal[SumsPerPass][vectors], sumImag[SumsPerPass][vectors];
        for (std::size_t d = 0; d < SumsPerPass; ++d)
        {
            for (std::size_t v = 0; v < vectors; ++v)
            {
                sumReal[d][v] = Lanes {};
                sumImag[d][v] = Lanes {};
                if (!fromZero)
                {
                    std::memcpy (&sumReal[d][v], o.sums.real[d] + first + v * lanes, sizeof (Lanes));
                    std::memcpy (&sumImag[d][v], o.sums.imag[d] + first + v * lanes, sizeof (Lanes));
                }
            }
        }
        for (std::size_t j = 0; j < o.count; ++j)
        {
            for (std::size_t v = 0; v < vectors; ++v)
            {
                const auto bin = first + v * lanes;
                Lanes ar, ai;
                std::memcpy (&ar, o.input.real[j] + bin, sizeof (Lanes));
                std::memcpy (&ai, o.input.imag[j] + bin, sizeof (Lanes));
                for (std::size_t d = 0; d < SumsPerPass; ++d)
                {
                    Lanes br, bi;
                    std::memcpy (&br, o.kernel.real[j + d] + bin, sizeof (Lanes));
                    std::memcpy (&bi, o.kernel.imag[j + d] + bin, sizeof (Lanes));
                    sumReal[d][v] += ar * br - ai * bi;
                    sumImag[d][v] += ar * bi + ai * br;
                }
            }
        }
        for (std::size_t d = 0; d < SumsPerPass; ++d)
        {
            for (std::size_t v = 0; v < vectors; ++v)
            {
                std::memcpy (o.sums.real[d] + first + v * lanes, &sumReal[d][v], sizeof (Lanes));
                std::memcpy (o.sums.imag[d] + first + v * lanes, &sumImag[d][v], sizeof (Lanes));
            }
        }
    }
#endif

    multiplyAccumulateRemainderPortable<SumsPerPass> (o, first);
}

template <std::size_t SumsPerPass>
void multiplyAccumulateDispatch (const Operands& o) noexcept
{
#if defined(PARTITA_FMA_MULTIPLY_ACCUMULATE)
    // The CPU checks read variables the C runtime set at load: no lock, no call.
    if (__builtin_cpu_supports ("avx512f"))
        return multiplyAccumulateAvx512<SumsPerPass> (o);
    if (__builtin_cpu_supports ("avx2") && __builtin_cpu_supports ("fma"))
        return multiplyAccumulateAvx2<SumsPerPass> (o);
#endif
    multiplyAccumulatePortable<SumsPerPass> (o);
}
} // namespace

void multiplyAccumulate (const Operands& operands) noexcept
{
    switch (operands.sumsPerPass)
    {
        case 1:
            return multiplyAccumulateDispatch<1> (operands);
        case 2:
            return multiplyAccumulateDispatch<2> (operands);
        case 3:
            return multiplyAccumulateDispatch<3> (operands);
        default:
            return multiplyAccumulateDispatch<4> (operands);
    }
}

} // namespace partita::splitSpectrum
