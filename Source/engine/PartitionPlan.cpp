// SPDX-License-Identifier: GPL-3.0-or-later
#include "PartitionPlan.h"

#include <algorithm>
#include <bit>
#include <limits>

namespace partita
{
namespace
{
constexpr std::size_t maxGrowth = 1024;
constexpr std::size_t smallestFlexibleFirst = 16;
constexpr std::size_t largestFlexibleFirst = 512;

std::size_t divideRoundingUp (std::size_t numerator, std::size_t denominator)
{
    return (numerator + denominator - 1) / denominator;
}

/** Where the first level starts: after the direct head, or at tap 0 when
    it transforms the block being received (HostBlocks::steady). */
enum class FirstLevel
{
    afterHead,
    fromCurrentBlock,
};

/** Whether the level after the first is spread over the period after its
    block (from tap 2 P) or computed when its block completes (from tap P). */
enum class SecondLevel
{
    deferred,
    immediate,
};

PartitionPlan shapeFor (const PlanningProblem& problem, std::size_t first, std::size_t ratio, std::size_t largest,
                        FirstLevel firstLevel, SecondLevel secondLevel)
{
    PartitionPlan plan;
    if (firstLevel == FirstLevel::fromCurrentBlock)
    {
        plan.levels.push_back ({ first, 0, 0, false });
    }
    else
    {
        plan.headLength = problem.directHead ? std::min (first, problem.kernelLength) : 0;
        if (problem.kernelLength <= first)
            return plan;
        plan.levels.push_back ({ first, first, 0, false });
    }
    if (ratio > 1)
    {
        for (auto size = first * ratio; size <= largest && 2 * size < problem.kernelLength; size *= ratio)
        {
            const bool immediate = secondLevel == SecondLevel::immediate && plan.levels.size() == 1;
            plan.levels.push_back ({ size, immediate ? size : 2 * size, 0, !immediate });
        }
    }

    for (std::size_t i = 0; i < plan.levels.size(); ++i)
    {
        auto& level = plan.levels[i];
        const auto end = i + 1 < plan.levels.size() ? plan.levels[i + 1].firstTap : problem.kernelLength;
        level.numPartitions = divideRoundingUp (end - level.firstTap, level.partitionSize);
    }
    return plan;
}

/** What a level's transform costs in the engine, over what the cost model
    times in a loop: there the level also copies its block in, pads it with
    zeros, overlap-adds the result and finds its buffers pushed out of the
    cache (measured with perf: docs/engine.md, "The plan"). */
constexpr double transformInPlace = 1.8;

/** Bytes of a level's kernel and delay-line spectra, real and imaginary
    floats: what its multiply-accumulate streams. */
std::size_t spectraBytes (const PartitionLevel& level, const PlanningProblem& problem)
{
    return problem.numPaths * level.numPartitions * (level.partitionSize + 1) * 16;
}

/** One level's multiply-accumulate per block with `sums` sums a pass: a
    pass over every partition, and, for the jobs after the pass's first, the
    products it could not compute (0 + 1 + ... + (sums - 1) partitions over
    `sums` jobs), with spectra just computed, from the cache. */
double multiplyAccumulateSeconds (const PartitionLevel& level, const PlanningProblem& problem, const CostModel& costs,
                                  std::size_t sums)
{
    const auto bins = static_cast<double> (level.partitionSize + 1);
    const auto workingSet = spectraBytes (level, problem);
    const auto catchUpPartitions = static_cast<double> (sums - 1) / 2.0;
    return static_cast<double> (problem.numPaths) * bins
           * (static_cast<double> (level.numPartitions) * costs.multiplyAccumulateSecondsPerBin (workingSet, sums)
              + catchUpPartitions * costs.multiplyAccumulateSecondsPerBin());
}

double transformSeconds (const PartitionLevel& level, const PlanningProblem& problem, const CostModel& costs)
{
    const auto transforms = static_cast<double> (problem.numInputs + problem.numOutputs);
    return transforms * costs.fftSeconds (2 * level.partitionSize) * transformInPlace;
}

/** The largest job of a level computed at once: a group's first, whose
    pass computes all `sums` sums, with the transforms. */
double groupFirstJobSeconds (const PartitionLevel& level, const PlanningProblem& problem, const CostModel& costs,
                             std::size_t sums)
{
    const auto workingSet = spectraBytes (level, problem);
    return transformSeconds (level, problem, costs)
           + static_cast<double> (problem.numPaths * (level.partitionSize + 1) * level.numPartitions * sums)
                 * costs.multiplyAccumulateSecondsPerBin (workingSet, sums);
}

/** Whether a level beyond the first, computed at once, keeps its job within
    the share of the host's period it may take, and its partition within the
    host blocks whose callbacks keep that job's data in the caches. */
bool fitsInCallback (const PartitionLevel& level, const PlanningProblem& problem, const CostModel& costs,
                     std::size_t sums)
{
    return level.partitionSize <= problem.expectedBlockSize * PlanningProblem::maxBlocksPerImmediatePartition
           && groupFirstJobSeconds (level, problem, costs, sums)
                  <= PlanningProblem::maxImmediateShareOfPeriod * problem.blockPeriodSeconds;
}

/** Gives each level the number of sums a pass the cost model finds cheapest
    (for an immediate level beyond the first, among those whose job fits
    its callback); false when an immediate level's job fits with none. */
bool chooseSumsPerPass (PartitionPlan& plan, const PlanningProblem& problem, const CostModel& costs)
{
    for (std::size_t i = 0; i < plan.levels.size(); ++i)
    {
        auto& level = plan.levels[i];
        const bool mustFit = i > 0 && !level.deferred;
        double cheapest = std::numeric_limits<double>::infinity();
        for (const auto sums : CostModel::sumsPerPassChoices)
        {
            if (sums > level.numPartitions)
                break;
            if (mustFit && !fitsInCallback (level, problem, costs, sums))
                continue;
            const auto seconds = multiplyAccumulateSeconds (level, problem, costs, sums);
            if (seconds < cheapest)
            {
                cheapest = seconds;
                level.sumsPerPass = sums;
            }
        }
        if (cheapest == std::numeric_limits<double>::infinity())
            return false;
    }
    return true;
}

double secondsPerSample (const PartitionPlan& plan, const PlanningProblem& problem, const CostModel& costs)
{
    const auto paths = static_cast<double> (problem.numPaths);
    // The engine cuts host blocks at first-partition boundaries, so the
    // head runs in pieces of the smaller of the two.
    const auto headPiece =
        problem.expectedBlockSize > 0 ? std::min (problem.expectedBlockSize, plan.headLength) : plan.headLength;
    double total = paths * static_cast<double> (plan.headLength) * costs.directSecondsPerTap (headPiece);
    for (const auto& level : plan.levels)
    {
        const double perBlock = transformSeconds (level, problem, costs)
                                + multiplyAccumulateSeconds (level, problem, costs, level.sumsPerPass);
        total += perBlock / static_cast<double> (level.partitionSize);
    }
    return total;
}
struct FirstLevelCandidate
{
    std::size_t first;
    FirstLevel firstLevel;
};

/** The first partitions the planner tries, and where their level starts. */
std::vector<FirstLevelCandidate> firstLevelCandidates (const PlanningProblem& problem, PartitionScheme scheme)
{
    std::vector<FirstLevelCandidate> candidates { { problem.firstPartition, FirstLevel::afterHead } };
    if (problem.firstPartitionIsFlexible && scheme == PartitionScheme::nonUniform)
    {
        candidates.clear();
        for (std::size_t size = smallestFlexibleFirst; size <= largestFlexibleFirst; size *= 2)
            candidates.push_back ({ size, FirstLevel::afterHead });
    }
    if (problem.steadyBlocks && problem.directHead && std::has_single_bit (problem.expectedBlockSize))
    {
        // Any power-of-two fraction of the host block: a whole host block
        // then brings whole partitions. Uniform plans keep the given size.
        for (auto size = std::min (problem.expectedBlockSize, largestPartitionSize); size >= smallestFlexibleFirst;
             size /= 2)
            if (scheme == PartitionScheme::nonUniform || size == problem.firstPartition)
                candidates.push_back ({ size, FirstLevel::fromCurrentBlock });
    }
    return candidates;
}
} // namespace

PartitionPlan planPartitions (const PlanningProblem& problem, PartitionScheme scheme, const CostModel& costs)
{
    const auto candidates = firstLevelCandidates (problem, scheme);
    const std::vector<std::size_t> ratios =
        scheme == PartitionScheme::uniform ? std::vector<std::size_t> { 1 } : std::vector<std::size_t> { 1, 2, 4, 8 };
    const std::vector<SecondLevel> secondLevels =
        problem.blockPeriodSeconds > 0.0 && scheme == PartitionScheme::nonUniform
            ? std::vector { SecondLevel::deferred, SecondLevel::immediate }
            : std::vector { SecondLevel::deferred };
    PartitionPlan best;
    best.estimatedSecondsPerSample = std::numeric_limits<double>::infinity();
    for (const auto& [first, firstLevel] : candidates)
    {
        // One transform of the largest partition cannot be split over
        // callbacks: keep it small against the first partition and, when the
        // host's block is known, against that, so that no callback carries a
        // lump of work.
        auto limit = std::min (problem.maxPartition, first * maxGrowth);
        if (problem.expectedBlockSize > 0)
            limit = std::min (limit, problem.expectedBlockSize * PlanningProblem::maxBlocksPerPartition);
        const auto largest = std::clamp (limit, first, largestPartitionSize);
        for (const auto ratio : ratios)
        {
            // Every cap on the partition size the ratio can reach.
            for (auto cap = first; cap <= largest; cap *= std::max<std::size_t> (ratio, 2))
            {
                for (const auto secondLevel : secondLevels)
                {
                    auto plan = shapeFor (problem, first, ratio, cap, firstLevel, secondLevel);
                    if (!chooseSumsPerPass (plan, problem, costs))
                        continue;
                    plan.estimatedSecondsPerSample = secondsPerSample (plan, problem, costs);
                    if (plan.estimatedSecondsPerSample < best.estimatedSecondsPerSample)
                        best = plan;
                }
                if (ratio == 1)
                    break;
            }
        }
    }
    return best;
}

} // namespace partita
