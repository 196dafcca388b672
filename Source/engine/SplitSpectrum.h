// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

namespace partita::splitSpectrum
{

/** Spectra the engine keeps for a long time (kernel partitions, the delay line
    of input spectra) are stored "split": real parts in one array, imaginary
    parts in another. The multiply-accumulate over them, the engine's innermost
    loop, then compiles to straight SIMD without shuffles, and without the
    NaN-rescue library call that std::complex multiplication carries. */

/** acc += sum over j < count of a[j] * b[j], bin by bin, in complex
    arithmetic. The products are added to the accumulator one j after another
    in order, so the result does not depend on how a caller splits a long sum
    into several calls. The accumulator stays in registers across the j loop,
    which is what makes a long delay line cheap. */
void multiplyAccumulateSum (const float* const* aReal, const float* const* aImag, const float* const* bReal,
                            const float* const* bImag, std::size_t count, float* accReal, float* accImag,
                            std::size_t numBins) noexcept;

/** How many spectra the engine sums in one call. The accumulators stay in
    registers over them; but each spectrum is two memory streams, and with
    eight spectra (two sums, 34 streams) a long delay line outran the
    hardware prefetchers: 1.5 ns a bin from memory on pieces of 2048 bins,
    against 0.57 with four (0.18 and 0.23 ns in the second-level cache). In
    the engine, four made the 8 s IR 7 to 13 % faster and the others no
    slower. */
inline constexpr std::size_t spectraPerCall = 4;

/** The widest depth multiplyAccumulateSums() takes. */
inline constexpr std::size_t maxDepth = 4;

/** Where multiplyAccumulateSums() starts each sum: from what the
    accumulator holds, or from zero without reading it. Zero gives the bits
    an accumulator cleared to zero would give (the same operations on the
    same +0.0), and saves a level the pass that cleared its sums before
    each group and the first call's read of them (ConvolutionLevel): the
    clearing was 3 to 4 % of the engine's time at 1024-sample blocks, and
    the 2 and 8 s IRs ran 1 to 4 % faster without it. */
enum class SumStart
{
    accumulators,
    zero,
};

/** acc[d] += sum over j < count of a[j] * b[j + d], bin by bin, for every
    d < depth (1 to maxDepth; b has count + depth - 1 spectra). The sums of
    several blocks of output at once, as a level computes them to read each
    input spectrum from memory once for all of them instead of once for
    each: a long delay line's multiply-accumulate is bound by memory, not
    by arithmetic. Each acc[d] gets the same operations in the same order as
    multiplyAccumulateSum() with b + d would give it. */
void multiplyAccumulateSums (const float* const* aReal, const float* const* aImag, const float* const* bReal,
                             const float* const* bImag, std::size_t count, std::size_t depth, float* const* accReal,
                             float* const* accImag, std::size_t numBins,
                             SumStart start = SumStart::accumulators) noexcept;

} // namespace partita::splitSpectrum
