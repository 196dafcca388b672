// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConvolverInstance.h"
#include "EngineInputHistory.h"
#include "InstanceMailbox.h"
#include "ParameterStore.h"
#include "ProcessorStatus.h"
#include "RebuildMode.h"

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace partita
{

/** The session a processor is prepared for: what every engine is built for. */
struct SessionFormat
{
    double sampleRate = 48000.0;
    std::size_t numInputs = 1;
    std::size_t numOutputs = 1;
    /** The largest chunk the engines are given. */
    std::size_t maxBlockSize = 0;
};

/** Builds the processor's engines: for a new IR, a shaping change, a new
    session format, or a host found to cut its blocks. A build runs the IR
    chain (buildConvolverInstance), primes the new engine from the engine
    input history (InstancePrimer) and offers it to the audio thread through
    the mailbox; the outcome goes to the status.

    In background mode the builds run on a loader thread of its own, which
    also notices shaping changes by polling the parameter store every 20 ms,
    so that the audio thread never has to signal it, and frees retired
    engines. In synchronous mode they run on the calling thread (the thread
    stays, idle, so that a switch from the audio thread never starts or joins
    one).

    Threading: load(), buildPendingNow() and parametersChanged() from any
    non-audio thread; setRebuildMode() and noteHostCutsBlocks() from any
    thread, wait-free; prepare() and release() only while the audio thread is
    stopped. One lock serialises the builders; the loader releases it while
    it builds, so that loads and queries are never held up. */
class InstanceBuilder
{
public:
    InstanceBuilder (RebuildMode mode, const ParameterStore& parameters, ProcessorStatus& status,
                     InstanceMailbox& mailbox, const EngineInputHistory& engineInputs);
    ~InstanceBuilder();
    InstanceBuilder (const InstanceBuilder&) = delete;
    InstanceBuilder& operator= (const InstanceBuilder&) = delete;

    /** After a switch to synchronous, the next build first waits for one the
        loader may still be running and installs whatever is pending. */
    void setRebuildMode (RebuildMode mode) noexcept;
    [[nodiscard]] RebuildMode rebuildMode() const noexcept { return mode.load(); }

    /** A new IR in a slot (nullptr: empties it; the other slot stays),
        built now in synchronous mode, queued in background mode. A load
        after another that is not built yet builds on it. */
    LoadOutcome load (IrSlot slot, std::shared_ptr<const ImpulseResponseSource> source);
    /** Both slots at once (a session restore): one build. */
    LoadOutcome load (ImpulseResponseSlots slots);
    /** The IRs a saved session must hold: the latest load (even before it is
        built), else the ones built last; nullptr for an empty slot. A load
        that failed leaves the previous ones. */
    [[nodiscard]] ImpulseResponseSlots requestedSources() const;
    /** Builds what is pending on the calling thread, in either mode. */
    void buildPendingNow();
    /** After the parameters were stored: synchronous mode builds a shaping
        change (or what a switch from background left) at once. */
    void parametersChanged (bool shapingChanged);
    /** The audio thread saw the host cut its blocks: engines are rebuilt for
        any block size. */
    void noteHostCutsBlocks() noexcept;

    /** Retargets the builds at a new session format. Under the build lock:
        runs clearAudioSide, builds the IR for the format (the requested one,
        else the current one, else none) and gives it to install, which also
        reallocates what the builds read (the engine input history). */
    void prepare (const SessionFormat& format, const std::function<void()>& clearAudioSide,
                  const std::function<void (std::unique_ptr<ConvolverInstance>)>& install);
    /** No format: builds only check IRs until the next prepare(). Under the
        build lock, runs clearAudioSide. */
    void release (const std::function<void()>& clearAudioSide);

private:
    struct BuildTarget
    {
        SessionFormat format;
        std::uint64_t epoch = 0;
        bool prepared = false;
    };
    struct BuildResult;

    LoadOutcome loadLocked (std::unique_lock<std::mutex>& lock, ImpulseResponseSlots slots);
    static BuildResult runBuild (const InstanceRequest& request, bool buildEngine) noexcept;
    [[nodiscard]] InstanceRequest makeRequest (const ImpulseResponseSlots& from) const;
    [[nodiscard]] HostBlocks wantedHostBlocks() const noexcept;
    [[nodiscard]] bool hasWork() const;
    bool runOneBuild (std::unique_lock<std::mutex>& lock, bool unlockWhileBuilding);
    void acceptBuild (BuildResult& result, const InstanceRequest& request, bool forRequest, bool buildEngine);
    void rejectBuild (const BuildResult& result, const InstanceRequest& request, bool forRequest, std::uint64_t id);
    void buildSynchronously (std::unique_lock<std::mutex>& lock);
    std::unique_ptr<ConvolverInstance> buildForPrepare();
    std::unique_ptr<ConvolverInstance> acceptPreparedBuild (BuildResult result, const ImpulseResponseSlots& from);
    void loaderLoop();

    const ParameterStore& parameters;
    ProcessorStatus& status;
    InstanceMailbox& mailbox;
    const EngineInputHistory& engineInputs;

    std::atomic<RebuildMode> mode;
    std::atomic<bool> switchedToSynchronous { false };
    std::atomic<bool> hostCutsBlocks { false };

    // Guarded by buildMutex.
    mutable std::mutex buildMutex;
    std::condition_variable loaderWake;
    std::condition_variable loaderIdle;
    bool loaderBuilding = false;
    bool stopRequested = false;
    BuildTarget target;
    ImpulseResponseSlots source;
    ImpulseResponseSlots requested;
    bool hasRequest = false;
    std::uint64_t requestId = 0;
    std::uint64_t failedRequestId = 0;
    ProcessorParameters builtShaping;
    HostBlocks builtHostBlocks = HostBlocks::anySize;

    std::thread loader;
};

} // namespace partita
