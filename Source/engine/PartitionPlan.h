// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CostModel.h"

#include <cstddef>
#include <vector>

namespace partita
{

/** The largest FFT partition the engine accepts and the planner uses, and
    the default cap on it (EngineConfig::maxPartitionSize): the cost model
    times transforms up to twice this size. */
inline constexpr std::size_t largestPartitionSize = CostModel::largestFft / 2;

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
    /** The level computes its jobs in groups of sumsPerPass (1, 2 or 4):
        the group's first job computes all their sums in one pass over the
        delay line. The planner picks the cheapest by the cost model: more
        sums read memory less but leave the later jobs more products. */
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
    std::size_t maxPartition = largestPartitionSize;
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
        is larger than maxBlocksPerPartition blocks: spreading cannot split
        one transform, and a large one would be a lump in one callback
        (docs/engine.md, "The plan"). */
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
        the first may span: between its jobs the other levels push its
        spectra out of the caches, which the model (warm caches) does not
        price (docs/engine.md, "An immediate second level"). */
    static constexpr std::size_t maxBlocksPerImmediatePartition = 8;
};

/** The cheapest plan by the cost model among the shapes the scheme allows.
    Non-uniform shapes: level 1 of size P0 from tap P0 (computed at once),
    then levels of size P0 r^k (r = 2, 4 or 8) from tap 2 P0 r^k (deferred),
    up to maxPartition (and at most 1024 times the first partition and
    maxBlocksPerPartition expected host blocks), the last level running to
    the end of the kernel. When the host's block period is known, the second
    level may start at tap P0 r and be computed at once, if its largest job
    fits maxImmediateShareOfPeriod of the period and its partition at most
    maxBlocksPerImmediatePartition host blocks. Why: docs/engine.md, "The
    plan". */
PartitionPlan planPartitions (const PlanningProblem& problem, PartitionScheme scheme, const CostModel& costs);

} // namespace partita
