// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AlignedBuffer.h"
#include "FrequencyDomainDelayLine.h"
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

    Input arrives sample-aligned with the engine's timeline. When a block of P
    input samples is complete, a "job" transforms it, multiplies the delay
    lines with the kernel partitions and transforms the sums back. An
    immediate level runs the job at once and its result plays during the next
    P samples; a deferred level runs the job a piece per callback during the
    next P samples (advance()) and its result plays during the P after that.
    The job's arithmetic is the same however it is spread, so the output
    depends only on the input.

    A level can compute its jobs in groups of D (PartitionLevel::sumsPerPass,
    1, 2 or 4, picked by the planner): the group's first job reads each
    delay-line spectrum once and multiplies it with D kernel partitions,
    summing its own output and all of the next D - 1 jobs' except the
    products that need blocks not yet received; each later job adds those
    (job d of the group: d partitions). A long delay line streams from the
    caches or memory, so this divides the level's memory traffic by D.
    Which job of a group a job is follows from the number of blocks since
    reset(), so the output still depends only on the input.

    A current level (firstTap 0, HostBlocks::steady) also covers the taps
    that act on the block being received. When a call brings the whole block
    (computeWholeBlock(), before addOutput()), one job transforms it with the
    older blocks and its result plays in the same call, as zita-convolver
    does. Otherwise (computeBlockWithoutItself() at the block's first sample)
    only the older blocks' part plays, the engine adds the block's own part
    directly, and when the block completes its transform joins the delay
    line and its spill-over into the next block is added to the overlap.

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

    /** How many jobs' sums one pass over the delay line computes. */
    [[nodiscard]] std::size_t sumsPerPass() const noexcept { return depth; }

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
    enum class UnitKind
    {
        forward,
        multiplyAccumulate,
        inverse,
    };

    /** One piece of a job, small enough to spread over callbacks. */
    struct Unit
    {
        UnitKind kind;
        std::size_t index;          // input (forward), path (multiplyAccumulate) or output (inverse)
        std::size_t firstPartition; // multiplyAccumulate only: partitions and bins
        std::size_t endPartition;
        std::size_t firstBin;
        std::size_t endBin;
        double costUntilDone; // estimated cost of the job up to and including this unit
        /** multiplyAccumulate only: the first unit on these bins of its
            output's sums in the group's first job, which starts them from
            zero instead of the job clearing them first. */
        bool startsSums = false;
    };

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
        std::array<AlignedBuffer<float>, splitSpectrum::maxDepth> sumReal;
        std::array<AlignedBuffer<float>, splitSpectrum::maxDepth> sumImag;
        AlignedBuffer<float> playing;  // output for the block now being filled
        AlignedBuffer<float> finished; // the job's result, waiting to play
        AlignedBuffer<float> overlap;
        bool hasPaths = false;
        /** The group's first job starts every sum with a unit (its first
            path reaches all the sums), so startJob() need not clear them. */
        bool unitsStartSums = false;
    };

    struct Path
    {
        std::size_t input;
        std::size_t output;
        PartitionedKernel kernel;
    };

    void startJob() noexcept;
    void runJobUntil (double cost) noexcept;
    void runUnit (const Unit& unit) noexcept;
    void finishJob() noexcept;
    void buildUnits (const CostModel& costs);
    [[nodiscard]] const std::vector<Unit>& jobUnits() const noexcept { return unitsOfPhase[phase]; }
    /** Adds partitions [firstPartition, endPartition) of a path times the
        delay line from firstAgeOfRange on, bins [firstBin, endBin), into
        `sums` sums from firstSum on: sum firstSum + d takes kernel partition
        p + d with the spectrum partition p takes. */
    void multiplyAccumulate (std::size_t pathIndex, std::size_t firstPartition, std::size_t endPartition,
                             std::size_t firstAgeOfRange, std::size_t firstBin, std::size_t endBin,
                             std::size_t firstSum, std::size_t sums,
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
    std::size_t depth = 1;
    std::array<std::vector<Unit>, splitSpectrum::maxDepth> unitsOfPhase;
    std::size_t phase = 0;     // of the job running or last run: 0 the group's first
    std::size_t nextPhase = 0; // 0 when no group is open
    std::size_t position = 0;
    std::size_t nextUnit = 0;
    bool jobPending = false;
};

} // namespace partita
