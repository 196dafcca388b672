// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "IndexRange.h"
#include "SplitSpectrum.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <vector>

namespace partita
{

/** What a ConvolutionLevel's job is made of, for JobScheduler. */
struct JobShape
{
    struct Path
    {
        std::size_t input;
        std::size_t output;
        std::size_t numPartitions;
    };

    std::size_t numInputs = 0;
    std::size_t numOutputs = 0;
    std::vector<Path> paths;
    std::size_t numBins = 0;
    /** The jobs of a group; see PartitionLevel::sumsPerPass. */
    std::size_t sumsPerPass = 1;
    /** Estimated cost of one transform, and of one partition's
        multiply-accumulate over all bins (only the proportions matter). */
    double transformCost = 0.0;
    double partitionCost = 0.0;
};

/** Cuts a level's job into units (forward transforms, multiply-accumulates
    over a few partitions and a slice of bins, inverse transforms), keeps
    track of which job of a group of sumsPerPass jobs is running, and runs
    the units: all at once, or paced over a block period by their estimated
    cost so that a deferred level's work spreads evenly over callbacks.
    The arithmetic itself stays with the level, which passes a callable
    that runs one unit; the scheduler only decides what and when. Each unit's
    sums are computed the same way however the job is spread, so pacing
    never changes the output.

    Threading: constructed off the audio thread; the rest runs on the audio
    thread without allocating or locking. */
class JobScheduler
{
public:
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
        std::size_t index;     // input (forward), path (multiplyAccumulate) or output (inverse)
        IndexRange partitions; // multiplyAccumulate only
        IndexRange bins;       // multiplyAccumulate only
        double costUntilDone;  // estimated cost of the job up to and including this unit
        /** multiplyAccumulate only: the first unit on these bins of its
            output's sums in a group's first job, which starts them from
            zero instead of the job clearing them first. */
        bool startsSums = false;
    };

    /** Partitions per multiply-accumulate unit: the kernel's spectra per
        call, and few enough that a deferred job spreads evenly over small
        host blocks. */
    static constexpr std::size_t partitionsPerUnit = splitSpectrum::spectraPerCall;

    JobScheduler() = default;
    explicit JobScheduler (const JobShape& shape);

    /** No job pending; the next job is a group's first. */
    void reset() noexcept;

    /** Begins the next job (of the group, or a new group's first) and
        returns its place in its group: 0 for the group's first. */
    std::size_t startJob() noexcept;

    /** Ends the open group: the next job is a group's first. */
    void closeGroup() noexcept { jobInGroup = nextJobInGroup = 0; }

    /** Runs the pending job's units up to the share of it due when
        `elapsed` of `period` samples have passed: all of it by three
        quarters of the period, so that the last callbacks before the
        deadline are not the ones left with the most work. */
    template <typename RunUnit>
    void catchUp (std::size_t elapsed, std::size_t period, RunUnit&& runUnit) noexcept
    {
        const auto& units = jobUnits();
        if (!pending || units.empty())
            return;
        const double share = std::min (1.0, static_cast<double> (elapsed) / (0.75 * static_cast<double> (period)));
        const double due = share * units.back().costUntilDone;
        while (nextUnit < units.size() && units[nextUnit].costUntilDone <= due)
            runUnit (units[nextUnit++]);
    }

    /** Runs what is left of the pending job; false when none was pending. */
    template <typename RunUnit>
    bool finishJob (RunUnit&& runUnit) noexcept
    {
        if (!pending)
            return false;
        const auto& units = jobUnits();
        while (nextUnit < units.size())
            runUnit (units[nextUnit++]);
        pending = false;
        return true;
    }

    /** The place in its group of the job running or last run. */
    [[nodiscard]] std::size_t currentJobInGroup() const noexcept { return jobInGroup; }
    [[nodiscard]] std::size_t sumsPerPass() const noexcept { return groupSize; }
    /** Whether a group's first job starts every sum of `output` from zero
        with its units (its first path reaches all the sums), so the sums
        need no clearing before the group. */
    [[nodiscard]] bool unitsStartSums (std::size_t output) const noexcept { return outputSumsStarted[output] != 0; }
    /** The units of the job at `place` in its group, in the order they run. */
    [[nodiscard]] const std::vector<Unit>& unitsOfJob (std::size_t place) const noexcept { return jobs[place]; }

private:
    [[nodiscard]] const std::vector<Unit>& jobUnits() const noexcept { return jobs[jobInGroup]; }
    void addMultiplyAccumulateUnits (std::vector<Unit>& job, const JobShape& shape, std::size_t place,
                                     std::size_t pathIndex, bool startsSums, double& total);

    std::size_t groupSize = 1;
    std::array<std::vector<Unit>, splitSpectrum::maxSumsPerPass> jobs; // the units of each job of a group
    std::vector<char> outputSumsStarted;
    std::size_t jobInGroup = 0;     // of the job running or last run: 0 the group's first
    std::size_t nextJobInGroup = 0; // 0 when no group is open
    std::size_t nextUnit = 0;
    bool pending = false;
};

} // namespace partita
