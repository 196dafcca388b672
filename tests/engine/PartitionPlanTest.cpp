// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/PartitionPlan.h"

#include <gtest/gtest.h>

namespace partita
{
namespace
{
// A machine where a transform costs n log2 n ns and a bin 1 ns: only the
// plan's shape matters here, not this machine's speed.
const CostModel syntheticCosts (1.0e-9, 1.0e-9, 0.25e-9);

/** Levels tile [head, kernel end) without gaps or overlaps, each level on
    its own partition grid, deferred ones late enough to be spread. */
void expectPlanCoversTheKernel (const PartitionPlan& plan, const PlanningProblem& problem)
{
    std::size_t covered = problem.directHead ? plan.headLength : problem.firstPartition;
    if (plan.levels.empty())
    {
        EXPECT_TRUE (problem.directHead);
        EXPECT_GE (plan.headLength, problem.kernelLength) << "taps left uncovered";
        return;
    }
    for (const auto& level : plan.levels)
    {
        EXPECT_EQ (level.firstTap, covered) << "gap or overlap before the level of " << level.partitionSize;
        EXPECT_EQ (level.firstTap % level.partitionSize, 0u);
        // Only a steady host's first level may take the block in hand (tap 0).
        const bool withTheBlockInHand = problem.steadyBlocks && &level == &plan.levels.front();
        const auto earliest = withTheBlockInHand ? 0 : (level.deferred ? 2 : 1) * level.partitionSize;
        EXPECT_GE (level.firstTap, earliest);
        covered = level.firstTap + level.numPartitions * level.partitionSize;
    }
    EXPECT_GE (covered, problem.kernelLength);
    EXPECT_LT (covered - problem.kernelLength, plan.levels.back().partitionSize) << "a partition of nothing";
}

PlanningProblem problemFor (std::size_t kernelLength, std::size_t first)
{
    PlanningProblem problem;
    problem.kernelLength = kernelLength;
    problem.firstPartition = first;
    problem.maxPartition = 32768;
    return problem;
}
} // namespace

TEST (PartitionPlan, AKernelShorterThanTheFirstPartitionIsAllDirectHead)
{
    const auto problem = problemFor (40, 64);
    const auto plan = planPartitions (problem, PartitionScheme::nonUniform, syntheticCosts);
    EXPECT_EQ (plan.headLength, 40u);
    EXPECT_TRUE (plan.levels.empty());
}

TEST (PartitionPlan, AKernelOfExactlyOnePartitionNeedsNoFftAndOneSampleOverNeedsOneFftPartition)
{
    auto plan = planPartitions (problemFor (64, 64), PartitionScheme::uniform, syntheticCosts);
    EXPECT_EQ (plan.headLength, 64u);
    EXPECT_TRUE (plan.levels.empty());

    plan = planPartitions (problemFor (65, 64), PartitionScheme::uniform, syntheticCosts);
    ASSERT_EQ (plan.levels.size(), 1u);
    EXPECT_EQ (plan.levels[0].numPartitions, 1u);
    EXPECT_EQ (plan.levels[0].firstTap, 64u);
}

TEST (PartitionPlan, UniformPlansUseOneSizeForTheWholeKernel)
{
    const auto problem = problemFor (48000, 64);
    const auto plan = planPartitions (problem, PartitionScheme::uniform, syntheticCosts);
    ASSERT_EQ (plan.levels.size(), 1u);
    EXPECT_EQ (plan.levels[0].partitionSize, 64u);
    EXPECT_EQ (plan.levels[0].numPartitions, (48000u - 64u + 63u) / 64u);
    expectPlanCoversTheKernel (plan, problem);
}

TEST (PartitionPlan, NonUniformPlansTileLongKernelsWithGrowingPartitions)
{
    for (const std::size_t first : { 16u, 32u, 64u, 256u, 1024u })
    {
        for (const std::size_t length : { 65u, 1000u, 48000u, 384000u, 1000001u })
        {
            auto problem = problemFor (length, first);
            problem.firstPartitionIsFlexible = true;
            const auto plan = planPartitions (problem, PartitionScheme::nonUniform, syntheticCosts);
            expectPlanCoversTheKernel (plan, problem);
            for (std::size_t i = 1; i < plan.levels.size(); ++i)
                EXPECT_GT (plan.levels[i].partitionSize, plan.levels[i - 1].partitionSize);
            if (!plan.levels.empty())
            {
                EXPECT_LE (plan.levels.back().partitionSize, 1024 * plan.levels.front().partitionSize);
            }
        }
    }
}

TEST (PartitionPlan, AKnownSmallHostBlockCapsThePartitionsAtMaxBlocksPerPartition)
{
    for (const std::size_t block : { 16u, 32u, 64u, 128u })
    {
        auto problem = problemFor (384000, 64);
        problem.firstPartitionIsFlexible = true;
        problem.expectedBlockSize = block;
        const auto plan = planPartitions (problem, PartitionScheme::nonUniform, syntheticCosts);
        expectPlanCoversTheKernel (plan, problem);
        ASSERT_FALSE (plan.levels.empty());
        EXPECT_LE (plan.levels.back().partitionSize, block * PlanningProblem::maxBlocksPerPartition);
    }
}

TEST (PartitionPlan, NonUniformIsCheaperThanUniformForLongKernelsAtSmallBlocks)
{
    const auto problem = problemFor (384000, 32);
    const auto uniform = planPartitions (problem, PartitionScheme::uniform, syntheticCosts);
    const auto nonUniform = planPartitions (problem, PartitionScheme::nonUniform, syntheticCosts);
    EXPECT_LT (nonUniform.estimatedSecondsPerSample * 20.0, uniform.estimatedSecondsPerSample);
}

TEST (PartitionPlan, WithLatencyTheFirstPartitionIsFixedAndThereIsNoHead)
{
    auto problem = problemFor (10000 + 512, 512);
    problem.directHead = false;
    const auto plan = planPartitions (problem, PartitionScheme::nonUniform, syntheticCosts);
    EXPECT_EQ (plan.headLength, 0u);
    ASSERT_FALSE (plan.levels.empty());
    EXPECT_EQ (plan.levels[0].partitionSize, 512u);
    EXPECT_EQ (plan.levels[0].firstTap, 512u);
    expectPlanCoversTheKernel (plan, problem);
}

TEST (PartitionPlan, ASteadyHostBlockMayBeTheFirstPartitionWithNoDirectHead)
{
    // At 1024-sample host blocks the direct head and its extra level cost
    // more than transforming the block in hand.
    auto problem = problemFor (96000, 1024);
    problem.firstPartitionIsFlexible = true;
    problem.expectedBlockSize = 1024;
    problem.steadyBlocks = true;
    const auto plan = planPartitions (problem, PartitionScheme::nonUniform, syntheticCosts);
    EXPECT_EQ (plan.headLength, 0u);
    ASSERT_FALSE (plan.levels.empty());
    EXPECT_EQ (plan.levels.front().firstTap, 0u);
    EXPECT_EQ (1024u % plan.levels.front().partitionSize, 0u) << "a whole host block must bring whole partitions";
    expectPlanCoversTheKernel (plan, problem);

    problem.steadyBlocks = false;
    const auto anyCut = planPartitions (problem, PartitionScheme::nonUniform, syntheticCosts);
    EXPECT_GT (anyCut.headLength, 0u);
    EXPECT_LT (plan.estimatedSecondsPerSample, anyCut.estimatedSecondsPerSample);
}

TEST (PartitionPlan, SteadyPlansTileEveryKernelLengthAndBlock)
{
    for (const std::size_t block : { 16u, 32u, 256u, 1024u, 8192u })
    {
        for (const std::size_t length : { 1u, 15u, 16u, 17u, 1000u, 48000u, 384000u })
        {
            auto problem = problemFor (length, block);
            problem.firstPartitionIsFlexible = true;
            problem.expectedBlockSize = block;
            problem.steadyBlocks = true;
            const auto plan = planPartitions (problem, PartitionScheme::nonUniform, syntheticCosts);
            expectPlanCoversTheKernel (plan, problem);
            if (!plan.levels.empty() && plan.levels.front().firstTap == 0)
            {
                EXPECT_EQ (plan.headLength, 0u);
                EXPECT_EQ (block % plan.levels.front().partitionSize, 0u);
            }
        }
    }
}

TEST (PartitionPlan, ASteadyUniformPlanIsOneLevelFromTapZero)
{
    auto problem = problemFor (48000, 256);
    problem.expectedBlockSize = 256;
    problem.steadyBlocks = true;
    const auto plan = planPartitions (problem, PartitionScheme::uniform, syntheticCosts);
    ASSERT_EQ (plan.levels.size(), 1u);
    EXPECT_EQ (plan.headLength, 0u);
    EXPECT_EQ (plan.levels[0].partitionSize, 256u);
    EXPECT_EQ (plan.levels[0].firstTap, 0u);
    EXPECT_EQ (plan.levels[0].numPartitions, 48000u / 256u + 1u);
}

TEST (PartitionPlan, SumsAPassFollowTheCostModel)
{
    // Where a second and fourth sum a pass make no read cheaper, extra sums
    // only add the later jobs' products: one sum everywhere.
    const auto problem = problemFor (384000, 64);
    for (const auto& level : planPartitions (problem, PartitionScheme::nonUniform, syntheticCosts).levels)
        EXPECT_EQ (level.sumsPerPass, 1u) << "level of " << level.partitionSize;

    // Where each sum costs less the more share a read (memory-bound), long
    // levels take four; none takes more sums than it has partitions.
    const CostModel memoryBound (1.0e-9, { 1.0e-9, 0.6e-9, 0.4e-9 }, 0.25e-9);
    const auto plan = planPartitions (problem, PartitionScheme::nonUniform, memoryBound);
    expectPlanCoversTheKernel (plan, problem);
    std::size_t withFour = 0;
    for (const auto& level : plan.levels)
    {
        EXPECT_LE (level.sumsPerPass, level.numPartitions) << "level of " << level.partitionSize;
        if (level.numPartitions >= 8)
        {
            EXPECT_EQ (level.sumsPerPass, 4u) << "level of " << level.numPartitions << "x" << level.partitionSize;
        }
        withFour += level.sumsPerPass == 4 ? 1 : 0;
    }
    EXPECT_GT (withFour, 0u);
}

TEST (PartitionPlan, TheSecondLevelRunsAtOnceOnlyWhenItsJobFitsInTheBlockPeriod)
{
    // An 8 s kernel at 1024-sample blocks, whose plans have several levels.
    auto problem = problemFor (384000, 1024);
    problem.firstPartitionIsFlexible = true;
    problem.expectedBlockSize = 1024;
    problem.steadyBlocks = true;

    // The period unknown, or too short for the level's job (this synthetic
    // machine needs tens of microseconds for it): spread, from tap 2 P.
    for (const double period : { 0.0, 1.0e-6 })
    {
        problem.blockPeriodSeconds = period;
        const auto plan = planPartitions (problem, PartitionScheme::nonUniform, syntheticCosts);
        expectPlanCoversTheKernel (plan, problem);
        ASSERT_GE (plan.levels.size(), 2u) << "period " << period;
        for (std::size_t i = 1; i < plan.levels.size(); ++i)
            EXPECT_TRUE (plan.levels[i].deferred) << "period " << period << ", level " << i;
    }

    // A period that holds it: the second level from tap P, computed at once,
    // the first level one partition shorter than before; the rest spread.
    problem.blockPeriodSeconds = 0.0;
    const auto spread = planPartitions (problem, PartitionScheme::nonUniform, syntheticCosts);
    problem.blockPeriodSeconds = 1.0;
    const auto plan = planPartitions (problem, PartitionScheme::nonUniform, syntheticCosts);
    expectPlanCoversTheKernel (plan, problem);
    ASSERT_GE (plan.levels.size(), 2u);
    EXPECT_FALSE (plan.levels[1].deferred);
    EXPECT_EQ (plan.levels[1].firstTap, plan.levels[1].partitionSize);
    for (std::size_t i = 2; i < plan.levels.size(); ++i)
        EXPECT_TRUE (plan.levels[i].deferred) << "level " << i;
    EXPECT_LE (plan.estimatedSecondsPerSample, spread.estimatedSecondsPerSample);

    // The uniform scheme has one level whatever the period.
    EXPECT_EQ (planPartitions (problem, PartitionScheme::uniform, syntheticCosts).levels.size(), 1u);
}

TEST (PartitionPlan, AnImmediateLevelSpansAtMostMaxBlocksPerImmediatePartitionHostBlocks)
{
    // A period long enough for any job, so that only the span decides.
    for (const std::size_t block : { 32u, 64u, 256u, 1024u })
    {
        auto problem = problemFor (384000, block);
        problem.firstPartitionIsFlexible = true;
        problem.expectedBlockSize = block;
        problem.steadyBlocks = true;
        problem.blockPeriodSeconds = 1.0;
        const auto plan = planPartitions (problem, PartitionScheme::nonUniform, syntheticCosts);
        expectPlanCoversTheKernel (plan, problem);
        ASSERT_GE (plan.levels.size(), 2u) << "block " << block;
        for (std::size_t i = 1; i < plan.levels.size(); ++i)
        {
            if (!plan.levels[i].deferred)
            {
                EXPECT_LE (plan.levels[i].partitionSize, block * PlanningProblem::maxBlocksPerImmediatePartition)
                    << "block " << block << ", level " << i;
            }
        }
        if (block == 1024)
        {
            EXPECT_FALSE (plan.levels[1].deferred) << "a second level of a few host blocks still runs at once";
        }
    }
}

} // namespace partita
