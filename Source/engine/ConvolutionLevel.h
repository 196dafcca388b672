// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AlignedBuffer.h"
#include "FrequencyDomainDelayLine.h"
#include "IndexRange.h"
#include "JobScheduler.h"
#include "KernelMatrix.h"
#include "PartitionPlan.h"
#include "PartitionedKernel.h"
#include "SplitRealFft.h"
#include "SplitSpectrum.h"

#include <array>
#include <cstddef>
#include <vector>

namespace partita
{

/** One level of a partitioned convolution: every path's taps in
    [firstTap, firstTap + K * P) as K partitions of P samples, with a delay
    line of input spectra per input and an overlap-add per output.

    When a block of P input samples is complete, a job transforms it,
    multiplies the delay lines with the kernel partitions and transforms the
    sums back. An immediate level runs the job at once; a deferred one
    spreads it over the next block period (JobScheduler). A level may compute
    its jobs in groups of sumsPerPass, reading each delay-line spectrum once
    for all of them. A current level (firstTap 0) also covers the block
    being received. How and why: docs/engine.md, "Levels". The output
    depends only on the input, however the work is spread.

    Threading: constructed off the audio thread; everything else runs on the
    audio thread without allocating or locking. */
class ConvolutionLevel
{
public:
    /** kernelShift: the latency in front of every kernel on the engine's
        timeline (tap t of the level is kernel tap t - kernelShift). */
    ConvolutionLevel (const PartitionLevel& geometry, const KernelMatrix& kernels, std::size_t kernelShift,
                      const CostModel& costs);

    ConvolutionLevel (ConvolutionLevel&&) noexcept = default;
    ConvolutionLevel& operator= (ConvolutionLevel&&) noexcept = default;
    ConvolutionLevel (const ConvolutionLevel&) = delete;
    ConvolutionLevel& operator= (const ConvolutionLevel&) = delete;

    void reset() noexcept;

    /** How many jobs' sums one pass over the delay line computes: the
        jobs of a group. */
    [[nodiscard]] std::size_t sumsPerPass() const noexcept { return scheduler.sumsPerPass(); }

    [[nodiscard]] std::size_t partitionSize() const noexcept { return blockSize; }
    [[nodiscard]] bool feedsOutput (std::size_t output) const noexcept { return outputs[output].hasPaths; }
    [[nodiscard]] bool coversCurrentBlock() const noexcept { return current; }

    /** Current level, at the block's first sample, once write() has stored
        the whole block: computes the block's output, own samples included. */
    void computeWholeBlock() noexcept;
    /** Current level, at the block's first sample when the call does not
        bring the whole block: computes the older blocks' part of its output;
        the caller adds the part of the block's own samples. */
    void computeBlockWithoutItself() noexcept;

    /** Stores input samples at the current position (count must not cross
        the end of the block). */
    void write (std::size_t input, const float* samples, std::size_t count) noexcept;

    /** Adds this level's output for the next count samples into destination. */
    void addOutput (std::size_t output, float* destination, std::size_t count) const noexcept;

    /** Moves the position on by count samples, completing the block when it
        is full, and lets a deferred job catch up with the time that passed. */
    void advance (std::size_t count) noexcept;

private:
    struct InputState
    {
        // 2P samples each: the block, then P zeros that stay zero, ready
        // for the transform without a copy.
        AlignedBuffer<float> block;    // being filled
        AlignedBuffer<float> jobInput; // the completed block the job transforms
        FrequencyDomainDelayLine spectra;
    };

    struct OutputState
    {
        // sumReal[d]: the sum of the job d jobs after the group's first
        std::array<AlignedBuffer<float>, splitSpectrum::maxSumsPerPass> sumReal;
        std::array<AlignedBuffer<float>, splitSpectrum::maxSumsPerPass> sumImag;
        AlignedBuffer<float> playing;  // output for the block now being filled
        AlignedBuffer<float> finished; // the job's result, waiting to play
        AlignedBuffer<float> overlap;
        bool hasPaths = false;
    };

    struct Path
    {
        std::size_t input;
        std::size_t output;
        PartitionedKernel kernel;
    };

    void startJob() noexcept;
    void finishJob() noexcept;
    void runUnit (const JobScheduler::Unit& unit) noexcept;
    [[nodiscard]] JobShape jobShape (const CostModel& costs, std::size_t sumsPerPass) const;
    /** Adds partitions `partitions` of a path times the delay line from age
        firstAgeOfRange on, over `bins`, into the output's `sums`: sum
        sums.first + d takes kernel partition p + d with the spectrum that
        partition p takes. */
    void multiplyAccumulate (std::size_t pathIndex, IndexRange partitions, std::size_t firstAgeOfRange, IndexRange bins,
                             IndexRange sums,
                             splitSpectrum::SumStart start = splitSpectrum::SumStart::accumulators) noexcept;
    void clearSums (std::size_t count) noexcept;
    static void clearSums (OutputState& output, std::size_t count) noexcept;
    void transformInput (InputState& input) noexcept;
    /** Inverse-transforms an output's sum; returns the 2P time samples. */
    const float* transformSum (OutputState& output, std::size_t sum) noexcept;
    void completeBlockWithoutItself() noexcept;

    std::size_t blockSize;
    std::size_t firstAge; // delay-line age of the first partition
    bool deferred;
    bool current;                    // covers the block being received (firstTap 0)
    bool blockWithoutItself = false; // current level: the block's own part is summed directly
    SplitRealFft fft;
    std::vector<InputState> inputs;
    std::vector<OutputState> outputs;
    std::vector<Path> paths;
    JobScheduler scheduler;
    std::size_t position = 0;
};

} // namespace partita
