// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConvolverInstance.h"
#include "CpuLoadMeter.h"
#include "EngineInputHistory.h"
#include "HostBlockWatch.h"
#include "InstanceMailbox.h"
#include "InstancePrimer.h"
#include "SilenceTracker.h"
#include "engine/Nonblocking.h"

#include <atomic>
#include <cstddef>
#include <memory>
#include <span>
#include <vector>

namespace partita
{

/** Where the engines' latency stands during a crossfade between two engines
    whose latencies differ (a latency-mode change): the dry path fades from
    one delay to the other with the same gains. */
struct LatencyCrossfade
{
    std::size_t from = 0;
    std::size_t to = 0;
    std::size_t position = 0;
    std::size_t length = 1;

    /** The new engine's share at sample `offset` of the chunk. */
    [[nodiscard]] float gainAt (std::size_t offset) const noexcept
    {
        return static_cast<float> (position + offset + 1) / static_cast<float> (length);
    }
};

/** The wet path's engines on the audio thread: the one playing, the one
    fading out (for crossfadeSeconds after a new one arrives) and the one
    priming (taken from the mailbox and catching up with the engine input,
    not heard yet). Keeps the engine input history that new engines are
    primed from, and, offline, lets the engine sleep through silence longer
    than it rings, so that it starts clean at the first sound at the same
    sample whatever the chunking (SilenceTracker).

    Threading: prepare(), release() and clear() while the audio thread is
    stopped, under the builders' lock (the builders read the history);
    everything else on the audio thread: noexcept, no allocation, nothing
    freed (old engines go back through the mailbox). */
class PlayingEngines
{
public:
    static constexpr std::size_t maxChannels = 2;

    explicit PlayingEngines (InstanceMailbox& mailbox);

    // Setup ------------------------------------------------------------------

    /** Drops every engine (the audio thread is stopped). */
    void clear() noexcept;
    /** Allocates for chunks of up to maxChunk samples and installs the first
        engine, heard from the first sample without a fade. */
    void prepare (double sampleRate, std::size_t numInputs, std::size_t numOutputs, std::size_t maxChunk,
                  double crossfadeSeconds, std::unique_ptr<ConvolverInstance> first);
    void release();

    /** What new engines are primed from. */
    [[nodiscard]] const EngineInputHistory& inputHistory() const noexcept { return engineInputs; }

    // Audio thread --------------------------------------------------------------

    /** Takes a newly built engine from the mailbox into priming (replacing
        one still catching up, which was never heard). */
    void pickUpPending() noexcept PARTITA_NONBLOCKING;
    /** Feeds the priming engine what it has not heard, within `budget`
        samples; once current, it replaces the playing one (crossfaded). */
    void advancePriming (std::size_t& budget, bool offline) noexcept PARTITA_NONBLOCKING;

    [[nodiscard]] bool isFading() const noexcept { return fading != nullptr; }
    /** Samples until the fade ends: a fade ends on a chunk boundary, so that
        the next engine is picked up at the same sample whatever the blocks. */
    [[nodiscard]] std::size_t fadeRemaining() const noexcept { return fadeLength - fadePosition; }
    [[nodiscard]] LatencyCrossfade latencyCrossfade() const noexcept;

    /** Runs the engines over one chunk (offline: sleeping through silence).
        Returns true when the host was seen to cut its blocks. */
    bool run (std::span<const float* const> input, std::span<float* const> wet, std::size_t numSamples,
              bool offline) noexcept PARTITA_NONBLOCKING;

    /** Clears the engines' history; a fade is finished at once. */
    void reset() noexcept PARTITA_NONBLOCKING;
    /** Whether anything was heard since the last reset: a new engine then
        fades in, else it simply takes over. */
    void noteProcessed (bool processed) noexcept { processedSinceReset = processedSinceReset || processed; }

    [[nodiscard]] float cpuLoad() const noexcept { return cpuMeter.load(); }
    [[nodiscard]] std::size_t directFallbacks() const noexcept
    {
        return fallbackBlocks.load (std::memory_order_relaxed);
    }

private:
    void resetSignalState() noexcept;
    [[nodiscard]] bool engineMaySleep (bool offline) const noexcept;
    void runOffline (std::span<const float* const> input, std::span<float* const> wet, std::size_t numSamples) noexcept;
    void runEngines (std::span<const float* const> input, std::span<float* const> wet, std::size_t from,
                     std::size_t numSamples) noexcept;
    void crossfade (std::span<float* const> incoming, std::size_t from, std::size_t numSamples) noexcept;
    void restartEngineInputs() noexcept;
    void fallAsleep() noexcept;
    void wakeEngine() noexcept;

    InstanceMailbox& mailbox;
    std::size_t numInputs = 0;
    std::size_t numOutputs = 0;
    std::unique_ptr<ConvolverInstance> current;
    std::unique_ptr<ConvolverInstance> fading;
    /** Handed over, still catching up with the engine input; not heard yet. */
    std::unique_ptr<ConvolverInstance> priming;
    EngineInputHistory engineInputs;
    InstancePrimer primer;
    std::size_t fadeLength = 1;
    std::size_t fadePosition = 0;
    bool processedSinceReset = false;
    SilenceTracker engineSilence;
    /** Offline: the engine is not run until the engine input sounds again. */
    bool engineAsleep = false;
    bool hostCutSeen = false;
    std::vector<std::vector<float>> fadingOutput;
    CpuLoadMeter cpuMeter;
    std::atomic<std::size_t> fallbackBlocks { 0 };
    HostBlockWatch blockWatch;
};

} // namespace partita
