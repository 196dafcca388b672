// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

namespace partita::latencyPartitions
{

/** What the engine is given as its first partition in LatencyMode::zero
    (EngineConfig::firstPartitionSize): its non-uniform planner picks the
    first partition itself, so this only sizes the blocks of an IR that fits
    in the engine's direct head. */
inline constexpr std::size_t zeroLatency = 64;

/** The engine's first partition in LatencyMode::onePartition (Low CPU), which
    is also its latency in samples at every sample rate. */
inline constexpr std::size_t lowCpu = 1024;

} // namespace partita::latencyPartitions
