// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/ConvolutionEngine.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace partita::test
{

/** Host block sizes drawn at random for every call: half of them small (1 to
    twice the partition, where the block-boundary logic lives), half anywhere
    from 1 to maxBlock. */
class RandomBlockSizes
{
public:
    RandomBlockSizes (std::uint32_t seed, std::size_t partitionSize, std::size_t maxBlock = 8192);
    std::size_t next();

private:
    std::uint64_t state;
    std::size_t smallLimit;
    std::size_t largeLimit;
};

using Channels = std::vector<std::vector<float>>;

/** Streams inputs (plus enough silence for the whole tail) through a prepared
    engine in random block sizes and returns, per output, the samples from
    the engine's latency on: the engine's estimate of the full convolution,
    `length` samples per output. */
Channels streamThroughEngine (ConvolutionEngine& engine, const Channels& inputs, std::size_t length,
                              std::uint32_t blockSeed);

/** The size of the host call with the given index (0, 1, 2, ...). */
using CallSizes = std::function<std::size_t (std::size_t call)>;

/** As above, with the call sizes given; when callStarts is not null, it
    receives the position of every call's first sample and then the total. */
Channels streamThroughEngine (ConvolutionEngine& engine, const Channels& inputs, std::size_t length,
                              const CallSizes& callSize, std::vector<std::size_t>* callStarts = nullptr);

/** Mono convenience: prepares an engine with one kernel and streams x through it;
    returns x.size() + h.size() - 1 samples. */
std::vector<float> streamConvolve (const std::vector<float>& x, const std::vector<float>& h, const EngineConfig& config,
                                   std::uint32_t blockSeed);

} // namespace partita::test
