// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

namespace partita::splitSpectrum
{

/*  The engine's innermost loop: the complex multiply-accumulate of input
    spectra (a delay line's) with kernel partitions. Spectra that the engine
    keeps for a long time are stored "split", real parts in one array and
    imaginary parts in another, so that the loop compiles to straight SIMD
    without shuffles (and without the NaN-rescue call of std::complex).

    Every bin gets the same operations in the same order whatever bins or
    spectra a call covers, so the result never depends on how a caller cuts
    the work: the engine's output then depends only on its input. Which SIMD
    path runs depends only on the CPU. Measurements: docs/engine.md. */

/** Spectra stored split: spectrum j's real parts at real[j], its imaginary
    parts at imag[j]. */
struct SplitSpectra
{
    const float* const* real = nullptr;
    const float* const* imag = nullptr;
};

/** The accumulators a call adds into, split the same way: sum d at real[d]
    and imag[d]. */
struct SplitSums
{
    float* const* real = nullptr;
    float* const* imag = nullptr;
};

/** How many spectra the engine sums in one call: few enough streams for the
    hardware prefetchers (docs/engine.md, "Spectra per call"). */
inline constexpr std::size_t spectraPerCall = 4;

/** The most sums one pass over the input spectra computes (see
    PartitionLevel::sumsPerPass). */
inline constexpr std::size_t maxSumsPerPass = 4;

/** Where a call starts each sum: from what the accumulator holds, or from
    zero without reading it. Zero gives the bits of an accumulator cleared to
    +0.0, and saves the pass that would clear it. */
enum class SumStart
{
    accumulators,
    zero,
};

/** One call's operands: for every d < sumsPerPass and bin < numBins,
    sums[d] += sum over j < count of input[j] * kernel[j + d] (kernel then
    holds count + sumsPerPass - 1 spectra). Each sum d gets exactly the bits
    that a call with sumsPerPass 1 and kernel shifted by d would give. */
struct Operands
{
    SplitSpectra input;
    SplitSpectra kernel;
    SplitSums sums;
    std::size_t count = 0;
    std::size_t sumsPerPass = 1; // 1 to maxSumsPerPass
    std::size_t numBins = 0;
    SumStart start = SumStart::accumulators;
};

/** Reads each input spectrum once for all the sums: a long delay line's
    multiply-accumulate is bound by memory, not by arithmetic. The products
    are added one j after another, in order, so splitting a long sum into
    several calls changes no bit. */
void multiplyAccumulate (const Operands& operands) noexcept;

} // namespace partita::splitSpectrum
