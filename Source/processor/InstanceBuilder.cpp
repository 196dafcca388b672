// SPDX-License-Identifier: GPL-3.0-or-later
#include "InstanceBuilder.h"

#include "InstancePrimer.h"
#include "ir/ImpulseResponsePreparation.h"

#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

namespace partita
{

namespace
{
/** How often the loader looks for shaping changes made on the audio thread
    and frees retired engines: polling spares the audio thread any signal. */
constexpr auto loaderPollInterval = std::chrono::milliseconds (20);
} // namespace

struct InstanceBuilder::BuildResult
{
    BuiltInstance built;
    std::string error; // empty on success
};

InstanceBuilder::InstanceBuilder (RebuildMode initialMode, const ParameterStore& parameterStore,
                                  ProcessorStatus& processorStatus, InstanceMailbox& instanceMailbox,
                                  const EngineInputHistory& history)
    : parameters (parameterStore)
    , status (processorStatus)
    , mailbox (instanceMailbox)
    , engineInputs (history)
    , mode (initialMode)
{
    loader = std::thread ([this] { loaderLoop(); });
}

InstanceBuilder::~InstanceBuilder()
{
    {
        const std::scoped_lock lock (buildMutex);
        stopRequested = true;
    }
    loaderWake.notify_all();
    loader.join();
    const std::scoped_lock lock (buildMutex);
    mailbox.discardPending();
    mailbox.drainRetired();
}

void InstanceBuilder::setRebuildMode (RebuildMode newMode) noexcept
{
    if (mode.exchange (newMode) != newMode && newMode == RebuildMode::synchronous)
        switchedToSynchronous.store (true, std::memory_order_release);
}

LoadOutcome InstanceBuilder::load (IrSlot slot, std::shared_ptr<const ImpulseResponseSource> newSource)
{
    std::unique_lock lock (buildMutex);
    auto slots = hasRequest ? requested : source;
    slots[slot] = std::move (newSource);
    return loadLocked (lock, std::move (slots));
}

LoadOutcome InstanceBuilder::load (ImpulseResponseSlots slots)
{
    std::unique_lock lock (buildMutex);
    return loadLocked (lock, std::move (slots));
}

LoadOutcome InstanceBuilder::loadLocked (std::unique_lock<std::mutex>& lock, ImpulseResponseSlots slots)
{
    requested = std::move (slots);
    hasRequest = true;
    const auto id = ++requestId;

    if (mode.load() == RebuildMode::background)
    {
        lock.unlock();
        loaderWake.notify_one();
        return LoadOutcome::queued;
    }

    switchedToSynchronous.store (false, std::memory_order_relaxed);
    buildSynchronously (lock);
    return failedRequestId == id ? LoadOutcome::failed : LoadOutcome::built;
}

ImpulseResponseSlots InstanceBuilder::requestedSources() const
{
    const std::scoped_lock lock (buildMutex);
    return hasRequest ? requested : source;
}

void InstanceBuilder::buildPendingNow()
{
    std::unique_lock lock (buildMutex);
    buildSynchronously (lock);
}

void InstanceBuilder::parametersChanged (bool shapingChanged)
{
    // In background mode the loader notices shaping changes by polling.
    // Right after a switch to synchronous, whatever the loader left (or is
    // still building) is finished here, before the next block.
    if (mode.load() == RebuildMode::synchronous
        && (switchedToSynchronous.exchange (false, std::memory_order_acq_rel) || shapingChanged))
    {
        std::unique_lock lock (buildMutex);
        buildSynchronously (lock);
    }
}

void InstanceBuilder::noteHostCutsBlocks() noexcept
{
    if (!hostCutsBlocks.load (std::memory_order_relaxed))
        hostCutsBlocks.store (true, std::memory_order_release);
}

void InstanceBuilder::prepare (const SessionFormat& format, const std::function<void()>& clearAudioSide,
                               const std::function<void (std::unique_ptr<ConvolverInstance>)>& install)
{
    const std::scoped_lock lock (buildMutex);
    ++target.epoch;
    target.format = format;
    target.prepared = true;
    hostCutsBlocks.store (false, std::memory_order_release);
    status.setSampleRate (format.sampleRate);

    // The audio thread is stopped (the host's contract): its state may be
    // replaced here directly.
    mailbox.discardPending();
    clearAudioSide();
    mailbox.drainRetired();
    install (buildForPrepare());
}

void InstanceBuilder::release (const std::function<void()>& clearAudioSide)
{
    const std::scoped_lock lock (buildMutex);
    ++target.epoch;
    target.prepared = false;
    mailbox.discardPending();
    clearAudioSide();
    mailbox.drainRetired();
}

InstanceBuilder::BuildResult InstanceBuilder::runBuild (const InstanceRequest& request, bool buildEngine) noexcept
{
    BuildResult result;
    try
    {
        if (buildEngine)
        {
            result.built = buildConvolverInstance (request);
        }
        else if (const auto& shown = request.source != nullptr ? request.source : request.slotB;
                 shown != nullptr && shown->clip != nullptr)
        {
            // Not prepared (a standalone app without an audio device): no
            // session rate yet. The IR is checked and shaped at its own rate
            // (slot A's, else B's), so that it can be shown; prepare() builds the engine.
            // Two slots are folded for a stereo bus, the most any pair of
            // slots can be blended on, so that none is refused before the
            // bus is known.
            auto atOwnRate = request;
            atOwnRate.sampleRate = shown->clip->sampleRate > 0.0 ? shown->clip->sampleRate : 48000.0;
            atOwnRate.numInputs = 2;
            atOwnRate.numOutputs = 2;
            result.built.info = makeImpulseResponseInfo (atOwnRate);
        }
    }
    catch (const std::exception& error)
    {
        result.error = error.what();
        if (result.error.empty())
            result.error = "the impulse response could not be built";
    }
    catch (...)
    {
        result.error = "the impulse response could not be built";
    }
    return result;
}

InstanceRequest InstanceBuilder::makeRequest (const ImpulseResponseSlots& from) const
{
    InstanceRequest request;
    request.source = from.a;
    request.slotB = from.b;
    request.parameters = parameters.load();
    request.sampleRate = target.format.sampleRate;
    request.numInputs = target.format.numInputs;
    request.numOutputs = target.format.numOutputs;
    request.maxBlockSize = target.format.maxBlockSize;
    request.hostBlocks = wantedHostBlocks();
    return request;
}

/** Real time takes the engine plan that is cheapest for whole host blocks
    (exact for any cut, bit-identical for identical cuts), unless the host
    turned out to cut them (HostBlockWatch); a synchronous (offline)
    processor one whose output bits do not depend on the block sizes at all,
    so that a bounce is the same whatever the host's blocks and nulls bit for
    bit with `partita render --state`. */
HostBlocks InstanceBuilder::wantedHostBlocks() const noexcept
{
    return mode.load() == RebuildMode::synchronous || hostCutsBlocks.load (std::memory_order_acquire)
               ? HostBlocks::anySize
               : HostBlocks::steady;
}

bool InstanceBuilder::hasWork() const
{
    return hasRequest
           || (target.prepared
               && (shapingDiffers (parameters.load(), builtShaping) || wantedHostBlocks() != builtHostBlocks));
}

/** Runs one pending build; returns false when there was nothing to do. With
    unlockWhileBuilding (the loader thread), the lock is released during the
    build so loads and queries are never held up by it. */
bool InstanceBuilder::runOneBuild (std::unique_lock<std::mutex>& lock, bool unlockWhileBuilding)
{
    if (!hasWork())
        return false;

    const bool forRequest = hasRequest;
    const auto id = requestId;
    const auto epoch = target.epoch;
    const bool buildEngine = target.prepared;
    const auto request = makeRequest (forRequest ? requested : source);

    if (unlockWhileBuilding)
        lock.unlock();
    auto result = runBuild (request, buildEngine);
    if (unlockWhileBuilding)
        lock.lock();

    // prepare() or release() happened meanwhile: the request (if any) is
    // still there and is built again for the new target.
    if (target.epoch != epoch)
        return true;

    if (forRequest && requestId == id)
        hasRequest = false;

    if (result.error.empty())
        acceptBuild (result, request, forRequest, buildEngine);
    else
        rejectBuild (result, request, forRequest, id);
    return true;
}

void InstanceBuilder::acceptBuild (BuildResult& result, const InstanceRequest& request, bool forRequest,
                                   bool buildEngine)
{
    if (forRequest)
        source = { request.source, request.slotB };
    if (!buildEngine)
    {
        status.publishInfo (std::move (result.built.info), {}); // shown; prepare() builds the engine
        return;
    }
    builtShaping = request.parameters;
    builtHostBlocks = request.hostBlocks;
    // Under the build lock: prepare() cannot reallocate the history meanwhile.
    InstancePrimer::primeFromHistory (*result.built.instance, engineInputs);
    status.publishTiming (result.built.instance->latencySamples, result.built.instance->engineTailSamples);
    mailbox.publish (std::move (result.built.instance));
    status.publishInfo (std::move (result.built.info), {});
}

void InstanceBuilder::rejectBuild (const BuildResult& result, const InstanceRequest& request, bool forRequest,
                                   std::uint64_t id)
{
    if (forRequest)
    {
        failedRequestId = id;
    }
    else
    {
        builtShaping = request.parameters; // do not retry the same failing shape
        builtHostBlocks = request.hostBlocks;
    }
    status.publishError (result.error);
}

/** Synchronous mode: waits for a build the loader started before the switch
    (it publishes first), then builds what is still needed here. */
void InstanceBuilder::buildSynchronously (std::unique_lock<std::mutex>& lock)
{
    loaderIdle.wait (lock, [this] { return !loaderBuilding; });
    while (runOneBuild (lock, false))
    {
    }
    mailbox.drainRetired();
}

/** prepare()'s build: the requested IR, else the current one, else none. */
std::unique_ptr<ConvolverInstance> InstanceBuilder::buildForPrepare()
{
    std::vector<std::string> errors;
    if (hasRequest)
    {
        hasRequest = false;
        auto result = runBuild (makeRequest (requested), true);
        if (result.error.empty())
            return acceptPreparedBuild (std::move (result), requested);
        failedRequestId = requestId;
        errors.push_back (result.error);
    }

    if (source.a != nullptr || source.b != nullptr)
    {
        auto result = runBuild (makeRequest (source), true);
        if (result.error.empty())
        {
            auto instance = acceptPreparedBuild (std::move (result), source);
            status.publishError (errors.empty() ? std::string {} : errors.front());
            return instance;
        }
        errors.push_back (result.error);
    }

    auto fallback = runBuild (makeRequest ({}), true);
    if (!fallback.error.empty())
        throw std::runtime_error (fallback.error);
    auto instance = acceptPreparedBuild (std::move (fallback), {});
    status.publishError (errors.empty() ? std::string {} : errors.back());
    return instance;
}

std::unique_ptr<ConvolverInstance> InstanceBuilder::acceptPreparedBuild (BuildResult result,
                                                                         const ImpulseResponseSlots& from)
{
    // A source that cannot be routed to this bus stays loaded for the next prepare().
    if (from.a != nullptr || from.b != nullptr)
        source = from;
    builtShaping = parameters.load();
    builtHostBlocks = result.built.instance->engine.config().hostBlocks;
    status.publishTiming (result.built.instance->latencySamples, result.built.instance->engineTailSamples);
    status.publishInfo (std::move (result.built.info), {});
    return std::move (result.built.instance);
}

void InstanceBuilder::loaderLoop()
{
    std::unique_lock lock (buildMutex);
    while (!stopRequested)
    {
        mailbox.drainRetired();
        bool built = false;
        if (mode.load() == RebuildMode::background)
        {
            loaderBuilding = true;
            built = runOneBuild (lock, true);
            loaderBuilding = false;
            loaderIdle.notify_all();
        }
        if (!built)
            loaderWake.wait_for (lock, loaderPollInterval);
    }
    mailbox.drainRetired();
}

} // namespace partita
