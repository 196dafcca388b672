// SPDX-License-Identifier: GPL-3.0-or-later
#include "SplitRealFft.h"

#include <fftw3.h>

#include <algorithm>
#include <cmath>
#include <new>
#include <numbers>
#include <stdexcept>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define PARTITA_SPLIT_FFT_X86 1
#endif

namespace partita
{
namespace
{
/*  The real transform X of N = 2M samples x from the complex transform Z of
    the M points z[n] = x[2n] + i x[2n+1]. With W = exp(-2 pi i / N), and
    for each pair of bins k and M - k (0 < k < M - k):

        E = (Z[k] + conj Z[M-k]) / 2          the even samples' transform
        O = (Z[k] - conj Z[M-k]) / (2i)       the odd samples' transform
        T = W^k O
        X[k] = E + T,   X[M-k] = conj (E - T)

    and X[0], X[M] = Re Z[0] +- Im Z[0]. The inverse runs the same steps
    backwards; it doubles everything, so that the unscaled complex inverse
    of M points returns N times the signal, as FFTW's real inverse does:

        F = X[k] + conj X[M-k],   G = X[k] - conj X[M-k],   H = conj(W)^k G
        Z[k] = F + i H,           Z[M-k] = conj F + i conj H

    The vector path (AVX2, chosen once per object) works on 8 pairs at a
    time, reading and writing the bins from k upwards and from M - k
    downwards, and computes every pair with the same operations in the
    same order as the scalar loop
    (no fused multiply-add: the engine builds with -ffp-contract=off), so
    which path ran never changes a bit. */

struct Twiddles
{
    const float* cosines; // cos (2 pi k / N)
    const float* sines;   // sin (2 pi k / N)
};

void separatePairScalar (const float* z, Twiddles w, float* re, float* im, std::size_t halfSize, std::size_t k) noexcept
{
    const auto j = halfSize - k;
    const float ar = z[2 * k], ai = z[2 * k + 1], br = z[2 * j], bi = z[2 * j + 1];
    const float er = 0.5f * (ar + br), ei = 0.5f * (ai - bi);
    const float oddReal = 0.5f * (ai + bi), oddImag = 0.5f * (br - ar);
    const float c = w.cosines[k], s = w.sines[k];
    const float tr = c * oddReal + s * oddImag, ti = c * oddImag - s * oddReal;
    re[k] = er + tr;
    im[k] = ei + ti;
    re[j] = er - tr;
    im[j] = ti - ei;
}

void combinePairScalar (const float* re, const float* im, Twiddles w, float* z, std::size_t halfSize,
                        std::size_t k) noexcept
{
    const auto j = halfSize - k;
    const float ar = re[k], ai = im[k], br = re[j], bi = im[j];
    const float fr = ar + br, fi = ai - bi, gr = ar - br, gi = ai + bi;
    const float c = w.cosines[k], s = w.sines[k];
    const float hr = c * gr - s * gi, hi = c * gi + s * gr;
    z[2 * k] = fr - hi;
    z[2 * k + 1] = fi + hr;
    z[2 * j] = fr + hi;
    z[2 * j + 1] = hr - fi;
}

#if defined(PARTITA_SPLIT_FFT_X86)
/** Eight complex values at `from` as eight real parts and eight imaginary
    parts, in memory order or reversed. */
__attribute__ ((target ("avx2"))) inline void deinterleave8 (const float* from, bool reverse, __m256& real,
                                                             __m256& imag) noexcept
{
    const __m256i order =
        reverse ? _mm256_setr_epi32 (6, 4, 2, 0, 7, 5, 3, 1) : _mm256_setr_epi32 (0, 2, 4, 6, 1, 3, 5, 7);
    // Each register becomes four real parts, then four imaginary parts.
    const __m256 first = _mm256_permutevar8x32_ps (_mm256_loadu_ps (from), order);
    const __m256 second = _mm256_permutevar8x32_ps (_mm256_loadu_ps (from + 8), order);
    const __m256 lower = reverse ? second : first, upper = reverse ? first : second;
    real = _mm256_permute2f128_ps (lower, upper, 0x20);
    imag = _mm256_permute2f128_ps (lower, upper, 0x31);
}

/** The inverse of deinterleave8. */
__attribute__ ((target ("avx2"))) inline void interleave8 (__m256 real, __m256 imag, bool reverse, float* to) noexcept
{
    const __m256i order =
        reverse ? _mm256_setr_epi32 (3, 7, 2, 6, 1, 5, 0, 4) : _mm256_setr_epi32 (0, 4, 1, 5, 2, 6, 3, 7);
    const __m256 lanes0to3 = _mm256_permutevar8x32_ps (_mm256_permute2f128_ps (real, imag, 0x20), order);
    const __m256 lanes4to7 = _mm256_permutevar8x32_ps (_mm256_permute2f128_ps (real, imag, 0x31), order);
    _mm256_storeu_ps (to, reverse ? lanes4to7 : lanes0to3);
    _mm256_storeu_ps (to + 8, reverse ? lanes0to3 : lanes4to7);
}

__attribute__ ((target ("avx2"))) inline __m256 reverse8 (__m256 values) noexcept
{
    return _mm256_permutevar8x32_ps (values, _mm256_setr_epi32 (7, 6, 5, 4, 3, 2, 1, 0));
}

__attribute__ ((target ("avx2"))) std::size_t separatePairsAvx2 (const float* z, Twiddles w, float* re, float* im,
                                                                 std::size_t halfSize, std::size_t first,
                                                                 std::size_t end) noexcept
{
    const __m256 half = _mm256_set1_ps (0.5f);
    std::size_t k = first;
    for (; k + 8 <= end; k += 8)
    {
        const auto low = halfSize - k - 7;
        __m256 ar, ai, br, bi;
        deinterleave8 (z + 2 * k, false, ar, ai);
        deinterleave8 (z + 2 * low, true, br, bi);
        const __m256 er = _mm256_mul_ps (half, _mm256_add_ps (ar, br));
        const __m256 ei = _mm256_mul_ps (half, _mm256_sub_ps (ai, bi));
        const __m256 oddReal = _mm256_mul_ps (half, _mm256_add_ps (ai, bi));
        const __m256 oddImag = _mm256_mul_ps (half, _mm256_sub_ps (br, ar));
        const __m256 c = _mm256_loadu_ps (w.cosines + k), s = _mm256_loadu_ps (w.sines + k);
        const __m256 tr = _mm256_add_ps (_mm256_mul_ps (c, oddReal), _mm256_mul_ps (s, oddImag));
        const __m256 ti = _mm256_sub_ps (_mm256_mul_ps (c, oddImag), _mm256_mul_ps (s, oddReal));
        _mm256_storeu_ps (re + k, _mm256_add_ps (er, tr));
        _mm256_storeu_ps (im + k, _mm256_add_ps (ei, ti));
        _mm256_storeu_ps (re + low, reverse8 (_mm256_sub_ps (er, tr)));
        _mm256_storeu_ps (im + low, reverse8 (_mm256_sub_ps (ti, ei)));
    }
    return k;
}

__attribute__ ((target ("avx2"))) std::size_t combinePairsAvx2 (const float* re, const float* im, Twiddles w, float* z,
                                                                std::size_t halfSize, std::size_t first,
                                                                std::size_t end) noexcept
{
    std::size_t k = first;
    for (; k + 8 <= end; k += 8)
    {
        const auto low = halfSize - k - 7;
        const __m256 ar = _mm256_loadu_ps (re + k), ai = _mm256_loadu_ps (im + k);
        const __m256 br = reverse8 (_mm256_loadu_ps (re + low)), bi = reverse8 (_mm256_loadu_ps (im + low));
        const __m256 fr = _mm256_add_ps (ar, br), fi = _mm256_sub_ps (ai, bi);
        const __m256 gr = _mm256_sub_ps (ar, br), gi = _mm256_add_ps (ai, bi);
        const __m256 c = _mm256_loadu_ps (w.cosines + k), s = _mm256_loadu_ps (w.sines + k);
        const __m256 hr = _mm256_sub_ps (_mm256_mul_ps (c, gr), _mm256_mul_ps (s, gi));
        const __m256 hi = _mm256_add_ps (_mm256_mul_ps (c, gi), _mm256_mul_ps (s, gr));
        interleave8 (_mm256_sub_ps (fr, hi), _mm256_add_ps (fi, hr), false, z + 2 * k);
        interleave8 (_mm256_add_ps (fr, hi), _mm256_sub_ps (hr, fi), true, z + 2 * low);
    }
    return k;
}
#endif

using Instructions = SplitRealFft::Instructions;

/** What `wanted` resolves to on this CPU: never best, never one it lacks. */
Instructions available (Instructions wanted) noexcept
{
#if defined(PARTITA_SPLIT_FFT_X86)
    if (wanted != Instructions::portable && __builtin_cpu_supports ("avx2"))
        return Instructions::avx2;
#else
    (void)wanted;
#endif
    return Instructions::portable;
}

/** Bins 0 to M from the complex transform z of M points. */
void separate (const float* z, Twiddles w, float* re, float* im, std::size_t halfSize,
               Instructions instructions) noexcept
{
    re[0] = z[0] + z[1];
    im[0] = 0.0f;
    re[halfSize] = z[0] - z[1];
    im[halfSize] = 0.0f;
    // The pairs 0 < k < M - k; with M even, bin M/2 pairs with itself.
    const auto end = (halfSize + 1) / 2;
    std::size_t k = 1;
#if defined(PARTITA_SPLIT_FFT_X86)
    if (instructions == Instructions::avx2)
        k = separatePairsAvx2 (z, w, re, im, halfSize, k, end);
#else
    (void)instructions;
#endif
    for (; k < end; ++k)
        separatePairScalar (z, w, re, im, halfSize, k);
    if (halfSize % 2 == 0)
    {
        const auto middle = halfSize / 2;
        re[middle] = z[2 * middle];
        im[middle] = -z[2 * middle + 1];
    }
}

/** The complex spectrum z of M points (doubled) from bins 0 to M. */
void combine (const float* re, const float* im, Twiddles w, float* z, std::size_t halfSize,
              Instructions instructions) noexcept
{
    z[0] = re[0] + re[halfSize];
    z[1] = re[0] - re[halfSize];
    const auto end = (halfSize + 1) / 2;
    std::size_t k = 1;
#if defined(PARTITA_SPLIT_FFT_X86)
    if (instructions == Instructions::avx2)
        k = combinePairsAvx2 (re, im, w, z, halfSize, k, end);
#else
    (void)instructions;
#endif
    for (; k < end; ++k)
        combinePairScalar (re, im, w, z, halfSize, k);
    if (halfSize % 2 == 0)
    {
        const auto middle = halfSize / 2;
        z[2 * middle] = 2.0f * re[middle];
        z[2 * middle + 1] = -2.0f * im[middle];
    }
}

float* allocateFloats (std::size_t count)
{
    auto* memory = static_cast<float*> (fftwf_malloc (std::max<std::size_t> (count, 1) * sizeof (float)));
    if (memory == nullptr)
        throw std::bad_alloc();
    return memory;
}
} // namespace

class SplitRealFft::Plans
{
public:
    Plans (std::size_t transformSize, FftPlanning planning, Instructions wanted)
        : size (transformSize)
        , halfSize (transformSize / 2)
        , instructions (available (wanted))
    {
        if (size < 2 || size % 2 != 0 || size > (std::size_t { 1 } << 30))
            throw std::invalid_argument ("SplitRealFft: the size must be even, from 2 to 2^30");

        try
        {
            time = allocateFloats (size);
            complex = allocateFloats (size);
            cosines = allocateFloats (halfSize);
            sines = allocateFloats (halfSize);
        }
        catch (...)
        {
            releaseBuffers();
            throw;
        }
        fillTwiddles();

        auto* timeAsComplex = reinterpret_cast<fftwf_complex*> (time);
        auto* spectrum = reinterpret_cast<fftwf_complex*> (complex);
        const auto n = static_cast<int> (halfSize);
        fftwPlanner::makePlans (
            planning, true,
            [&] (unsigned flags) { return fftwf_plan_dft_1d (n, timeAsComplex, spectrum, FFTW_FORWARD, flags); },
            [&] (unsigned flags) { return fftwf_plan_dft_1d (n, spectrum, timeAsComplex, FFTW_BACKWARD, flags); },
            forwardPlan, inversePlan);

        if (forwardPlan == nullptr || inversePlan == nullptr)
        {
            destroyPlans();
            releaseBuffers();
            throw std::runtime_error ("SplitRealFft: FFTW could not make a plan");
        }

        // FFTW_MEASURE scribbles on the buffers while it times candidates.
        std::fill_n (time, size, 0.0f);
        std::fill_n (complex, size, 0.0f);
    }

