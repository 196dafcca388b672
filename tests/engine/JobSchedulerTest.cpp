// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/JobScheduler.h"

#include <gtest/gtest.h>

#include <vector>

namespace partita
{
namespace
{
using Unit = JobScheduler::Unit;
using UnitKind = JobScheduler::UnitKind;

/** Two inputs, two outputs: input 0 feeds output 0 through a long path and
    a short one from input 1; input 1 feeds output 1 through one partition.
    2049 bins: the long path's units are cut by frequency too. */
JobShape shapeWith (std::size_t sumsPerPass)
{
    JobShape shape;
    shape.numInputs = 2;
    shape.numOutputs = 2;
    shape.paths = { { 0, 0, 9 }, { 1, 0, 3 }, { 1, 1, 1 } };
    shape.numBins = 2049;
    shape.sumsPerPass = sumsPerPass;
    shape.transformCost = 5.0;
    shape.partitionCost = 1.0;
    return shape;
}

std::vector<Unit> runAll (JobScheduler& scheduler)
{
    std::vector<Unit> ran;
    EXPECT_TRUE (scheduler.finishJob ([&ran] (const Unit& unit) { ran.push_back (unit); }));
    return ran;
}
} // namespace

TEST (JobScheduler, EachJobOfAGroupCoversItsPartitionsAndEveryBinOnce)
{
    // A group's first job: every partition of every path, for all its sums.
    // Job d after it: the first d partitions, which the first left out.
    const auto shape = shapeWith (4);
    const JobScheduler scheduler (shape);
    for (std::size_t place = 0; place < 4; ++place)
    {
        for (std::size_t p = 0; p < shape.paths.size(); ++p)
        {
            const auto partitions = shape.paths[p].numPartitions;
            const auto expected = place == 0 ? partitions : std::min (place, partitions);
            std::vector<std::vector<int>> covered (partitions, std::vector<int> (shape.numBins, 0));
            for (const auto& unit : scheduler.unitsOfJob (place))
            {
                if (unit.kind != UnitKind::multiplyAccumulate || unit.index != p)
                    continue;
                EXPECT_LE (unit.partitions.size(), JobScheduler::partitionsPerUnit);
                EXPECT_EQ (unit.bins.first % 16, 0u) << "units start on 64-byte boundaries";
                for (auto partition = unit.partitions.first; partition < unit.partitions.end; ++partition)
                    for (auto bin = unit.bins.first; bin < unit.bins.end; ++bin)
                        ++covered[partition][bin];
            }
            for (std::size_t partition = 0; partition < partitions; ++partition)
                for (std::size_t bin = 0; bin < shape.numBins; ++bin)
                    ASSERT_EQ (covered[partition][bin], partition < expected ? 1 : 0)
                        << "job " << place << ", path " << p << ", partition " << partition << ", bin " << bin;
        }
    }
}

TEST (JobScheduler, TransformsComeFirstAndEachOutputsInverseAfterItsProducts)
{
    const auto shape = shapeWith (2);
    const JobScheduler scheduler (shape);
    for (std::size_t place = 0; place < 2; ++place)
    {
        const auto& units = scheduler.unitsOfJob (place);
        ASSERT_GE (units.size(), 4u);
        EXPECT_EQ (units[0].kind, UnitKind::forward);
        EXPECT_EQ (units[0].index, 0u);
        EXPECT_EQ (units[1].kind, UnitKind::forward);
        EXPECT_EQ (units[1].index, 1u);
        std::vector<bool> inverted (shape.numOutputs, false);
        double previousCost = 0.0;
        for (const auto& unit : units)
        {
            EXPECT_GT (unit.costUntilDone, previousCost) << "the estimated cost only grows";
            previousCost = unit.costUntilDone;
            if (unit.kind == UnitKind::inverse)
                inverted[unit.index] = true;
            if (unit.kind == UnitKind::multiplyAccumulate)
            {
                EXPECT_FALSE (inverted[shape.paths[unit.index].output]) << "a product after its output's inverse";
            }
        }
        EXPECT_TRUE (inverted[0] && inverted[1]);
    }
}

TEST (JobScheduler, JobsCycleThroughTheGroupAndResetOrAClosedGroupStartsANewOne)
{
    JobScheduler scheduler (shapeWith (4));
    for (const std::size_t expected : { 0u, 1u, 2u, 3u, 0u, 1u })
    {
        EXPECT_EQ (scheduler.startJob(), expected);
        EXPECT_EQ (scheduler.currentJobInGroup(), expected);
        runAll (scheduler);
    }
    scheduler.reset();
    EXPECT_EQ (scheduler.startJob(), 0u);
    runAll (scheduler);
    EXPECT_EQ (scheduler.startJob(), 1u);
    scheduler.closeGroup();
    EXPECT_EQ (scheduler.startJob(), 0u);
}

TEST (JobScheduler, SumsPerPassIsKeptWithinOneToTheKernelsMaximum)
{
    EXPECT_EQ (JobScheduler (shapeWith (0)).sumsPerPass(), 1u);
    EXPECT_EQ (JobScheduler (shapeWith (9)).sumsPerPass(), splitSpectrum::maxSumsPerPass);
    EXPECT_EQ (JobScheduler (shapeWith (2)).sumsPerPass(), 2u);
}

TEST (JobScheduler, CatchingUpRunsTheDueShareAndAllOfItByThreeQuartersOfThePeriod)
{
    JobScheduler scheduler (shapeWith (1));
    const auto& units = scheduler.unitsOfJob (0);
    const double total = units.back().costUntilDone;
    constexpr std::size_t period = 1024;
    std::vector<Unit> ran;
    const auto record = [&ran] (const Unit& unit) { ran.push_back (unit); };

    scheduler.catchUp (period / 2, period, record);
    EXPECT_TRUE (ran.empty()) << "no job was pending";

    scheduler.startJob();
    scheduler.catchUp (0, period, record);
    EXPECT_TRUE (ran.empty());
    scheduler.catchUp (period / 4, period, record);
    ASSERT_FALSE (ran.empty());
    EXPECT_LE (ran.back().costUntilDone, total / 3.0);
    EXPECT_LT (ran.size(), units.size());
    const auto third = ran.size();
    EXPECT_GT (units[third].costUntilDone, total / 3.0) << "every unit due ran";
    scheduler.catchUp (3 * period / 4, period, record);
    EXPECT_EQ (ran.size(), units.size());

    EXPECT_TRUE (scheduler.finishJob (record));
    EXPECT_EQ (ran.size(), units.size()) << "nothing is run twice";
    EXPECT_FALSE (scheduler.finishJob (record));
}

TEST (JobScheduler, AGroupsFirstJobStartsTheSumsOfOutputsWhoseFirstPathReachesThemAll)
{
    // Output 0's first path has 9 partitions, enough for 4 sums; output 1's
    // has 1, so its sums must be cleared before a group instead.
    const JobScheduler scheduler (shapeWith (4));
    EXPECT_TRUE (scheduler.unitsStartSums (0));
    EXPECT_FALSE (scheduler.unitsStartSums (1));
    std::vector<std::vector<int>> starts (2, std::vector<int> (2049, 0));
    for (std::size_t place = 0; place < 4; ++place)
    {
        for (const auto& unit : scheduler.unitsOfJob (place))
        {
            if (!unit.startsSums)
                continue;
            EXPECT_EQ (place, 0u) << "only a group's first job starts sums";
            EXPECT_EQ (unit.index, 0u) << "only the output's first path";
            EXPECT_EQ (unit.partitions.first, 0u);
            for (auto bin = unit.bins.first; bin < unit.bins.end; ++bin)
                ++starts[unit.index][bin];
        }
    }
    for (std::size_t bin = 0; bin < 2049; ++bin)
        ASSERT_EQ (starts[0][bin], 1) << "each bin of the sums is started once, bin " << bin;
}

} // namespace partita
