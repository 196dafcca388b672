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
struct Operands
{
    const float* const* aReal;
    const float* const* aImag;
    const float* const* bReal;
    const float* const* bImag;
    std::size_t count;
    float* const* accReal;
    float* const* accImag;
    std::size_t numBins;
    /** The sums start at zero, not from what acc holds (SumStart::zero). */
    bool fromZero;
};

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
template <std::size_t Depth>
__attribute__ ((target ("fma"))) inline void multiplyAccumulateRemainderFma (const Operands& o, std::size_t first,
                                                                             std::size_t numBins) noexcept
{
    for (std::size_t bin = first; bin < numBins; ++bin)
    {
        float sumReal[Depth], sumImag[Depth];
        for (std::size_t d = 0; d < Depth; ++d)
        {
            sumReal[d] = o.fromZero ? 0.0f : o.accReal[d][bin];
            sumImag[d] = o.fromZero ? 0.0f : o.accImag[d][bin];
        }
        for (std::size_t j = 0; j < o.count; ++j)
        {
            const float ar = o.aReal[j][bin];
            const float ai = o.aImag[j][bin];
            for (std::size_t d = 0; d < Depth; ++d)
            {
                const float br = o.bReal[j + d][bin];
                const float bi = o.bImag[j + d][bin];
                sumReal[d] = __builtin_fmaf (-ai, bi, __builtin_fmaf (ar, br, sumReal[d]));
                sumImag[d] = __builtin_fmaf (ai, br, __builtin_fmaf (ar, bi, sumImag[d]));
            }
        }
        for (std::size_t d = 0; d < Depth; ++d)
        {
            o.accReal[d][bin] = sumReal[d];
            o.accImag[d][bin] = sumImag[d];
        }
    }
}

/** 32 bins a step, the accumulators in registers across the j loop; each
    input spectrum is loaded once for all Depth sums. */
template <std::size_t Depth>
__attribute__ ((target ("avx512f,fma"))) void multiplyAccumulateAvx512 (const Operands& o) noexcept
{
    constexpr std::size_t halves = 2;
    std::size_t first = 0;
    for (; first + 16 * halves <= o.numBins; first += 16 * halves)
    {
        __m512 sumReal[Depth][halves], sumImag[Depth][halves];
#pragma GCC unroll 4
        for (std::size_t d = 0; d < Depth; ++d)
        {
#pragma GCC unroll 2
            for (std::size_t h = 0; h < halves; ++h)
            {
                sumReal[d][h] = o.fromZero ? _mm512_setzero_ps() : _mm512_loadu_ps (o.accReal[d] + first + 16 * h);
                sumImag[d][h] = o.fromZero ? _mm512_setzero_ps() : _mm512_loadu_ps (o.accImag[d] + first + 16 * h);
            }
        }
        for (std::size_t j = 0; j < o.count; ++j)
        {
            __m512 ar[halves], ai[halves];
#pragma GCC unroll 2
            for (std::size_t h = 0; h < halves; ++h)
            {
                ar[h] = _mm512_loadu_ps (o.aReal[j] + first + 16 * h);
                ai[h] = _mm512_loadu_ps (o.aImag[j] + first + 16 * h);
            }
#pragma GCC unroll 4
            for (std::size_t d = 0; d < Depth; ++d)
            {
#pragma GCC unroll 2
                for (std::size_t h = 0; h < halves; ++h)
                {
                    const __m512 br = _mm512_loadu_ps (o.bReal[j + d] + first + 16 * h);
                    const __m512 bi = _mm512_loadu_ps (o.bImag[j + d] + first + 16 * h);
                    sumReal[d][h] = _mm512_fnmadd_ps (ai[h], bi, _mm512_fmadd_ps (ar[h], br, sumReal[d][h]));
                    sumImag[d][h] = _mm512_fmadd_ps (ai[h], br, _mm512_fmadd_ps (ar[h], bi, sumImag[d][h]));
                }
            }
        }
#pragma GCC unroll 4
        for (std::size_t d = 0; d < Depth; ++d)
        {
#pragma GCC unroll 2
            for (std::size_t h = 0; h < halves; ++h)
            {
                _mm512_storeu_ps (o.accReal[d] + first + 16 * h, sumReal[d][h]);
                _mm512_storeu_ps (o.accImag[d] + first + 16 * h, sumImag[d][h]);
            }
        }
    }
    multiplyAccumulateRemainderFma<Depth> (o, first, o.numBins);
}