    ~Plans()
    {
        destroyPlans();
        releaseBuffers();
    }

    Plans (const Plans&) = delete;
    Plans& operator= (const Plans&) = delete;

    /** cos and sin of 2 pi k / N for k below N/2, each computed in double
        and rounded once. Where N is a multiple of 8, only the first eighth
        of a turn is computed and the rest follows by symmetry (cos x =
        sin (pi/2 - x), and a quarter turn on swaps them with a sign): a
        large transform's table is made four times faster (docs/engine.md),
        and the quarter turn comes out exactly 0 and 1, where a rounded
        cosine of pi/2 would leave 6e-17. */
    void fillTwiddles() noexcept
    {
        const auto angle = [this] (std::size_t k)
        { return 2.0 * std::numbers::pi * static_cast<double> (k) / static_cast<double> (size); };
        const bool symmetric = size % 8 == 0;
        const auto quarter = size / 4;
        const auto eighth = size / 8;
        for (std::size_t k = 0; k < (symmetric ? eighth + 1 : halfSize); ++k)
        {
            cosines[k] = static_cast<float> (std::cos (angle (k)));
            sines[k] = static_cast<float> (std::sin (angle (k)));
            if (4 * k == size)
            {
                cosines[k] = 0.0f;
                sines[k] = 1.0f;
            }
        }
        if (!symmetric)
            return;

        for (std::size_t k = eighth + 1; k < quarter; ++k)
        {
            cosines[k] = sines[quarter - k];
            sines[k] = cosines[quarter - k];
        }
        for (std::size_t k = quarter; k < halfSize; ++k)
        {
            // 0 - s rather than -s: the quarter turn's cosine is +0, as computed.
            cosines[k] = 0.0f - sines[k - quarter];
            sines[k] = cosines[k - quarter];
        }
    }

