// SPDX-License-Identifier: GPL-3.0-or-later
#include "EngineFactory.h"

#include "JuceBenchmarkEngine.h"
#include "PartitaBenchmarkEngine.h"

#include <algorithm>

namespace partita::benchmark
{

std::vector<EngineKind> allEngineKinds()
{
    return { EngineKind::partitaNonUniform, EngineKind::partitaUniform, EngineKind::partitaAnyCut, EngineKind::zita,
             EngineKind::juceUniform,       EngineKind::juceNonUniform };
}

std::string_view labelOf (EngineKind kind) noexcept
{
    switch (kind)
    {
        case EngineKind::partitaNonUniform:
            return "Partita non-uniform";
        case EngineKind::partitaUniform:
            return "Partita uniform";
        case EngineKind::partitaAnyCut:
            return "Partita any-cut";
        case EngineKind::zita:
            return "zita-convolver";
        case EngineKind::juceUniform:
            return "JUCE uniform";
        case EngineKind::juceNonUniform:
            return "JUCE NonUniform";
    }
    return "unknown";
}

std::unique_ptr<BenchmarkEngine> createEngine (EngineKind kind, const StereoBuffer& ir, std::size_t blockSize,
                                               PeerTiming timing, const PeerSettings& settings)
{
    switch (kind)
    {
        case EngineKind::partitaNonUniform:
            return std::make_unique<PartitaBenchmarkEngine> (ir, blockSize, PartitionScheme::nonUniform,
                                                             HostBlocks::steady);
        case EngineKind::partitaUniform:
            return std::make_unique<PartitaBenchmarkEngine> (ir, blockSize, PartitionScheme::uniform,
                                                             HostBlocks::steady);
        case EngineKind::partitaAnyCut:
            return std::make_unique<PartitaBenchmarkEngine> (ir, blockSize, PartitionScheme::nonUniform,
                                                             HostBlocks::anySize);
        case EngineKind::zita:
            return std::make_unique<ZitaBenchmarkEngine> (ir, blockSize, timing, settings.zita);
        case EngineKind::juceUniform:
            return std::make_unique<JuceBenchmarkEngine> (ir, blockSize, 0);
        case EngineKind::juceNonUniform:
            return std::make_unique<JuceBenchmarkEngine> (ir, blockSize, std::max (settings.juceHeadSize, blockSize));
    }
    return nullptr;
}

} // namespace partita::benchmark