/** The same with 8-float registers: 32 bins a step for one sum, fewer for
    more, so that the sums stay within the 16 registers. */
template <std::size_t Depth>
__attribute__ ((target ("avx2,fma"))) void multiplyAccumulateAvx2 (const Operands& o) noexcept
{
    constexpr std::size_t groups = 4 / Depth;
    std::size_t first = 0;
    for (; first + 8 * groups <= o.numBins; first += 8 * groups)
    {
        __m256 sumReal[Depth][groups], sumImag[Depth][groups];
#pragma GCC unroll 4
        for (std::size_t d = 0; d < Depth; ++d)
        {
#pragma GCC unroll 4
            for (std::size_t g = 0; g < groups; ++g)
            {
                sumReal[d][g] = o.fromZero ? _mm256_setzero_ps() : _mm256_loadu_ps (o.accReal[d] + first + 8 * g);
                sumImag[d][g] = o.fromZero ? _mm256_setzero_ps() : _mm256_loadu_ps (o.accImag[d] + first + 8 * g);
            }
        }
        for (std::size_t j = 0; j < o.count; ++j)
        {
#pragma GCC unroll 4
            for (std::size_t g = 0; g < groups; ++g)
            {
                const auto bin = first + 8 * g;
                const __m256 ar = _mm256_loadu_ps (o.aReal[j] + bin);
                const __m256 ai = _mm256_loadu_ps (o.aImag[j] + bin);
#pragma GCC unroll 4
                for (std::size_t d = 0; d < Depth; ++d)
                {
                    const __m256 br = _mm256_loadu_ps (o.bReal[j + d] + bin);
                    const __m256 bi = _mm256_loadu_ps (o.bImag[j + d] + bin);
                    sumReal[d][g] = _mm256_fnmadd_ps (ai, bi, _mm256_fmadd_ps (ar, br, sumReal[d][g]));
                    sumImag[d][g] = _mm256_fmadd_ps (ai, br, _mm256_fmadd_ps (ar, bi, sumImag[d][g]));
                }
            }
        }
#pragma GCC unroll 4
        for (std::size_t d = 0; d < Depth; ++d)
        {
#pragma GCC unroll 4
            for (std::size_t g = 0; g < groups; ++g)
            {
                _mm256_storeu_ps (o.accReal[d] + first + 8 * g, sumReal[d][g]);
                _mm256_storeu_ps (o.accImag[d] + first + 8 * g, sumImag[d][g]);
            }
        }
    }
    multiplyAccumulateRemainderFma<Depth> (o, first, o.numBins);
}
#endif

/** Without fused multiply-adds (older x86, other architectures): GCC's
    vector extension, 8 floats a vector (two SSE or NEON registers), the
    same sums with separate multiplies and adds. */
