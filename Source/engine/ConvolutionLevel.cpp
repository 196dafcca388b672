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
constexpr std::size_t partitionsPerUnit = JobScheduler::partitionsPerUnit;

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
{
    const auto sumsPerPass = std::clamp<std::size_t> (geometry.sumsPerPass, 1, splitSpectrum::maxSumsPerPass);
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
        for (std::size_t sum = 0; sum < sumsPerPass; ++sum)
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

    scheduler = JobScheduler (jobShape (costs, sumsPerPass));
    reset();
}

JobShape ConvolutionLevel::jobShape (const CostModel& costs, std::size_t sumsPerPass) const
{
    JobShape shape;
    shape.sumsPerPass = sumsPerPass;
    shape.numInputs = inputs.size();
    shape.numOutputs = outputs.size();
    for (const auto& path : paths)
        shape.paths.push_back ({ path.input, path.output, path.kernel.numPartitions() });
    shape.numBins = fft.numBins();
    // (Cached or not, only the proportions matter here: they spread the job evenly.)
    shape.transformCost = costs.fftSeconds (2 * blockSize);
    shape.partitionCost = static_cast<double> (fft.numBins()) * costs.multiplyAccumulateSecondsPerBin();
    return shape;
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
    scheduler.reset();
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

    scheduler.catchUp (position, blockSize, [this] (const JobScheduler::Unit& unit) { runUnit (unit); });
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
    scheduler.closeGroup();
    clearSums (1);
    // Partition p multiplies the block p blocks back, which is delay-line age
    // p - 1 while the current block is not in the line yet.
    for (std::size_t p = 0; p < paths.size(); ++p)
        for (std::size_t first = 1; first < paths[p].kernel.numPartitions(); first += partitionsPerUnit)
            multiplyAccumulate (p, { first, std::min (paths[p].kernel.numPartitions(), first + partitionsPerUnit) },
                                first - 1, { 0, fft.numBins() }, { 0, 1 });
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
        multiplyAccumulate (p, { 0, 1 }, 0, { 0, fft.numBins() }, { 0, 1 });
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
    // A group's later job finds its sum holding the first job's part; the
    // first job's units start the sums from zero where they can.
    if (scheduler.startJob() == 0)
        for (std::size_t o = 0; o < outputs.size(); ++o)
            if (outputs[o].hasPaths && !scheduler.unitsStartSums (o))
                clearSums (outputs[o], scheduler.sumsPerPass());
}

void ConvolutionLevel::finishJob() noexcept
{
    if (!scheduler.finishJob ([this] (const JobScheduler::Unit& unit) { runUnit (unit); }))
        return;
    for (auto& output : outputs)
        if (output.hasPaths)
            std::swap (output.playing, output.finished);
}

void ConvolutionLevel::transformInput (InputState& input) noexcept
{
    if (input.spectra.numSlots() == 0)
        return;
    const auto slot = input.spectra.pushSlot();
    fft.forward (input.jobInput.data(), slot.real, slot.imag);
}

void ConvolutionLevel::multiplyAccumulate (std::size_t pathIndex, IndexRange partitions, std::size_t firstAgeOfRange,
                                           IndexRange bins, IndexRange sums, splitSpectrum::SumStart start) noexcept
{
    const auto& path = paths[pathIndex];
    const auto& spectra = inputs[path.input].spectra;
    auto& output = outputs[path.output];
    const auto kernelEnd = path.kernel.numPartitions();
    std::array<const float*, partitionsPerUnit> inputReal {}, inputImag {};
    std::array<const float*, partitionsPerUnit + splitSpectrum::maxSumsPerPass - 1> kernelReal {}, kernelImag {};
    std::array<float*, splitSpectrum::maxSumsPerPass> sumReal {}, sumImag {};
    const auto count = partitions.size();
    for (std::size_t j = 0; j < count; ++j)
    {
        inputReal[j] = spectra.real (firstAgeOfRange + j) + bins.first;
        inputImag[j] = spectra.imag (firstAgeOfRange + j) + bins.first;
    }
    for (std::size_t j = 0; j + 1 < count + sums.size() && partitions.first + j < kernelEnd; ++j)
    {
        kernelReal[j] = path.kernel.real (partitions.first + j) + bins.first;
        kernelImag[j] = path.kernel.imag (partitions.first + j) + bins.first;
    }
    for (std::size_t d = 0; d < sums.size(); ++d)
    {
        sumReal[d] = output.sumReal[sums.first + d].data() + bins.first;
        sumImag[d] = output.sumImag[sums.first + d].data() + bins.first;
    }

    // Every spectrum whose products all fall inside the kernel in one call;
    // each of the last few, nearer the kernel's end than the number of sums,
    // only into the sums whose partition exists (multiplying by a zero
    // partition instead would turn an infinite input into a NaN).
    const auto whole = std::min (count, kernelEnd + 1 - std::min (kernelEnd + 1, partitions.first + sums.size()));
    if (whole > 0)
        splitSpectrum::multiplyAccumulate ({ .input = { inputReal.data(), inputImag.data() },
                                             .kernel = { kernelReal.data(), kernelImag.data() },
                                             .sums = { sumReal.data(), sumImag.data() },
                                             .count = whole,
                                             .sumsPerPass = sums.size(),
                                             .numBins = bins.size(),
                                             .start = start });
    for (auto j = whole; j < count; ++j)
        splitSpectrum::multiplyAccumulate ({ .input = { inputReal.data() + j, inputImag.data() + j },
                                             .kernel = { kernelReal.data() + j, kernelImag.data() + j },
                                             .sums = { sumReal.data(), sumImag.data() },
                                             .count = 1,
                                             .sumsPerPass = kernelEnd - (partitions.first + j),
                                             .numBins = bins.size() });
}

const float* ConvolutionLevel::transformSum (OutputState& output, std::size_t sum) noexcept
{
    fft.inverse (output.sumReal[sum].data(), output.sumImag[sum].data());
    return fft.timeData().data();
}

void ConvolutionLevel::runUnit (const JobScheduler::Unit& unit) noexcept
{
    const auto jobInGroup = scheduler.currentJobInGroup();
    switch (unit.kind)
    {
        case JobScheduler::UnitKind::forward:
            transformInput (inputs[unit.index]);
            return;
        case JobScheduler::UnitKind::multiplyAccumulate:
        {
            // The group's first job feeds all its sums; a later one its own.
            const IndexRange sums { jobInGroup, jobInGroup == 0 ? scheduler.sumsPerPass() : jobInGroup + 1 };
            multiplyAccumulate (unit.index, unit.partitions, firstAge + unit.partitions.first, unit.bins, sums,
                                unit.startsSums ? splitSpectrum::SumStart::zero
                                                : splitSpectrum::SumStart::accumulators);
            return;
        }
        case JobScheduler::UnitKind::inverse:
        {
            auto& output = outputs[unit.index];
            const float* time = transformSum (output, jobInGroup);
            overlapAdd (time, output.overlap.data(), output.finished.data(), blockSize);
            return;
        }
    }
}

} // namespace partita
