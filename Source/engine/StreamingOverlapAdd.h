// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RealFft.h"
#include "SplitRealFft.h"

#include <cstddef>
#include <limits>
#include <span>
#include <type_traits>
#include <vector>

namespace partita
{

/** The FFT size of a blocked overlap-add and the signal samples per block. */
struct OverlapAddPlan
{
    std::size_t fftSize = 0;
    std::size_t segmentLength = 0;
    double cost = std::numeric_limits<double>::infinity();
};

/** Overlap-add of a signal of `longer` samples in segments against a kernel
    of `shorter` samples: the FFT size that minimises the estimated total cost
    for samples of sampleBytes bytes. */
OverlapAddPlan planOverlapAdd (std::size_t longer, std::size_t shorter, std::size_t sampleBytes) noexcept;

/** Blocked FFT overlap-add of a long signal against a fixed kernel, fed one
    segment at a time: convolve()'s FFT method, taken apart so that an offline
    render can read, convolve and write a file in pieces instead of holding
    the whole signal and result in memory. For the same lengths it runs the
    same plan and the same float operations in the same order as convolve(),
    so the two agree bit for bit.

    Threading: one object per thread at a time; construction plans an FFT
    (under FFTW's planner lock) and allocates, process() does neither. */
template <typename Sample>
class StreamingOverlapAdd
{
public:
    /** kernel must not be empty and must be no longer than the signal of
        signalLength samples (convolution commutes: put the longer one in
        the stream); throws std::invalid_argument otherwise. */
    StreamingOverlapAdd (std::span<const Sample> kernel, std::size_t signalLength);

    StreamingOverlapAdd (const StreamingOverlapAdd&) = delete;
    StreamingOverlapAdd& operator= (const StreamingOverlapAdd&) = delete;

    /** Signal samples that process() takes at a time (fewer only at the end). */
    [[nodiscard]] std::size_t segmentLength() const noexcept { return plan.segmentLength; }

    /** Convolves the next segment of the signal: segmentLength() samples, or
        what is left of the signal for the last one; throws std::logic_error
        for any other length or once the signal is complete. Returns the
        samples of the full convolution that no later segment changes, in
        order: segmentLength() of them, and after the last segment the whole
        remaining tail (its length plus the kernel's, less one). The span is
        valid until the next call. */
    std::span<const Sample> process (std::span<const Sample> segment);

    [[nodiscard]] bool isComplete() const noexcept { return consumed == signalLength; }

private:
    OverlapAddPlan plan;
    std::size_t kernelLength;
    std::size_t signalLength;
    std::size_t consumed = 0;
    /** Single precision runs on split spectra, whose transform is about
        twice as fast as FFTW's real one (see SplitRealFft); double precision
        keeps FFTW's. */
    static constexpr bool splitTransform = std::is_same_v<Sample, float>;
    std::conditional_t<splitTransform, SplitRealFft, RealFft<Sample>> fft;
    /** The kernel's spectrum, real and imaginary parts apart (see
        multiplySpectra in the .cpp for why). */
    std::vector<Sample> kernelReal;
    std::vector<Sample> kernelImag;
    /** The current segment's spectrum, for the split transform. */
    std::vector<Sample> segmentReal;
    std::vector<Sample> segmentImag;
    /** Sums of the full convolution from the current segment's start on,
        fftSize of them: every later sample is still zero. */
    std::vector<Sample> pending;
    /** How many of pending's samples the last call returned, to drop before
        the next segment is added. */
    std::size_t returned = 0;
};

extern template class StreamingOverlapAdd<float>;
extern template class StreamingOverlapAdd<double>;

} // namespace partita
