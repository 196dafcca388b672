// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConvolutionEngine.h"

#include "AlignedBuffer.h"
#include "ConvolutionLevel.h"
#include "CostModel.h"
#include "DirectHeadFilter.h"
#include "ScopedDenormalFlush.h"

#include <algorithm>
#include <bit>
#include <stdexcept>
#include <string>
#include <vector>

namespace partita
{

/*  For a first partition of P0 samples: taps [0, P0) run as a direct FIR
    (the head) on a line of 2 P0 - 1 samples per input, the rest in levels
    of FFT partitions (ConvolutionLevel). Host blocks are cut at every P0
    boundary; every partition size is a multiple of P0, so no piece crosses
    a block boundary of any level. With latency, the kernels sit P0 later
    and there is no head. A current level (HostBlocks::steady) transforms
    the block being received; a block that arrives in pieces falls back to
    a direct FIR on a line of the block alone. docs/engine.md, "How the
    pieces fit". */
class ConvolutionEngine::Implementation
{
public:
    Implementation (const KernelMatrix& kernels, const EngineConfig& engineConfig)
        : config (engineConfig)
        , numInputChannels (kernels.numInputs())
        , numOutputChannels (kernels.numOutputs())
        , shift (engineConfig.latencyMode == LatencyMode::onePartition ? engineConfig.firstPartitionSize : 0)
        , longestKernel (kernels.longestKernel())
    {
        std::size_t numPaths = 0;
        for (std::size_t input = 0; input < numInputChannels; ++input)
            for (std::size_t output = 0; output < numOutputChannels; ++output)
                numPaths += kernels.hasKernel (input, output) ? 1u : 0u;

        const auto& costs = CostModel::measured();
        PlanningProblem problem;
        problem.kernelLength = longestKernel + shift;
        problem.firstPartition = engineConfig.firstPartitionSize;
        problem.maxPartition = engineConfig.maxPartitionSize;
        problem.expectedBlockSize = engineConfig.expectedBlockSize;
        if (engineConfig.expectedBlockSize > 0 && engineConfig.sampleRate > 0.0)
            problem.blockPeriodSeconds = static_cast<double> (engineConfig.expectedBlockSize) / engineConfig.sampleRate;
        problem.firstPartitionIsFlexible = engineConfig.latencyMode == LatencyMode::zero;
        problem.directHead = engineConfig.latencyMode == LatencyMode::zero;
        problem.steadyBlocks = engineConfig.hostBlocks == HostBlocks::steady && engineConfig.expectedBlockSize >= 16
                               && engineConfig.expectedBlockSize <= 8192;
        problem.numInputs = numInputChannels;
        problem.numOutputs = numOutputChannels;
        problem.numPaths = std::max<std::size_t> (numPaths, 1);
        plan = planPartitions (problem, engineConfig.scheme, costs);

        blockSize = plan.levels.empty() ? std::max (plan.headLength, engineConfig.firstPartitionSize)
                                        : plan.levels.front().partitionSize;
        for (const auto& geometry : plan.levels)
            levels.emplace_back (geometry, kernels, shift, costs);
        currentLevel = !levels.empty() && levels.front().coversCurrentBlock() ? &levels.front() : nullptr;
        // A current level's fallback sums its first partition directly.
        const auto headLength = currentLevel != nullptr ? blockSize : plan.headLength;

        for (std::size_t input = 0; input < numInputChannels; ++input)
            lines.emplace_back (2 * blockSize - 1);
        for (std::size_t input = 0; input < numInputChannels; ++input)
            for (std::size_t output = 0; output < numOutputChannels; ++output)
                if (headLength > 0 && kernels.hasKernel (input, output))
                {
                    const auto taps = kernels.kernel (input, output);
                    heads.push_back (
                        { input, output, DirectHeadFilter (taps.first (std::min (headLength, taps.size()))) });
                }

        reset();
    }

    void reset() noexcept
    {
        for (auto& line : lines)
            line.clear();
        for (auto& level : levels)
            level.reset();
        position = 0;
        blockArrivesWhole = true;
        fallbackBlocks = 0;
    }

    void process (std::span<const float* const> in, std::span<float* const> out, std::size_t numSamples) noexcept
    {
        std::size_t done = 0;
        while (done < numSamples)
        {
            const auto chunk = std::min (numSamples - done, blockSize - position);
            const auto linePosition = blockSize - 1 + position;
            if (currentLevel != nullptr && position == 0)
            {
                blockArrivesWhole = chunk == blockSize;
                fallbackBlocks += blockArrivesWhole ? 0u : 1u;
            }
            const bool directHead = currentLevel == nullptr || !blockArrivesWhole;

            // All inputs are stored before any output is written, so that
            // in-place processing (an output aliasing an input) is safe.
            for (std::size_t i = 0; i < numInputChannels; ++i)
            {
                if (directHead)
                    std::copy_n (in[i] + done, chunk, lines[i].data() + linePosition);
                for (auto& level : levels)
                    level.write (i, in[i] + done, chunk);
            }

            if (currentLevel != nullptr && position == 0)
            {
                if (blockArrivesWhole)
                    currentLevel->computeWholeBlock();
                else
                    currentLevel->computeBlockWithoutItself();
            }

            for (std::size_t o = 0; o < numOutputChannels; ++o)
            {
                std::fill_n (out[o] + done, chunk, 0.0f);
                for (const auto& level : levels)
                    level.addOutput (o, out[o] + done, chunk);
            }

            if (directHead)
                for (const auto& head : heads)
                    head.filter.process (lines[head.input].data() + linePosition, out[head.output] + done, chunk);

            for (auto& level : levels)
                level.advance (chunk);

            position += chunk;
            done += chunk;
            if (position == blockSize)
            {
                // Keep the last P0 - 1 samples as the next block's history
                // (a current level's fallback line keeps only zeros there).
                if (currentLevel == nullptr)
                    for (auto& line : lines)
                        std::copy_n (line.data() + blockSize, blockSize - 1, line.data());
                position = 0;
            }
        }
    }

