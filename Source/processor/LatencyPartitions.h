// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

namespace partita::latencyPartitions
{

/** The engine's first (smallest) partition in LatencyMode::zero: no added
    latency; the engine's planner may still choose a longer direct head and
    larger later partitions where its cost model says they are cheaper. */
inline constexpr std::size_t zeroLatency = 64;

/** The engine's first partition in LatencyMode::onePartition (Low CPU), which
    is also its latency in samples at every sample rate. */
inline constexpr std::size_t lowCpu = 1024;

} // namespace partita::latencyPartitions
