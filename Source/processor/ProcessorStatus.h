// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImpulseResponseInfo.h"
#include "ProcessorParameters.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

namespace partita
{

/** Latency and tail as the host should be told them. */
struct ReportedTiming
{
    /** Samples by which the whole output (dry and wet) lags the input. Depends
        only on the latency mode: 0 for LatencyMode::zero,
        ConvolverProcessor::lowCpuPartition for LatencyMode::onePartition. */
    std::size_t latencySamples = 0;
    /** Samples after the last non-zero input until the wet output is silent:
        (shaped IR length - 1) + pre-delay (in ms or, synced, in note values
        at the host's tempo) + latency, where "no IR" counts as a
        unit impulse of length 1. The wet filters' IIR decay is not counted. */
    std::size_t tailSamples = 0;
};

/** What the processor's builds tell the rest of the world: the IR now
    playing (or about to), why the last build failed, and the latency and
    tail of the latest engine. Builders publish; the editor and the plugin
    adapter poll the version counters and query when they move.

    Threading: publishing from the builder threads (serialised by their own
    lock); queries from any non-audio thread. The IR and the error share one
    short lock that only non-audio threads take; the rest are atomics. */
class ProcessorStatus
{
public:
    /** A new IR and the message that goes with it (empty: none). */
    void publishInfo (std::shared_ptr<const ImpulseResponseInfo> info, std::string error);
    /** A failed build (or, empty, a successful check): the IR stays. */
    void publishError (std::string error);
    /** The latency and the engine's tail of the newest engine. */
    void publishTiming (std::size_t latencySamples, std::size_t engineTailSamples) noexcept;
    /** The tail changes with the pre-delay too. */
    void timingMayHaveChanged() noexcept;
    /** The session rate, for the pre-delay's share of the tail. */
    void setSampleRate (double sampleRate) noexcept;

    [[nodiscard]] std::shared_ptr<const ImpulseResponseInfo> info() const;
    [[nodiscard]] std::string lastError() const;
    [[nodiscard]] std::uint64_t impulseResponseVersion() const noexcept;
    [[nodiscard]] std::uint64_t timingVersion() const noexcept;
    /** Latency and tail with the pre-delay of these parameters at this
        tempo (PreDelayTime::samples). */
    [[nodiscard]] ReportedTiming reportedTiming (const ProcessorParameters& parameters,
                                                 double beatsPerMinute) const noexcept;

private:
    mutable std::mutex infoMutex;
    std::shared_ptr<const ImpulseResponseInfo> currentInfo;
    std::string errorMessage;
    std::atomic<std::uint64_t> irVersion { 0 };
    std::atomic<std::uint64_t> timingVersionCounter { 0 };
    std::atomic<std::size_t> latency { 0 };
    std::atomic<std::size_t> engineTail { 0 };
    std::atomic<double> sampleRate { 48000.0 };
};

} // namespace partita