    std::size_t numInputs() const noexcept { return numInputChannels; }
    std::size_t numOutputs() const noexcept { return numOutputChannels; }
    std::size_t latency() const noexcept { return shift; }
    std::size_t tail() const noexcept { return longestKernel == 0 ? 0 : longestKernel - 1 + latency(); }
    std::size_t alignment() const noexcept { return currentLevel != nullptr ? blockSize : 1; }
    std::size_t fallbacks() const noexcept { return fallbackBlocks; }

    EngineConfig config;
    PartitionPlan plan;

private:
    struct Head
    {
        std::size_t input;
        std::size_t output;
        DirectHeadFilter filter;
    };

    std::size_t numInputChannels;
    std::size_t numOutputChannels;
    std::size_t shift;
    std::size_t longestKernel;
    std::size_t blockSize = 0;
    std::vector<AlignedBuffer<float>> lines;
    std::vector<Head> heads;
    std::vector<ConvolutionLevel> levels;
    ConvolutionLevel* currentLevel = nullptr; // levels.front() when it covers the block being received
    std::size_t position = 0;                 // samples of the current P0-block already received
    bool blockArrivesWhole = true;
    std::size_t fallbackBlocks = 0;
};

ConvolutionEngine::ConvolutionEngine() = default;
ConvolutionEngine::~ConvolutionEngine() = default;
ConvolutionEngine::ConvolutionEngine (ConvolutionEngine&&) noexcept = default;
ConvolutionEngine& ConvolutionEngine::operator= (ConvolutionEngine&&) noexcept = default;

void ConvolutionEngine::prepare (const KernelMatrix& kernels, const EngineConfig& config)
{
    implementation.reset();

    const auto size = config.firstPartitionSize;
    if (size < 8 || size > largestPartitionSize || !std::has_single_bit (size))
        throw std::invalid_argument ("the partition size must be a power of two from 8 to "
                                     + std::to_string (largestPartitionSize));
    if (kernels.numInputs() == 0 || kernels.numOutputs() == 0)
        throw std::invalid_argument ("the engine needs at least one input and one output");

    implementation = std::make_unique<Implementation> (kernels, config);
}

void ConvolutionEngine::reset() noexcept PARTITA_NONBLOCKING
{
    if (implementation != nullptr)
        implementation->reset();
}

void ConvolutionEngine::process (std::span<const float* const> inputs, std::span<float* const> outputs,
                                 std::size_t numSamples) noexcept PARTITA_NONBLOCKING
{
    const ScopedDenormalFlush flushDenormals;

    if (implementation == nullptr || inputs.size() != numInputs() || outputs.size() != numOutputs())
    {
        for (auto* output : outputs)
            if (output != nullptr)
                std::fill_n (output, numSamples, 0.0f);
        return;
    }

    implementation->process (inputs, outputs, numSamples);
}

bool ConvolutionEngine::isPrepared() const noexcept
{
    return implementation != nullptr;
}

std::size_t ConvolutionEngine::numInputs() const noexcept
{
    return implementation != nullptr ? implementation->numInputs() : 0;
}

std::size_t ConvolutionEngine::numOutputs() const noexcept
{
    return implementation != nullptr ? implementation->numOutputs() : 0;
}

std::size_t ConvolutionEngine::latencySamples() const noexcept
{
    return implementation != nullptr ? implementation->latency() : 0;
}

std::size_t ConvolutionEngine::tailSamples() const noexcept
{
    return implementation != nullptr ? implementation->tail() : 0;
}

std::size_t ConvolutionEngine::blockAlignment() const noexcept
{
    return implementation != nullptr ? implementation->alignment() : 1;
}

std::size_t ConvolutionEngine::directFallbackBlocks() const noexcept
{
    return implementation != nullptr ? implementation->fallbacks() : 0;
}

const PartitionPlan* ConvolutionEngine::plan() const noexcept
{
    return implementation != nullptr ? &implementation->plan : nullptr;
}

const EngineConfig& ConvolutionEngine::config() const noexcept
{
    static const EngineConfig unprepared {};
    return implementation != nullptr ? implementation->config : unprepared;
}

} // namespace partita
