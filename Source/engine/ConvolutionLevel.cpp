// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConvolutionLevel.h"

#include "SimdDispatch.h"
#include "SplitSpectrum.h"
#include "VectorArithmetic.h"

#include <algorithm>
#include <array>
#include <utility>

namespace partita
{
namespace
{
/** Partitions per multiply-accumulate unit (see spectraPerCall); few
    enough, too, that a deferred job spreads evenly over small host blocks. */
constexpr std::size_t partitionsPerUnit = splitSpectrum::spectraPerCall;

/** At most this many bin products per multiply-accumulate unit (a few
    tens of microseconds), so that the large partitions' work, split by
    frequency as well, spreads evenly over small host blocks. Splitting by
    bins changes no sum: each bin is accumulated on its own. */
constexpr std::size_t binProductsPerUnit = 16384;
constexpr std::size_t binAlignment = 16; // keeps every piece on a 64-byte boundary

/** block = the inverse transform's first half + the overlap it left; the
    overlap becomes its second half. Cloned for AVX2 and AVX-512 like the
    engine's other per-sample loops (the baseline build adds four floats at a
    time); element-wise, so every clone gives the same bits. */
PARTITA_SIMD_CLONES
void overlapAdd (const float* time, float* overlap, float* block, std::size_t blockSize) noexcept
{
    for (std::size_t t = 0; t < blockSize; ++t)
    {
        block[t] = time[t] + overlap[t];
        overlap[t] = time[blockSize + t];
    }
}

/** The taps of one path that fall in [first, first + count) of the
    engine's timeline, where kernel tap t sits at t + shift. */
std::vector<float> tapsInRange (std::span<const float> taps, std::size_t shift, std::size_t first, std::size_t count)
{
    std::vector<float> range (count, 0.0f);
    for (std::size_t n = 0; n < count; ++n)
    {
        const auto position = first + n;
        if (position >= shift && position - shift < taps.size())
            range[n] = taps[position - shift];
    }
    while (!range.empty() && range.back() == 0.0f)
        range.pop_back();
    return range;
}
} // namespace

ConvolutionLevel::ConvolutionLevel (const PartitionLevel& geometry, const KernelMatrix& kernels,
                                    std::size_t kernelShift, const CostModel& costs)
    : blockSize (geometry.partitionSize)
    , firstAge (geometry.firstTap == 0 ? 0 : geometry.firstTap / geometry.partitionSize - (geometry.deferred ? 2 : 1))
    , deferred (geometry.deferred)
    , current (geometry.firstTap == 0)
    , fft (2 * geometry.partitionSize, FftPlanning::measure)
    , depth (std::clamp<std::size_t> (geometry.sumsPerPass, 1, splitSpectrum::maxDepth))
{
    const auto bins = fft.numBins();
    const auto stride = AlignedBuffer<float>::alignedStride (bins);
    const auto span = geometry.numPartitions * blockSize;

    std::vector<std::size_t> slots (kernels.numInputs(), 0);
    outputs.resize (kernels.numOutputs());
    for (std::size_t input = 0; input < kernels.numInputs(); ++input)
    {
        for (std::size_t output = 0; output < kernels.numOutputs(); ++output)
        {
            if (!kernels.hasKernel (input, output))
                continue;
            const auto taps = tapsInRange (kernels.kernel (input, output), kernelShift, geometry.firstTap, span);
            if (taps.empty())
                continue;
            Path path { input, output, PartitionedKernel (taps, blockSize, fft) };
            slots[input] = std::max (slots[input], firstAge + path.kernel.numPartitions());
            outputs[output].hasPaths = true;
            paths.push_back (std::move (path));
        }
    }

    for (auto& output : outputs)
    {
        if (!output.hasPaths)
            continue;
        for (std::size_t sum = 0; sum < depth; ++sum)
        {
            output.sumReal[sum] = AlignedBuffer<float> (stride);
            output.sumImag[sum] = AlignedBuffer<float> (stride);
        }
        output.playing = AlignedBuffer<float> (blockSize);
        output.finished = AlignedBuffer<float> (blockSize);
        output.overlap = AlignedBuffer<float> (blockSize);
    }

    for (std::size_t input = 0; input < kernels.numInputs(); ++input)
    {
        InputState state;
        if (slots[input] > 0)
        {
            state.block = AlignedBuffer<float> (2 * blockSize);
            state.jobInput = AlignedBuffer<float> (2 * blockSize);
            state.spectra = FrequencyDomainDelayLine (slots[input], bins);
        }
        inputs.push_back (std::move (state));
    }

    buildUnits (costs);
    reset();
}

void ConvolutionLevel::buildUnits (const CostModel& costs)
{
    const double transformCost = costs.fftSeconds (2 * blockSize);
    const double partitionCost = static_cast<double> (fft.numBins()) * costs.multiplyAccumulateSecondsPerBin();
    // (Cached or not, only the proportions matter here: they spread the job evenly.)
    const auto bins = fft.numBins();
    for (std::size_t jobPhase = 0; jobPhase < depth; ++jobPhase)
    {
        auto& units = unitsOfPhase[jobPhase];
        double total = 0.0;
        for (std::size_t input = 0; input < inputs.size(); ++input)
            if (inputs[input].spectra.numSlots() > 0)
                units.push_back ({ UnitKind::forward, input, 0, 0, 0, 0, total += transformCost });

        for (std::size_t output = 0; output < outputs.size(); ++output)
        {
            bool firstPath = true;
            for (std::size_t p = 0; p < paths.size(); ++p)
            {
                if (paths[p].output != output)
                    continue;
                // Its first call feeds all the sums when every sum's first
                // partition exists (see multiplyAccumulate).
                const bool startsSums = jobPhase == 0 && firstPath && paths[p].kernel.numPartitions() >= depth;
                if (jobPhase == 0 && firstPath)
                    outputs[output].unitsStartSums = startsSums;
                firstPath = false;
                // The group's first job: every partition, for all the group's
                // sums. A later one: the partitions the first left out.
                const auto count = jobPhase == 0 ? paths[p].kernel.numPartitions()
                                                 : std::min (jobPhase, paths[p].kernel.numPartitions());
                for (std::size_t first = 0; first < count; first += partitionsPerUnit)
                {
                    const auto end = std::min (count, first + partitionsPerUnit);
                    const auto binsPerUnit =
                        std::max (binAlignment, binProductsPerUnit / (end - first) / binAlignment * binAlignment);
                    for (std::size_t firstBin = 0; firstBin < bins; firstBin += binsPerUnit)
                    {
                        const auto endBin = std::min (bins, firstBin + binsPerUnit);
                        total += partitionCost * static_cast<double> (end - first)
                                 * static_cast<double> (endBin - firstBin) / static_cast<double> (bins);
                        units.push_back ({ UnitKind::multiplyAccumulate, p, first, end, firstBin, endBin, total,
                                           startsSums && first == 0 });
                    }
                }
            }
            if (outputs[output].hasPaths)
                units.push_back ({ UnitKind::inverse, output, 0, 0, 0, 0, total += transformCost });
        }
    }
}

void ConvolutionLevel::reset() noexcept
{
    for (auto& input : inputs)
    {
        input.block.clear();
        input.jobInput.clear();
        input.spectra.clear();
    }
    for (auto& output : outputs)
    {
        output.playing.clear();
        output.finished.clear();
        output.overlap.clear();
    }
    position = 0;
    phase = 0;
    nextPhase = 0;
    nextUnit = jobUnits().size();
    jobPending = false;
    blockWithoutItself = false;
}

void ConvolutionLevel::write (std::size_t input, const float* samples, std::size_t count) noexcept
{
    auto& block = inputs[input].block;
    if (block.size() > 0)
        std::copy_n (samples, count, block.data() + position);
}

void ConvolutionLevel::addOutput (std::size_t output, float* destination, std::size_t count) const noexcept
{
    const auto& state = outputs[output];
    if (!state.hasPaths)
        return;
    addInto (destination, state.playing.data() + position, count);
}

void ConvolutionLevel::advance (std::size_t count) noexcept
{
    position += count;
    if (current)
    {
        if (position == blockSize)
        {
            position = 0;
            if (blockWithoutItself)
                completeBlockWithoutItself();
        }
        return;
    }

    if (position == blockSize)
    {
        position = 0;
        if (deferred)
        {
            // The job started one block ago is due now: finish what is left.
            finishJob();
            startJob();
        }
        else
        {
            startJob();
            finishJob();
        }
        return;
    }

    if (jobPending && !jobUnits().empty())
    {
        // Keep a quarter of the period in hand, so the last callbacks before
        // the deadline are not the ones left with the most work.
        const double fraction =
            std::min (1.0, static_cast<double> (position) / (0.75 * static_cast<double> (blockSize)));
        runJobUntil (fraction * jobUnits().back().costUntilDone);
    }
}

void ConvolutionLevel::computeWholeBlock() noexcept
{
    blockWithoutItself = false;
    startJob();
    finishJob();
}

void ConvolutionLevel::computeBlockWithoutItself() noexcept
{
    blockWithoutItself = true;
    // Computed on its own, not as part of a group: the next whole block
    // starts a new group.
    phase = 0;
    nextPhase = 0;
    clearSums (1);
    // Partition p multiplies the block p blocks back, which is delay-line age
    // p - 1 while the current block is not in the line yet.
    for (std::size_t p = 0; p < paths.size(); ++p)
        for (std::size_t first = 1; first < paths[p].kernel.numPartitions(); first += partitionsPerUnit)
            multiplyAccumulate (p, first, std::min (paths[p].kernel.numPartitions(), first + partitionsPerUnit),
                                first - 1, 0, fft.numBins(), 0, 1);
    for (auto& output : outputs)
    {
        if (!output.hasPaths)
            continue;
        const float* time = transformSum (output, 0);
        overlapAdd (time, output.overlap.data(), output.playing.data(), blockSize);
    }
}

void ConvolutionLevel::completeBlockWithoutItself() noexcept
{
    // The block's own first-partition product: its first half was summed
    // directly while the block played; the second half spills into the next.
    blockWithoutItself = false;
    for (auto& input : inputs)
    {
        if (input.block.size() == 0)
            continue;
        std::swap (input.block, input.jobInput);
        transformInput (input);
    }
    clearSums (1);
    for (std::size_t p = 0; p < paths.size(); ++p)
        multiplyAccumulate (p, 0, 1, 0, 0, fft.numBins(), 0, 1);
    for (auto& output : outputs)
    {
        if (!output.hasPaths)
            continue;
        const float* time = transformSum (output, 0);
        addInto (output.overlap.data(), time + blockSize, blockSize);
    }
}

void ConvolutionLevel::clearSums (std::size_t count) noexcept
{
    for (auto& output : outputs)
        if (output.hasPaths)
            clearSums (output, count);
}

void ConvolutionLevel::clearSums (OutputState& output, std::size_t count) noexcept
{
    for (std::size_t sum = 0; sum < count; ++sum)
    {
        output.sumReal[sum].clear();
        output.sumImag[sum].clear();
    }
}

void ConvolutionLevel::startJob() noexcept
{
    for (auto& input : inputs)
        if (input.block.size() > 0)
            std::swap (input.block, input.jobInput);
    phase = nextPhase;
    nextPhase = phase + 1 == depth ? 0 : phase + 1;
    // A group's later job finds its sum holding the first job's part; the
    // first job's units start the sums from zero where they can.
    if (phase == 0)
        for (auto& output : outputs)
            if (output.hasPaths && !output.unitsStartSums)
                clearSums (output, depth);
    nextUnit = 0;
    jobPending = true;
}

void ConvolutionLevel::finishJob() noexcept
{
    if (!jobPending)
        return;
    const auto& units = jobUnits();
    while (nextUnit < units.size())
        runUnit (units[nextUnit++]);
    for (auto& output : outputs)
        if (output.hasPaths)
            std::swap (output.playing, output.finished);
    jobPending = false;
}

void ConvolutionLevel::runJobUntil (double cost) noexcept
{
    const auto& units = jobUnits();
    while (nextUnit < units.size() && units[nextUnit].costUntilDone <= cost)
        runUnit (units[nextUnit++]);
}

void ConvolutionLevel::transformInput (InputState& input) noexcept
{
    if (input.spectra.numSlots() == 0)
        return;
    const auto slot = input.spectra.pushSlot();
    fft.forward (input.jobInput.data(), slot.real, slot.imag);
}

void ConvolutionLevel::multiplyAccumulate (std::size_t pathIndex, std::size_t firstPartition, std::size_t endPartition,
                                           std::size_t firstAgeOfRange, std::size_t firstBin, std::size_t endBin,
                                           std::size_t firstSum, std::size_t sums,
                                           splitSpectrum::SumStart start) noexcept
{
    const auto& path = paths[pathIndex];
    const auto& spectra = inputs[path.input].spectra;
    auto& output = outputs[path.output];
    const auto kernelEnd = path.kernel.numPartitions();
    std::array<const float*, partitionsPerUnit> inputReal {}, inputImag {};
    std::array<const float*, partitionsPerUnit + splitSpectrum::maxDepth - 1> kernelReal {}, kernelImag {};
    std::array<float*, splitSpectrum::maxDepth> sumReal {}, sumImag {};
    const auto count = endPartition - firstPartition;
    for (std::size_t j = 0; j < count; ++j)
    {
        inputReal[j] = spectra.real (firstAgeOfRange + j) + firstBin;
        inputImag[j] = spectra.imag (firstAgeOfRange + j) + firstBin;
    }
    for (std::size_t j = 0; j + 1 < count + sums && firstPartition + j < kernelEnd; ++j)
    {
        kernelReal[j] = path.kernel.real (firstPartition + j) + firstBin;
        kernelImag[j] = path.kernel.imag (firstPartition + j) + firstBin;
    }
    for (std::size_t d = 0; d < sums; ++d)
    {
        sumReal[d] = output.sumReal[firstSum + d].data() + firstBin;
        sumImag[d] = output.sumImag[firstSum + d].data() + firstBin;
    }

    // Every spectrum whose products all fall inside the kernel in one call;
    // each of the last few, nearer the kernel's end than the number of sums,
    // only into the sums whose partition exists (multiplying by a zero
    // partition instead would turn an infinite input into a NaN).
    const auto whole = std::min (count, kernelEnd + 1 - std::min (kernelEnd + 1, firstPartition + sums));
    const auto bins = endBin - firstBin;
    if (whole > 0)
        splitSpectrum::multiplyAccumulateSums (inputReal.data(), inputImag.data(), kernelReal.data(), kernelImag.data(),
                                               whole, sums, sumReal.data(), sumImag.data(), bins, start);
    for (auto j = whole; j < count; ++j)
        splitSpectrum::multiplyAccumulateSums (inputReal.data() + j, inputImag.data() + j, kernelReal.data() + j,
                                               kernelImag.data() + j, 1, kernelEnd - (firstPartition + j),
                                               sumReal.data(), sumImag.data(), bins);
}

const float* ConvolutionLevel::transformSum (OutputState& output, std::size_t sum) noexcept
{
    fft.inverse (output.sumReal[sum].data(), output.sumImag[sum].data());
    return fft.timeData().data();
}

void ConvolutionLevel::runUnit (const Unit& unit) noexcept
{
    switch (unit.kind)
    {
        case UnitKind::forward:
            transformInput (inputs[unit.index]);
            return;
        case UnitKind::multiplyAccumulate:
            // The group's first job feeds all its sums; a later one its own.
            multiplyAccumulate (unit.index, unit.firstPartition, unit.endPartition, firstAge + unit.firstPartition,
                                unit.firstBin, unit.endBin, phase, phase == 0 ? depth : 1,
                                unit.startsSums ? splitSpectrum::SumStart::zero
                                                : splitSpectrum::SumStart::accumulators);
            return;
        case UnitKind::inverse:
        {
            auto& output = outputs[unit.index];
            const float* time = transformSum (output, phase);
            overlapAdd (time, output.overlap.data(), output.finished.data(), blockSize);
            return;
        }
    }
}

} // namespace partita
