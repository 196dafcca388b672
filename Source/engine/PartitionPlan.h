// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CostModel.h"

#include <cstddef>
#include <vector>

namespace partita
{

/** One run of equal-sized FFT partitions within the kernel. */
struct PartitionLevel
{
    std::size_t partitionSize = 0;
    /** First kernel tap the level covers; a multiple of partitionSize. */
    std::size_t firstTap = 0;
    std::size_t numPartitions = 0;
    /** A deferred level computes a completed block over the following block
        period, a little in every callback, instead of all at once; it needs
        firstTap >= 2 * partitionSize so its output is not due before then. */
    bool deferred = false;
    /** How many jobs' sums one pass over the delay line computes (1, 2 or
        4; see ConvolutionLevel): the planner picks the cheapest by the
        cost model, as more sums read memory less but leave the later jobs
        more products to add. */
    std::size_t sumsPerPass = 1;
};

/** How a kernel is cut: taps [0, headLength) as a direct FIR, the rest in
    levels of growing partitions, each level starting where the last ends.
    A first level with firstTap == 0 (and no head) transforms the block
    being received, inside the call that completes it (HostBlocks::steady). */
struct PartitionPlan
{
    std::size_t headLength = 0;
    std::vector<PartitionLevel> levels;
    double estimatedSecondsPerSample = 0.0;
};

enum class PartitionScheme
{
    /** One partition size for the whole kernel. */
    uniform,
    /** Small partitions first, growing later, sizes picked by the cost model. */
    nonUniform,
};

struct PlanningProblem
{
    /** Taps to cover, counted from the start of the engine's timeline (for an
        engine with latency, the kernel plus the latency). */
    std::size_t kernelLength = 0;
    /** The smallest partition allowed: also the direct head's length when
        there is one. */
    std::size_t firstPartition = 64;
    std::size_t maxPartition = 16384;
    /** May the planner pick the first partition (and so the direct head's
        length) itself, from 16 to 512? Only without latency, where any head
        length gives zero latency: then firstPartition is ignored. */
    bool firstPartitionIsFlexible = false;
    /** Whether taps [0, firstPartition) are summed directly. */
    bool directHead = true;
    std::size_t numInputs = 1;
    std::size_t numOutputs = 1;
    std::size_t numPaths = 1;
    /** The host's usual block, or 0 when unknown. When known, no partition
        is larger than maxBlocksPerPartition blocks: a 32768-sample partition
        means 65,536-point transforms of about 0.3 ms each on a 2.5 GHz
        core, half of a 32-sample period at 48 kHz, and spreading cannot
        split one transform. 128 blocks (4096-sample partitions at 32-sample
        blocks, 8192 at 64): paced at real time, the worst 0.1 % of
        callbacks with 2 and 8 s kernels took 9 to 20 % of the period
        against 12 to 37 % with 512 blocks, for 14 % more CPU back to back
        with 8 s at 32 samples, 5 % at 64 and 2 % or less with 2 s (the
        large levels read each spectrum once for four blocks of output, so
        more partitions cost less than they did). */
    std::size_t expectedBlockSize = 0;
    /** How long a block of expectedBlockSize lasts (it divided by the sample
        rate), or 0 when either is unknown. When known, the level after the
        first may be computed at once in the callback that completes its
        block, instead of spread over the next period, if the cost model
        puts that job under maxImmediateShareOfPeriod of this period and its
        partition spans at most maxBlocksPerImmediatePartition host blocks:
        see planPartitions(). */
    double blockPeriodSeconds = 0.0;
    /** The host promises whole blocks of expectedBlockSize (a power of two):
        shapes whose first level transforms the block being received, with
        partitions of that block or a power-of-two fraction of it, compete
        with the direct-head shapes. */
    bool steadyBlocks = false;
    static constexpr std::size_t maxBlocksPerPartition = 128;
    /** The most of a block period one immediate level's job may take (by the
        cost model): the callback that completes its block carries all of it. */
    static constexpr double maxImmediateShareOfPeriod = 0.1;
    /** And the most host blocks the partition of an immediate level after
        the first may span. (The first level's partition is not bound by it:
        its size is weighed by the cost model against the direct head in
        front of it, and its job, on the smallest partitions, is the
        cheapest.) Such a level's job comes once in that many callbacks
        (times its sums a pass), and between, the other levels' traffic
        pushes its spectra out of the caches, more the more callbacks pass:
        paced at real time, the job took 1.2 to 1.5 times its back-to-back
        time with partitions of 4 to 8 blocks (2 and 8 s IRs at 1024
        samples) but 2.4 to 3.4 times with 16 to 64 (0.5 and 8 s IRs at 32
        and 64 samples), where the model, which prices warm caches, let it
        make the worst 0.1 % of callbacks 16 to 40 % of the period against
        6 to 31 % spread. */
    static constexpr std::size_t maxBlocksPerImmediatePartition = 8;
};

/** The cheapest plan by the cost model among the shapes the scheme allows.
    Non-uniform shapes: level 1 of size P0 from tap P0 (computed at once),
    then levels of size P0 r^k (r = 2, 4 or 8) from tap 2 P0 r^k (deferred),
    up to maxPartition (and at most 1024 times the first partition and
    maxBlocksPerPartition expected host blocks, so that a single large
    transform stays short against a host block), the last level running to
    the end of the kernel.

    The second level may instead start at tap P0 r and be computed at once,
    like the first, when the host's block period is known and the cost model
    puts that level's largest job (a group's first, with all its sums) under
    maxImmediateShareOfPeriod of it and its partition spans at most
    maxBlocksPerImmediatePartition host blocks. Starting a partition earlier leaves the
    first level fewer partitions; and a job computed at once leaves the
    first level's spectra in the cache in the callbacks between, where a
    spread job streams the large level's spectra through every callback.
    The model prices only the first, so it picks such a shape whenever one
    fits, rightly: at 1024-sample blocks the 2 and 8 s IRs ran 8 and 11 %
    faster in the engine with it, where the model saw 1.4 and 2.3 %. */
PartitionPlan planPartitions (const PlanningProblem& problem, PartitionScheme scheme, const CostModel& costs);

} // namespace partita