template <std::size_t Depth>
void multiplyAccumulatePortable (const Operands& o) noexcept
{
    std::size_t first = 0;
#if defined(__GNUC__)
    // Whole-vector accumulators, loaded and stored as vectors: element-wise
    // arrays made GCC store them back one float at a time.
    constexpr std::size_t lanes = 8;
    constexpr std::size_t groups = 4 / Depth;
    constexpr std::size_t step = lanes * groups;
    using Lanes = float __attribute__ ((vector_size (lanes * sizeof (float))));
    for (; first + step <= o.numBins; first += step)
    {
        Lanes sumReal[Depth][groups], sumImag[Depth][groups];
        for (std::size_t d = 0; d < Depth; ++d)
        {
            for (std::size_t g = 0; g < groups; ++g)
            {
                sumReal[d][g] = Lanes {};
                sumImag[d][g] = Lanes {};
                if (!o.fromZero)
                {
                    std::memcpy (&sumReal[d][g], o.accReal[d] + first + g * lanes, sizeof (Lanes));
                    std::memcpy (&sumImag[d][g], o.accImag[d] + first + g * lanes, sizeof (Lanes));
                }
            }
        }
        for (std::size_t j = 0; j < o.count; ++j)
        {
            for (std::size_t g = 0; g < groups; ++g)
            {
                const auto bin = first + g * lanes;
                Lanes ar, ai;
                std::memcpy (&ar, o.aReal[j] + bin, sizeof (Lanes));
                std::memcpy (&ai, o.aImag[j] + bin, sizeof (Lanes));
                for (std::size_t d = 0; d < Depth; ++d)
                {
                    Lanes br, bi;
                    std::memcpy (&br, o.bReal[j + d] + bin, sizeof (Lanes));
                    std::memcpy (&bi, o.bImag[j + d] + bin, sizeof (Lanes));
                    sumReal[d][g] += ar * br - ai * bi;
                    sumImag[d][g] += ar * bi + ai * br;
                }
            }
        }
        for (std::size_t d = 0; d < Depth; ++d)
        {
            for (std::size_t g = 0; g < groups; ++g)
            {
                std::memcpy (o.accReal[d] + first + g * lanes, &sumReal[d][g], sizeof (Lanes));
                std::memcpy (o.accImag[d] + first + g * lanes, &sumImag[d][g], sizeof (Lanes));
            }
        }
    }
#endif

    for (std::size_t bin = first; bin < o.numBins; ++bin)
    {
        for (std::size_t d = 0; d < Depth; ++d)
        {
            float sumReal = o.fromZero ? 0.0f : o.accReal[d][bin];
            float sumImag = o.fromZero ? 0.0f : o.accImag[d][bin];
            for (std::size_t j = 0; j < o.count; ++j)
            {
                const float ar = o.aReal[j][bin], ai = o.aImag[j][bin];
                const float br = o.bReal[j + d][bin], bi = o.bImag[j + d][bin];
                sumReal += ar * br - ai * bi;
                sumImag += ar * bi + ai * br;
            }
            o.accReal[d][bin] = sumReal;
            o.accImag[d][bin] = sumImag;
        }
    }
}

template <std::size_t Depth>
void multiplyAccumulateDispatch (const Operands& o) noexcept
{
#if defined(PARTITA_FMA_MULTIPLY_ACCUMULATE)
    // The CPU checks read variables the C runtime set at load: no lock, no call.
    if (__builtin_cpu_supports ("avx512f"))
        return multiplyAccumulateAvx512<Depth> (o);
    if (__builtin_cpu_supports ("avx2") && __builtin_cpu_supports ("fma"))
        return multiplyAccumulateAvx2<Depth> (o);
#endif
    multiplyAccumulatePortable<Depth> (o);
}
} // namespace

void multiplyAccumulateSums (const float* const* aReal, const float* const* aImag, const float* const* bReal,
                             const float* const* bImag, std::size_t count, std::size_t depth, float* const* accReal,
                             float* const* accImag, std::size_t numBins, SumStart start) noexcept
{
    const Operands operands { aReal, aImag, bReal, bImag, count, accReal, accImag, numBins, start == SumStart::zero };
    switch (depth)
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

void multiplyAccumulateSum (const float* const* aReal, const float* const* aImag, const float* const* bReal,
                            const float* const* bImag, std::size_t count, float* accReal, float* accImag,
                            std::size_t numBins) noexcept
{
    multiplyAccumulateSums (aReal, aImag, bReal, bImag, count, 1, &accReal, &accImag, numBins);
}

} // namespace partita::splitSpectrum
