// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BenchmarkEngine.h"
#include "StereoSignals.h"
#include "engine/ConvolutionEngine.h"

namespace partita::benchmark
{

/** Partita's ConvolutionEngine at zero latency, first partition = host block
    (at least 16), with the partition scheme and the promise about host
    blocks under test (the plugin promises steady blocks when the host's
    block is a power of two).

    Threading: as BenchmarkEngine. */
class PartitaBenchmarkEngine final : public BenchmarkEngine
{
public:
    PartitaBenchmarkEngine (const StereoBuffer& ir, std::size_t blockSize, PartitionScheme scheme,
                            HostBlocks hostBlocks);

    void process (const float* const* inputs, float* const* outputs) noexcept override;
    [[nodiscard]] std::optional<std::size_t> reportedLatency() const override;
    [[nodiscard]] std::string describeConfiguration() const override;

private:
    ConvolutionEngine engine;
    std::size_t blockSize;
};

} // namespace partita::benchmark
