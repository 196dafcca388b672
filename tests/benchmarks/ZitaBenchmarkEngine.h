// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BenchmarkEngine.h"
#include "StereoSignals.h"

#include <memory>

namespace partita::benchmark
{

/** How zita-convolver is set up, beyond the host block. */
struct ZitaSettings
{
    /** The largest partition (zita's maxpart, at most 8192). */
    std::size_t maxPartition = 8192;
    /** zita's OPT_VECTOR_MODE: its 4-wide SIMD multiply-accumulate. */
    bool vectorMode = true;
    /** Start the worker threads under SCHED_FIFO just below the callback's
        priority, as a host's plugin would; otherwise SCHED_OTHER. */
    bool realTimeWorkers = true;
};

/** zita-convolver 4 (Convproc), run as in a plugin: quantum = the host block,
    the smallest partition = the block (zita's minimum is 64, so a 32-sample
    block gets 64-sample partitions and latency), FFTW_MEASURE plans, the
    larger partitions on zita's own worker threads.

    Threading: as BenchmarkEngine; zita's workers live from construction to
    destruction. */
class ZitaBenchmarkEngine final : public BenchmarkEngine
{
public:
    /** Throws std::runtime_error naming the zita call and its error code when
        zita refuses the setup. */
    ZitaBenchmarkEngine (const StereoBuffer& ir, std::size_t blockSize, PeerTiming timing,
                         const ZitaSettings& settings);
    ~ZitaBenchmarkEngine() override;
    ZitaBenchmarkEngine (const ZitaBenchmarkEngine&) = delete;
    ZitaBenchmarkEngine& operator= (const ZitaBenchmarkEngine&) = delete;

    void process (const float* const* inputs, float* const* outputs) noexcept override;
    [[nodiscard]] std::optional<std::size_t> reportedLatency() const override;
    [[nodiscard]] std::size_t lateCallbacks() const noexcept override { return late; }
    [[nodiscard]] std::string describeConfiguration() const override;

    /** zita-convolver's version, e.g. "4.0". */
    [[nodiscard]] static std::string libraryVersion();

private:
    class Implementation;
    std::unique_ptr<Implementation> implementation;
    std::size_t blockSize;
    std::size_t minPartition;
    ZitaSettings settings;
    bool waitForWorkers;
    std::size_t late = 0;
};

} // namespace partita::benchmark