    void destroyPlans() { fftwPlanner::destroyPlans (forwardPlan, inversePlan, fftwf_destroy_plan); }

    void releaseBuffers() noexcept
    {
        for (float** buffer : { &time, &complex, &cosines, &sines })
        {
            fftwf_free (*buffer);
            *buffer = nullptr;
        }
    }

    [[nodiscard]] Twiddles twiddles() const noexcept { return { cosines, sines }; }

    std::size_t size;
    std::size_t halfSize;
    Instructions instructions;
    float* time = nullptr;
    float* complex = nullptr; // the M-point complex spectrum, interleaved
    float* cosines = nullptr;
    float* sines = nullptr;
    fftwf_plan forwardPlan = nullptr;
    fftwf_plan inversePlan = nullptr;
};

SplitRealFft::SplitRealFft (std::size_t size, FftPlanning planning, Instructions instructions)
    : plans (std::make_unique<Plans> (size, planning, instructions))
{
}

SplitRealFft::~SplitRealFft() = default;
SplitRealFft::SplitRealFft (SplitRealFft&&) noexcept = default;
SplitRealFft& SplitRealFft::operator= (SplitRealFft&&) noexcept = default;

std::size_t SplitRealFft::size() const noexcept
{
    return plans->size;
}

std::size_t SplitRealFft::numBins() const noexcept
{
    return plans->halfSize + 1;
}

std::span<float> SplitRealFft::timeData() noexcept
{
    return { plans->time, plans->size };
}

void SplitRealFft::forward (float* real, float* imag) noexcept
{
    forward (plans->time, real, imag);
}

void SplitRealFft::forward (const float* time, float* real, float* imag) noexcept
{
    // FFTW's new-array execute: the plan is out of place, and an out-of-place
    // complex transform leaves its input unchanged (FFTW_PRESERVE_INPUT is
    // the default for it); FFTW only reads through the pointer.
    fftwf_execute_dft (plans->forwardPlan, reinterpret_cast<fftwf_complex*> (const_cast<float*> (time)),
                       reinterpret_cast<fftwf_complex*> (plans->complex));
    separate (plans->complex, plans->twiddles(), real, imag, plans->halfSize, plans->instructions);
}

void SplitRealFft::inverse (const float* real, const float* imag) noexcept
{
    combine (real, imag, plans->twiddles(), plans->complex, plans->halfSize, plans->instructions);
    fftwf_execute (plans->inversePlan);
}

} // namespace partita
