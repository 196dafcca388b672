// SPDX-License-Identifier: GPL-3.0-or-later
#include "CostModel.h"

#include "AlignedBuffer.h"
#include "DirectHeadFilter.h"
#include "SplitRealFft.h"
#include "SplitSpectrum.h"

#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>
#include <vector>

#if __has_include(<unistd.h>)
#include <unistd.h>
#endif

namespace partita
{
namespace
{
using Clock = std::chrono::steady_clock;

/** Best-of-seven seconds per call of `work`, each trial repeating it
    until about a millisecond has passed, so that preempted trials on a
    shared machine do not skew the plan (with three trials of half a
    millisecond, the figures for one size moved by half from one process
    to the next, enough to flip the planner between plans whose real costs
    differed by 40 %). About 0.15 s in all, next to the seconds FFTW takes
    to plan the large sizes the first time. */
template <typename Work>
double secondsPerCall (Work&& work)
{
    double best = 1.0e9;
    for (int trial = 0; trial < 7; ++trial)
    {
        std::size_t calls = 0;
        const auto start = Clock::now();
        auto elapsed = Clock::duration::zero();
        do
        {
            work();
            ++calls;
            elapsed = Clock::now() - start;
        } while (elapsed < std::chrono::milliseconds (1));
        best = std::min (best, std::chrono::duration<double> (elapsed).count() / static_cast<double> (calls));
    }
    return best;
}
double timeMultiplyAccumulate (std::size_t spectra, std::size_t bins)
{
    constexpr std::size_t perCall = 8;
    const auto stride = AlignedBuffer<float>::alignedStride (bins);
    AlignedBuffer<float> operands (4 * spectra * stride), accumulator (2 * stride);
    std::fill_n (operands.data(), operands.size(), 1.0e-3f);
    std::vector<const float*> pointers (4 * spectra);
    for (std::size_t i = 0; i < pointers.size(); ++i)
        pointers[i] = operands.data() + i * stride;
    const auto seconds = secondsPerCall (
        [&]
        {
            for (std::size_t first = 0; first < spectra; first += perCall)
                splitSpectrum::multiplyAccumulateSum (pointers.data() + first, pointers.data() + spectra + first,
                                                      pointers.data() + 2 * spectra + first,
                                                      pointers.data() + 3 * spectra + first, perCall,
                                                      accumulator.data(), accumulator.data() + stride, bins);
        });
    return seconds / static_cast<double> (bins * spectra);
}
} // namespace

std::size_t CostModel::cachedWorkingSetBytes() noexcept
{
    static const std::size_t bytes = []
    {
#if defined(_SC_LEVEL2_CACHE_SIZE)
        const long reported = ::sysconf (_SC_LEVEL2_CACHE_SIZE);
        if (reported > 0)
            return static_cast<std::size_t> (reported);
#endif
        return std::size_t { 1 } << 20;
    }();
    return bytes;
}

CostModel::CostModel (double secondsPerFftUnit, double secondsPerBin, double secondsPerTap) noexcept
    : perBin (secondsPerBin)
    , perBinUncached (secondsPerBin)
{
    perTapByPiece.fill (secondsPerTap);
    for (std::size_t size = smallestFft; size <= largestFft; size *= 2)
    {
        const auto n = static_cast<double> (size);
        fftBySize[indexOf (size)] = secondsPerFftUnit * n * std::log2 (n);
    }
}

const CostModel& CostModel::measured()
{
    static const CostModel model = []
    {
        CostModel result;
        for (std::size_t size = smallestFft; size <= largestFft; size *= 2)
        {
            SplitRealFft fft (size, FftPlanning::measure);
            std::vector<float> real (fft.numBins()), imag (fft.numBins());
            std::fill (fft.timeData().begin(), fft.timeData().end(), 0.25f);
            result.fftBySize[indexOf (size)] = 0.5
                                               * secondsPerCall (
                                                   [&]
                                                   {
                                                       fft.forward (real.data(), imag.data());
                                                       fft.inverse (real.data(), imag.data());
                                                   });
        }

        // 32 spectra of 1025 bins (256 KiB of operands) stay in cache; 64
        // of 8193 bins (8 MiB) stream from memory, as the large partitions of
        // a long kernel do. Their long runs of bins stream well: 1024 spectra
        // of 1025 bins (16 MiB) cost 2.6 ns a bin here, these 0.97, and the
        // engine's large levels behave like the latter.
        result.perBin = timeMultiplyAccumulate (32, 1025);
        result.perBinUncached = std::max (result.perBin, timeMultiplyAccumulate (64, 8193));

        constexpr std::size_t taps = 256;
        const std::vector<float> head (taps, 1.0e-3f);
        const DirectHeadFilter filter (head);
        std::vector<float> input (2 * taps, 0.5f), output (taps, 0.0f);
        for (std::size_t index = 0; index < result.perTapByPiece.size(); ++index)
        {
            const std::size_t piece = std::size_t { 16 } << index;
            result.perTapByPiece[index] =
                secondsPerCall (
                    [&]
                    {
                        for (std::size_t first = 0; first < taps; first += piece)
                            filter.process (input.data() + taps + first, output.data() + first, piece);
                    })
                / static_cast<double> (taps * taps);
        }
        return result;
    }();
    return model;
}

double CostModel::fftSeconds (std::size_t size) const noexcept
{
    return fftBySize[indexOf (std::clamp (size, smallestFft, largestFft))];
}

std::size_t CostModel::indexOf (std::size_t size) noexcept
{
    return static_cast<std::size_t> (std::countr_zero (size) - std::countr_zero (smallestFft));
}

} // namespace partita
