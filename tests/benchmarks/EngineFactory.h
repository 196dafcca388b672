// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BenchmarkEngine.h"
#include "StereoSignals.h"
#include "ZitaBenchmarkEngine.h"

#include <memory>
#include <string_view>
#include <vector>

namespace partita::benchmark
{

enum class EngineKind
{
    partitaNonUniform,
    partitaUniform,
    /** Non-uniform with HostBlocks::anySize: bit-identical for any call pattern. */
    partitaAnyCut,
    zita,
    juceUniform,
    juceNonUniform,
};

/** The peers' settings that are not fixed by the cell. */
struct PeerSettings
{
    ZitaSettings zita;
    /** JUCE NonUniform's head; 0: the cheapest of a few sizes, measured per
        cell (CellBenchmark), since the best head depends on the IR and the
        block and a head as small as the block is JUCE at its slowest. */
    std::size_t juceHeadSize = 0;
};

/** Every engine, Partita non-uniform (the reference of the ratios) first. */
std::vector<EngineKind> allEngineKinds();

/** A short name for tables, e.g. "zita-convolver". */
std::string_view labelOf (EngineKind kind) noexcept;

/** A fresh engine for one cell, its IR loaded and ready to process. */
std::unique_ptr<BenchmarkEngine> createEngine (EngineKind kind, const StereoBuffer& ir, std::size_t blockSize,
                                               PeerTiming timing, const PeerSettings& settings);

} // namespace partita::benchmark
