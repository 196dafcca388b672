// SPDX-License-Identifier: GPL-3.0-or-later
#include "JobScheduler.h"

namespace partita
{
namespace
{
/** At most this many bin products per multiply-accumulate unit (a few tens
    of microseconds), so that the large partitions' work, split by frequency
    as well, spreads evenly over small host blocks. Splitting by bins changes
    no sum: each bin is accumulated on its own. */
constexpr std::size_t binProductsPerUnit = 16384;
constexpr std::size_t binAlignment = 16; // keeps every piece on a 64-byte boundary
} // namespace

JobScheduler::JobScheduler (const JobShape& shape)
    : groupSize (std::clamp<std::size_t> (shape.sumsPerPass, 1, splitSpectrum::maxSumsPerPass))
    , outputSumsStarted (shape.numOutputs, 0)
{
    std::vector<char> inputHasPaths (shape.numInputs, 0), outputHasPaths (shape.numOutputs, 0);
    for (const auto& path : shape.paths)
        inputHasPaths[path.input] = outputHasPaths[path.output] = 1;

    for (std::size_t place = 0; place < groupSize; ++place)
    {
        auto& job = jobs[place];
        double total = 0.0;
        for (std::size_t input = 0; input < shape.numInputs; ++input)
            if (inputHasPaths[input] != 0)
                job.push_back ({ UnitKind::forward, input, {}, {}, total += shape.transformCost });

        for (std::size_t output = 0; output < shape.numOutputs; ++output)
        {
            bool firstPath = true;
            for (std::size_t p = 0; p < shape.paths.size(); ++p)
            {
                if (shape.paths[p].output != output)
                    continue;
                // Its first call feeds all the sums when every sum's first
                // partition exists (see ConvolutionLevel::multiplyAccumulate).
                const bool startsSums = place == 0 && firstPath && shape.paths[p].numPartitions >= groupSize;
                if (place == 0 && firstPath)
                    outputSumsStarted[output] = startsSums ? 1 : 0;
                firstPath = false;
                addMultiplyAccumulateUnits (job, shape, place, p, startsSums, total);
            }
            if (outputHasPaths[output] != 0)
                job.push_back ({ UnitKind::inverse, output, {}, {}, total += shape.transformCost });
        }
    }
    reset();
}

void JobScheduler::addMultiplyAccumulateUnits (std::vector<Unit>& job, const JobShape& shape, std::size_t place,
                                               std::size_t pathIndex, bool startsSums, double& total)
{
    // The group's first job: every partition, for all the group's sums. A
    // later one: the partitions the first left out.
    const auto numPartitions = shape.paths[pathIndex].numPartitions;
    const auto count = place == 0 ? numPartitions : std::min (place, numPartitions);
    const auto bins = shape.numBins;
    for (std::size_t first = 0; first < count; first += partitionsPerUnit)
    {
        const auto end = std::min (count, first + partitionsPerUnit);
        const auto binsPerUnit =
            std::max (binAlignment, binProductsPerUnit / (end - first) / binAlignment * binAlignment);
        for (std::size_t firstBin = 0; firstBin < bins; firstBin += binsPerUnit)
        {
            const auto endBin = std::min (bins, firstBin + binsPerUnit);
            total += shape.partitionCost * static_cast<double> (end - first) * static_cast<double> (endBin - firstBin)
                     / static_cast<double> (bins);
            job.push_back ({ UnitKind::multiplyAccumulate,
                             pathIndex,
                             { first, end },
                             { firstBin, endBin },
                             total,
                             startsSums && first == 0 });
        }
    }
}

void JobScheduler::reset() noexcept
{
    jobInGroup = 0;
    nextJobInGroup = 0;
    nextUnit = jobUnits().size();
    pending = false;
}

std::size_t JobScheduler::startJob() noexcept
{
    jobInGroup = nextJobInGroup;
    nextJobInGroup = jobInGroup + 1 == groupSize ? 0 : jobInGroup + 1;
    nextUnit = 0;
    pending = true;
    return jobInGroup;
}

} // namespace partita
