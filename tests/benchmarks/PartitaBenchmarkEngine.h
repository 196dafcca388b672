// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BenchmarkEngine.h"
#include "StereoSignals.h"

#include "engine/ConvolutionEngine.h"

namespace partita::benchmark
{

/** Partita's ConvolutionEngine at zero latency, first partition = host block
    (at least 16), with the partition scheme under test.

    Threading: as BenchmarkEngine. */
class PartitaBenchmarkEngine final : public BenchmarkEngine
{
public:
    PartitaBenchmarkEngine (const StereoBuffer& ir, std::size_t blockSize, PartitionScheme scheme);

    void process (const float* const* inputs, float* const* outputs) noexcept override;
    [[nodiscard]] std::optional<std::size_t> reportedLatency() const override;
    [[nodiscard]] std::string describeConfiguration() const override;

private:
    ConvolutionEngine engine;
    std::size_t blockSize;
};

} // namespace partita::benchmark
