// SPDX-License-Identifier: GPL-3.0-or-later
#include "PartitaBenchmarkEngine.h"

#include <algorithm>
#include <span>
#include <sstream>

namespace partita::benchmark
{

PartitaBenchmarkEngine::PartitaBenchmarkEngine (const StereoBuffer& ir, std::size_t blockSizeToUse,
                                                PartitionScheme scheme, HostBlocks hostBlocks)
    : blockSize (blockSizeToUse)
{
    KernelMatrix kernels (2, 2);
    kernels.setKernel (0, 0, ir[0]);
    kernels.setKernel (1, 1, ir[1]);

    EngineConfig config;
    config.firstPartitionSize = std::max<std::size_t> (blockSize, 16);
    config.latencyMode = LatencyMode::zero;
    config.scheme = scheme;
    config.expectedBlockSize = blockSize;
    config.sampleRate = benchmarkSampleRate;
    config.hostBlocks = hostBlocks;
    engine.prepare (kernels, config);
}

void PartitaBenchmarkEngine::process (const float* const* inputs, float* const* outputs) noexcept
{
    engine.process (std::span<const float* const> (inputs, 2), std::span<float* const> (outputs, 2), blockSize);
}

std::optional<std::size_t> PartitaBenchmarkEngine::reportedLatency() const
{
    return engine.latencySamples();
}

std::string PartitaBenchmarkEngine::describeConfiguration() const
{
    std::ostringstream text;
    const auto& config = engine.config();
    text << "partition " << config.firstPartitionSize << ", max " << config.maxPartitionSize << ", expected block "
         << config.expectedBlockSize << (config.hostBlocks == HostBlocks::steady ? ", steady blocks" : ", any cut")
         << "; plan: ";
    if (const auto* plan = engine.plan())
    {
        text << "direct head " << plan->headLength;
        for (const auto& level : plan->levels)
            text << " + " << level.numPartitions << "x" << level.partitionSize
                 << (level.sumsPerPass > 1 ? " [" + std::to_string (level.sumsPerPass) + " sums a pass]" : "")
                 << (level.deferred        ? " (spread)"
                     : level.firstTap == 0 ? " (with the block in hand)"
                                           : "");
        text << "; model " << plan->estimatedSecondsPerSample * 1e9 << " ns/sample";
    }
    else
    {
        text << "none";
    }
    return text.str();
}

} // namespace partita::benchmark
