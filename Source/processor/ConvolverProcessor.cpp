// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConvolverProcessor.h"

#include "ConvolverInstance.h"
#include "CpuLoadMeter.h"
#include "DelayRing.h"
#include "EngineInputHistory.h"
#include "FadingDelayTap.h"
#include "HostBlockWatch.h"
#include "InstancePrimer.h"
#include "LinearSmoother.h"
#include "ParameterStore.h"
#include "RetiredEngineQueue.h"
#include "SilenceTracker.h"
#include "WetPostProcessor.h"
#include "engine/ScopedDenormalFlush.h"
#include "ir/ImpulseResponsePreparation.h"
#include "ir/IrTrim.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <limits>
#include <mutex>
#include <span>
#include <stdexcept>
#include <thread>
#include <vector>

namespace partita
{

namespace
{
constexpr std::size_t maxChannels = 2;
constexpr std::size_t maxChunk = 4096;
constexpr std::size_t minChunk = 64;
/** How often the loader looks for shaping changes made on the audio thread
    and frees retired engines: polling spares the audio thread any signal. */
constexpr auto loaderPollInterval = std::chrono::milliseconds (20);
/** How much engine input is kept to prime new engines (EngineInputHistory):
    IRs up to this long get their whole history; longer ones miss only the
    part of their tail beyond it during their first seconds. */
constexpr double primingHistorySeconds = 10.0;

float decibelsToGain (float decibels) noexcept
{
    return decibels == 0.0f ? 1.0f : std::pow (10.0f, decibels / 20.0f);
}

std::size_t secondsToSamples (double seconds, double sampleRate) noexcept
{
    return std::max<std::size_t> (1, static_cast<std::size_t> (std::llround (seconds * sampleRate)));
}

bool isSupportedLayout (std::size_t numInputs, std::size_t numOutputs) noexcept
{
    return (numInputs == 1 && numOutputs == 1) || (numInputs == 1 && numOutputs == 2)
           || (numInputs == 2 && numOutputs == 2);
}
} // namespace

class ConvolverProcessor::Implementation
{
public:
    explicit Implementation (RebuildMode initialMode)
        : mode (initialMode)
    {
        // Always running, idle in synchronous mode: switching modes (a host
        // may do it from its audio thread) then never starts or joins a thread.
        startLoader();
    }

    ~Implementation()
    {
        stopLoaderThread();
        const std::scoped_lock lock (buildMutex);
        std::unique_ptr<ConvolverInstance> stale (pending.exchange (nullptr));
        drainRetired();
    }

    Implementation (const Implementation&) = delete;
    Implementation& operator= (const Implementation&) = delete;

    //==========================================================================
    // Message thread

    void prepare (double sampleRate, std::size_t maxBlockSize, std::size_t numIns, std::size_t numOuts)
    {
        if (!(sampleRate >= 8000.0 && sampleRate <= 768000.0))
            throw std::invalid_argument ("the processor supports sample rates from 8 kHz to 768 kHz, not "
                                         + std::to_string (sampleRate) + " Hz");
        if (maxBlockSize == 0)
            throw std::invalid_argument ("the maximum block size must be at least 1 sample");
        if (!isSupportedLayout (numIns, numOuts))
            throw std::invalid_argument (
                "the processor supports mono to mono, mono to stereo and stereo to stereo, not "
                + std::to_string (numIns) + " in to " + std::to_string (numOuts) + " out");

        std::unique_lock lock (buildMutex);
        prepared.store (false, std::memory_order_release);
        ++target.epoch;
        target.sampleRate = sampleRate;
        target.numInputs = numIns;
        target.numOutputs = numOuts;
        // The engines are fed chunks of at most maxChunk samples.
        target.maxBlockSize = std::min (maxBlockSize, maxChunk);
        target.prepared = true;
        hostCutsBlocks.store (false, std::memory_order_release);
        sessionRate.store (sampleRate, std::memory_order_release);

        // The audio thread is stopped (the host's contract): its state may be
        // replaced here directly.
        std::unique_ptr<ConvolverInstance> stale (pending.exchange (nullptr));
        stale.reset();
        current.reset();
        fading.reset();
        priming.reset();
        drainRetired();

        auto built = buildForPrepare();

        numInputs = numIns;
        numOutputs = numOuts;
        rate = sampleRate;
        chunkCapacity = std::clamp (maxBlockSize, minChunk, maxChunk);
        allocateBuffers();

        current = std::move (built);
        fadeLength = secondsToSamples (crossfadeSeconds, rate);
        fadePosition = 0;
        processedSinceReset = false;

        const auto rampLength = secondsToSamples (smoothingSeconds, rate);
        for (auto* smoother : { &mix, &wetGain, &outputGain, &bypassAmount })
            smoother->setRampLength (rampLength);
        preDelayTap.setFadeLength (secondsToSamples (preDelayFadeSeconds, rate));
        post.prepare (rate, numOutputs, rampLength);
        cpuMeter.prepare (rate);
        blockWatch.prepare (rate);

        applyLiveParameters();
        resetSignalState();
        prepared.store (true, std::memory_order_release);
    }

    void releaseResources()
    {
        const std::scoped_lock lock (buildMutex);
        prepared.store (false, std::memory_order_release);
        ++target.epoch;
        target.prepared = false;
        std::unique_ptr<ConvolverInstance> stale (pending.exchange (nullptr));
        current.reset();
        fading.reset();
        priming.reset();
        drainRetired();
        history.release();
        engineInputs.release();
        primer.release();
        for (auto* buffers : { &preDelayed, &dry, &wetCurrent, &wetFading })
            buffers->clear();
        dryGains.clear();
        wetGains.clear();
    }

    void setRebuildMode (RebuildMode newMode) noexcept
    {
        if (mode.exchange (newMode) != newMode && newMode == RebuildMode::synchronous)
            switchedToSynchronous.store (true, std::memory_order_release);
    }

    RebuildMode rebuildMode() const noexcept { return mode.load(); }

    //==========================================================================
    // Any non-audio thread

    LoadOutcome load (std::shared_ptr<const ImpulseResponseSource> newSource)
    {
        std::unique_lock lock (buildMutex);
        requestedSource = std::move (newSource);
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

    /** Builds what is pending here and now, whatever the mode. */
    void buildPendingNow()
    {
        std::unique_lock lock (buildMutex);
        buildSynchronously (lock);
    }

    std::shared_ptr<const ImpulseResponseInfo> info() const
    {
        const std::scoped_lock lock (infoMutex);
        return currentInfo;
    }

    std::string lastError() const
    {
        const std::scoped_lock lock (infoMutex);
        return errorMessage;
    }

    std::uint64_t impulseResponseVersion() const noexcept { return irVersion.load (std::memory_order_acquire); }

    ReportedTiming reportedTiming() const noexcept
    {
        const auto parameters = parameterStore.load();
        const auto preDelay = millisecondsToFrames (static_cast<double> (parameters.preDelayMs),
                                                    sessionRate.load (std::memory_order_acquire));
        ReportedTiming timing;
        timing.latencySamples = publishedLatency.load (std::memory_order_acquire);
        timing.tailSamples = publishedEngineTail.load (std::memory_order_acquire) + preDelay;
        return timing;
    }

    std::uint64_t timingVersion() const noexcept { return timingVersionCounter.load (std::memory_order_acquire); }
    float cpuLoad() const noexcept { return cpuMeter.load(); }
    std::size_t directFallbacks() const noexcept { return fallbackBlocks.load (std::memory_order_relaxed); }
    std::size_t retiredCount() const noexcept { return retired.size(); }

    //==========================================================================
    // Any thread

    void setParameters (const ProcessorParameters& parameters)
    {
        const auto changes = parameterStore.store (clampedToRanges (parameters));
        if (changes.preDelay)
            timingVersionCounter.fetch_add (1, std::memory_order_acq_rel);

        // In background mode the loader notices shaping changes by polling.
        // Right after a switch to synchronous, whatever the loader left (or
        // is still building) is finished here, before the next block.
        if (mode.load() == RebuildMode::synchronous
            && (switchedToSynchronous.exchange (false, std::memory_order_acq_rel) || changes.shaping))
        {
            std::unique_lock lock (buildMutex);
            buildSynchronously (lock);
        }
    }

    ProcessorParameters parameters() const noexcept { return parameterStore.load(); }

    //==========================================================================
    // Audio thread

    void process (float* const* channels, std::size_t numSamples) noexcept
    {
        const ScopedDenormalFlush flushDenormals;

        if (!prepared.load (std::memory_order_acquire))
        {
            for (std::size_t o = 0; o < numOutputs; ++o)
                std::fill_n (channels[o], numSamples, 0.0f);
            return;
        }

        applyLiveParameters();

        // Catching a new engine up costs at most about two blocks' worth of
        // extra convolution per call in real time. A synchronous (offline)
        // processor catches up at once, so that the sample where the new IR
        // starts never depends on block sizes.
        std::size_t catchUpBudget = mode.load (std::memory_order_relaxed) == RebuildMode::synchronous
                                        ? std::numeric_limits<std::size_t>::max()
                                        : 2 * numSamples + minChunk;
        std::size_t done = 0;
        while (done < numSamples)
        {
            if (fading == nullptr)
            {
                pickUpPendingInstance();
                advancePriming (catchUpBudget);
            }

            auto chunk = std::min (numSamples - done, chunkCapacity);
            // A fade ends on a chunk boundary, so the next engine is picked up
            // at the same sample whatever the host's block sizes.
            if (fading != nullptr)
                chunk = std::min (chunk, fadeLength - fadePosition);

            processChunk (channels, done, chunk);
            done += chunk;
        }
        processedSinceReset = processedSinceReset || numSamples > 0;
    }

    void reset() noexcept
    {
        if (!prepared.load (std::memory_order_acquire))
            return;

        if (fading != nullptr && retired.push (fading))
            fadePosition = 0;
        applyLiveParameters();
        resetSignalState();
        processedSinceReset = false;
    }

    void setBypassed (bool shouldBypass) noexcept { bypassRequested.store (shouldBypass, std::memory_order_relaxed); }

private:
    struct BuildTarget
    {
        double sampleRate = 48000.0;
        std::size_t numInputs = 1;
        std::size_t numOutputs = 1;
        std::size_t maxBlockSize = 0;
        std::uint64_t epoch = 0;
        bool prepared = false;
    };

    struct BuildResult
    {
        BuiltInstance built;
        std::string error; // empty on success
    };

    //==========================================================================
    // Building (non-audio threads, buildMutex held unless stated)

    static BuildResult runBuild (const InstanceRequest& request, bool buildEngine) noexcept
    {
        BuildResult result;
        try
        {
            if (buildEngine)
            {
                result.built = buildConvolverInstance (request);
            }
            else if (request.source != nullptr && request.source->clip != nullptr)
            {
                // Not prepared: no session rate yet; only check the clip.
                const auto& clip = *request.source->clip;
                prepareImpulseResponse (clip, clip.sampleRate > 0.0 ? clip.sampleRate : 48000.0, IrNormalisation::none,
                                        request.source->name);
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

    InstanceRequest makeRequest (std::shared_ptr<const ImpulseResponseSource> from) const
    {
        InstanceRequest request;
        request.source = std::move (from);
        request.shaping = parameterStore.loadShaping();
        request.sampleRate = target.sampleRate;
        request.numInputs = target.numInputs;
        request.numOutputs = target.numOutputs;
        request.maxBlockSize = target.maxBlockSize;
        request.hostBlocks = wantedHostBlocks();
        return request;
    }

    /** Real time takes the engine plan that is cheapest for whole host
        blocks (exact for any cut, bit-identical for identical cuts), unless
        the host turned out to cut them (HostBlockWatch); a synchronous
        (offline) processor one whose output bits do not depend on the block
        sizes at all, so that a bounce is the same whatever the host's blocks
        and nulls bit for bit with `partita render --state`. */
    HostBlocks wantedHostBlocks() const noexcept
    {
        return mode.load() == RebuildMode::synchronous || hostCutsBlocks.load (std::memory_order_acquire)
                   ? HostBlocks::anySize
                   : HostBlocks::steady;
    }

    bool hasWork() const
    {
        return hasRequest
               || (target.prepared
                   && (parameterStore.loadShaping() != builtShaping || wantedHostBlocks() != builtHostBlocks));
    }

    /** Runs one pending build; returns false when there was nothing to do. With
        unlockWhileBuilding (the loader thread), the lock is released during
        the build so loads and queries are never held up by it. */
    bool runOneBuild (std::unique_lock<std::mutex>& lock, bool unlockWhileBuilding)
    {
        if (!hasWork())
            return false;

        const bool forRequest = hasRequest;
        const auto id = requestId;
        const auto epoch = target.epoch;
        const bool buildEngine = target.prepared;
        const auto request = makeRequest (forRequest ? requestedSource : source);

        if (unlockWhileBuilding)
            lock.unlock();
        auto result = runBuild (request, buildEngine);
        if (unlockWhileBuilding)
            lock.lock();

        // prepare() or releaseResources() happened meanwhile: the request (if
        // any) is still there and is built again for the new target.
        if (target.epoch != epoch)
            return true;

        if (forRequest && requestId == id)
            hasRequest = false;

        if (result.error.empty())
        {
            if (forRequest)
                source = request.source;
            if (buildEngine)
            {
                builtShaping = request.shaping;
                builtHostBlocks = request.hostBlocks;
                // Under the build lock: prepare() cannot reallocate the history meanwhile.
                InstancePrimer::primeFromHistory (*result.built.instance, engineInputs);
                publishInstance (std::move (result.built.instance));
                publishInfo (std::move (result.built.info), {});
            }
            else
            {
                publishError ({}); // only checked: prepare() builds it
            }
        }
        else
        {
            if (forRequest)
                failedRequestId = id;
            else
            {
                builtShaping = request.shaping; // do not retry the same failing shape
                builtHostBlocks = request.hostBlocks;
            }
            publishError (result.error);
        }
        return true;
    }

    /** Synchronous mode: waits for a build the loader started before the
        switch (it publishes first), then builds what is still needed here. */
    void buildSynchronously (std::unique_lock<std::mutex>& lock)
    {
        loaderIdle.wait (lock, [this] { return !loaderBuilding; });
        runBuildsWhileNeeded (lock, false);
    }

    void runBuildsWhileNeeded (std::unique_lock<std::mutex>& lock, bool unlockWhileBuilding)
    {
        while (runOneBuild (lock, unlockWhileBuilding))
        {
        }
        drainRetired();
    }

    /** prepare()'s build: the requested IR, else the current one, else none. */
    std::unique_ptr<ConvolverInstance> buildForPrepare()
    {
        std::vector<std::string> errors;
        if (hasRequest)
        {
            hasRequest = false;
            auto result = runBuild (makeRequest (requestedSource), true);
            if (result.error.empty())
                return acceptPreparedBuild (std::move (result), requestedSource);
            failedRequestId = requestId;
            errors.push_back (result.error);
        }

        if (source != nullptr)
        {
            auto result = runBuild (makeRequest (source), true);
            if (result.error.empty())
            {
                auto instance = acceptPreparedBuild (std::move (result), source);
                publishError (errors.empty() ? std::string {} : errors.front());
                return instance;
            }
            errors.push_back (result.error);
        }

        auto fallback = runBuild (makeRequest (nullptr), true);
        if (!fallback.error.empty())
            throw std::runtime_error (fallback.error);
        auto instance = acceptPreparedBuild (std::move (fallback), nullptr);
        publishError (errors.empty() ? std::string {} : errors.back());
        return instance;
    }

    std::unique_ptr<ConvolverInstance> acceptPreparedBuild (BuildResult result,
                                                            std::shared_ptr<const ImpulseResponseSource> from)
    {
        // A source that cannot be routed to this bus stays loaded for the next prepare().
        if (from != nullptr)
            source = std::move (from);
        builtShaping = parameterStore.loadShaping();
        builtHostBlocks = result.built.instance->engine.config().hostBlocks;
        setPublishedTiming (*result.built.instance);
        publishInfo (std::move (result.built.info), {});
        return std::move (result.built.instance);
    }

    void publishInstance (std::unique_ptr<ConvolverInstance> instance)
    {
        setPublishedTiming (*instance);
        // An instance the audio thread has not taken yet is superseded: it was
        // never seen there, so freeing it here is safe.
        std::unique_ptr<ConvolverInstance> superseded (
            pending.exchange (instance.release(), std::memory_order_acq_rel));
        superseded.reset();
        drainRetired();
    }

    void setPublishedTiming (const ConvolverInstance& instance)
    {
        const auto oldLatency = publishedLatency.exchange (instance.latencySamples, std::memory_order_acq_rel);
        const auto oldTail = publishedEngineTail.exchange (instance.engineTailSamples, std::memory_order_acq_rel);
        if (oldLatency != instance.latencySamples || oldTail != instance.engineTailSamples)
            timingVersionCounter.fetch_add (1, std::memory_order_acq_rel);
    }

    void publishInfo (std::shared_ptr<const ImpulseResponseInfo> newInfo, std::string error)
    {
        {
            const std::scoped_lock lock (infoMutex);
            currentInfo = std::move (newInfo);
            errorMessage = std::move (error);
        }
        irVersion.fetch_add (1, std::memory_order_acq_rel);
    }

    void publishError (std::string error)
    {
        {
            const std::scoped_lock lock (infoMutex);
            errorMessage = std::move (error);
        }
        irVersion.fetch_add (1, std::memory_order_acq_rel);
    }

    /** Frees what the audio thread retired. buildMutex serialises consumers. */
    void drainRetired() noexcept
    {
        while (retired.pop() != nullptr)
        {
        }
    }

    //==========================================================================
    // Loader thread

    void startLoader()
    {
        {
            const std::scoped_lock lock (buildMutex);
            stopRequested = false;
        }
        loader = std::thread ([this] { loaderLoop(); });
    }

    void stopLoaderThread()
    {
        if (!loader.joinable())
            return;
        {
            const std::scoped_lock lock (buildMutex);
            stopRequested = true;
        }
        loaderWake.notify_all();
        loader.join();
    }

    void loaderLoop()
    {
        std::unique_lock lock (buildMutex);
        while (!stopRequested)
        {
            drainRetired();
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
        drainRetired();
    }

    //==========================================================================
    // Audio thread

    void allocateBuffers()
    {
        const auto maxPreDelay = millisecondsToFrames (static_cast<double> (parameterRanges::preDelayMs.maximum), rate);
        history.prepare (numInputs, std::max (maxPreDelay, lowCpuPartition));
        for (auto* buffers : { &preDelayed, &dry })
            buffers->assign (numInputs, std::vector<float> (chunkCapacity, 0.0f));
        for (auto* buffers : { &wetCurrent, &wetFading })
            buffers->assign (numOutputs, std::vector<float> (chunkCapacity, 0.0f));
        dryGains.assign (chunkCapacity, 0.0f);
        wetGains.assign (chunkCapacity, 0.0f);
        engineInputs.prepare (numInputs, static_cast<std::size_t> (std::ceil (primingHistorySeconds * rate)),
                              chunkCapacity);
        primer.prepare (numInputs, numOutputs, chunkCapacity);
    }

    void applyLiveParameters() noexcept
    {
        const auto p = parameterStore.load();
        mix.setTarget (p.mixPercent / 100.0f);
        wetGain.setTarget (decibelsToGain (p.wetGainDb));
        outputGain.setTarget (decibelsToGain (p.outputGainDb));
        bypassAmount.setTarget (bypassRequested.load (std::memory_order_relaxed) ? 1.0f : 0.0f);
        preDelayTap.setTarget (millisecondsToFrames (static_cast<double> (p.preDelayMs), rate));
        post.setTargets (p.lowCutHz, p.lowCutHz <= parameterRanges::lowCutHz.minimum, p.highCutHz,
                         p.highCutHz >= parameterRanges::highCutHz.maximum, p.widthPercent);
    }

    void resetSignalState() noexcept
    {
        if (current != nullptr)
            current->engine.reset();
        if (fading != nullptr)
            fading->engine.reset();
        restartEngineInputs();
        history.clear();
        engineSilence.restart();
        engineAsleep = false;
        preDelayTap.jumpTo (millisecondsToFrames (static_cast<double> (parameterStore.load().preDelayMs), rate));
        for (auto* smoother : { &mix, &wetGain, &outputGain, &bypassAmount })
            smoother->snapTo (smoother->targetValue());
        post.reset();
    }

    /** Takes a newly published instance into `priming` (replacing one still
        catching up, which was never heard). */
    void pickUpPendingInstance() noexcept
    {
        // Without room to retire the current engine later (and a superseded
        // priming one now), wait: an engine must never be freed here.
        if (!retired.hasRoom() || pending.load (std::memory_order_acquire) == nullptr)
            return;
        if (priming != nullptr && !retired.push (priming))
            return;
        if (!retired.hasRoom())
            return;

        std::unique_ptr<ConvolverInstance> incoming (pending.exchange (nullptr, std::memory_order_acq_rel));
        if (incoming == nullptr)
            return;

        if (incoming->engine.numInputs() != numInputs || incoming->engine.numOutputs() != numOutputs)
        {
            retired.push (incoming); // built for another bus; cannot happen after prepare()
            return;
        }

        InstancePrimer::adopt (*incoming, engineInputs);
        priming = std::move (incoming);
    }

    /** Feeds the priming instance the engine input it has not heard yet; once
        it is current, it replaces the playing one (crossfaded). */
    void advancePriming (std::size_t& budget) noexcept
    {
        if (priming == nullptr)
            return;
        if (!engineAsleep && engineMaySleep())
            fallAsleep();
        if (engineAsleep && current != nullptr && priming->latencySamples == current->latencySamples)
        {
            // Offline, in silence: nothing to catch up on or fade from, and
            // the dry path keeps its delay. The new engine starts clean at
            // the next sound (wakeEngine).
            if (retired.push (current))
                current = std::move (priming);
            return;
        }
        if (!primer.catchUp (*priming, engineInputs, budget))
            return;
        // The playing engine is retired now or when the fade ends: never freed here.
        if (current != nullptr && !retired.hasRoom())
            return;

        if (!processedSinceReset || current == nullptr)
        {
            // Nothing has played yet: no old sound to fade from.
            if (current != nullptr)
                retired.push (current);
            current = std::move (priming);
            return;
        }

        fading = std::move (current);
        current = std::move (priming);
        fadePosition = 0;
        engineAsleep = false; // both engines run through the fade
    }

    float fadeGainAt (std::size_t offset) const noexcept
    {
        return static_cast<float> (fadePosition + offset + 1) / static_cast<float> (fadeLength);
    }

    void processChunk (float* const* channels, std::size_t offset, std::size_t numSamples) noexcept
    {
        readInputs (channels, offset, numSamples);
        std::array<const float*, maxChannels> engineInput {};
        for (std::size_t i = 0; i < numInputs; ++i)
            engineInput[i] = preDelayed[i].data();
        const std::span<const float* const> input (engineInput.data(), numInputs);

        if (mode.load (std::memory_order_relaxed) == RebuildMode::synchronous)
        {
            runEnginesOffline (input, numSamples);
        }
        else
        {
            engineAsleep = false; // real time never sleeps
            engineInputs.append (input, numSamples);
            runEngines (0, numSamples);
            engineSilence.hear (input, numSamples);
        }
        post.process ({ wetCurrent[0].data(), numOutputs > 1 ? wetCurrent[1].data() : nullptr }, numSamples);
        mixToOutputs (channels, offset, numSamples);
    }

    /** Feeds the history and reads the pre-delayed (wet) and latency-aligned
        (dry) inputs. Everything is read before any output is written, so the
        host's in-place buffer is safe. */
    void readInputs (float* const* channels, std::size_t offset, std::size_t numSamples) noexcept
    {
        const auto dryTo = current->latencySamples;
        const auto dryFrom = fading != nullptr ? fading->latencySamples : dryTo;

        for (std::size_t n = 0; n < numSamples; ++n)
        {
            for (std::size_t i = 0; i < numInputs; ++i)
                history.write (i, channels[i][offset + n]);

            const auto taps = preDelayTap.next();
            const float dryGain = dryFrom == dryTo ? 1.0f : fadeGainAt (n);
            for (std::size_t i = 0; i < numInputs; ++i)
            {
                preDelayed[i][n] = taps.toGain == 1.0f ? history.read (i, taps.to)
                                                       : history.read (i, taps.from) * (1.0f - taps.toGain)
                                                             + history.read (i, taps.to) * taps.toGain;
                dry[i][n] = dryGain == 1.0f
                                ? history.read (i, dryTo)
                                : history.read (i, dryFrom) * (1.0f - dryGain) + history.read (i, dryTo) * dryGain;
            }
            history.advance();
        }
    }

    /** Offline, once the engine input has been silent for longer than the
        engine rings, the convolution's output is zero (the engine's only
        rounding noise): it sleeps (SilenceTracker says why). Between chunks
        one sample more than in runEnginesOffline, where a silent sample that
        arrives after that silence puts it to sleep: the same sample whatever
        the chunking. */
    bool engineMaySleep() const noexcept
    {
        return mode.load (std::memory_order_relaxed) == RebuildMode::synchronous && current != nullptr
               && fading == nullptr && engineSilence.silentFor (current->engineTailSamples + 2);
    }

    /** Offline: the engine runs from the first sound to where the silence
        after it has outlasted the engine's ring, and sleeps in between, at
        the same samples whatever the chunk sizes. */
    void runEnginesOffline (std::span<const float* const> input, std::size_t numSamples) noexcept
    {
        std::size_t position = 0;
        while (position < numSamples)
        {
            if (engineAsleep)
            {
                const auto sound = engineSilence.skipSilence (input, position, numSamples);
                for (std::size_t o = 0; o < numOutputs; ++o)
                    std::fill (wetCurrent[o].data() + position, wetCurrent[o].data() + sound, 0.0f);
                position = sound;
                if (sound < numSamples)
                    wakeEngine();
                continue;
            }

            const auto span =
                fading == nullptr ? current->engineTailSamples + 1 : std::numeric_limits<std::size_t>::max();
            const auto sleepFrom = engineSilence.hearUntilSilentFor (input, position, numSamples, span);
            if (sleepFrom > position)
            {
                std::array<const float*, maxChannels> heard {};
                for (std::size_t i = 0; i < numInputs; ++i)
                    heard[i] = input[i] + position;
                engineInputs.append (std::span<const float* const> (heard.data(), numInputs), sleepFrom - position);
                runEngines (position, sleepFrom - position);
            }
            position = sleepFrom;
            if (sleepFrom < numSamples)
                fallAsleep();
        }
    }

    /** A new epoch of engine input: a priming engine starts again from it. */
    void restartEngineInputs() noexcept
    {
        engineInputs.markReset();
        if (priming != nullptr)
            InstancePrimer::adopt (*priming, engineInputs);
    }

    /** The engine input history restarts too, so that an engine built
        while the engine sleeps is primed from silence, as it should be. */
    void fallAsleep() noexcept
    {
        engineAsleep = true;
        restartEngineInputs();
    }

    /** Sound after sleeping: the engine starts clean at this sample. */
    void wakeEngine() noexcept
    {
        current->engine.reset();
        restartEngineInputs();
        engineAsleep = false;
    }

    /** Runs the engines on the chunk's samples [from, from + numSamples). */
    void runEngines (std::size_t from, std::size_t numSamples) noexcept
    {
        std::array<const float*, maxChannels> inputs {};
        std::array<float*, maxChannels> currentOutputs {};
        std::array<float*, maxChannels> fadingOutputs {};
        for (std::size_t i = 0; i < numInputs; ++i)
            inputs[i] = preDelayed[i].data() + from;
        for (std::size_t o = 0; o < numOutputs; ++o)
        {
            currentOutputs[o] = wetCurrent[o].data() + from;
            fadingOutputs[o] = wetFading[o].data() + from;
        }
        const std::span<const float* const> inputSpan (inputs.data(), numInputs);

        const auto started = CpuLoadMeter::begin();
        current->engine.process (inputSpan, std::span<float* const> (currentOutputs.data(), numOutputs), numSamples);
        fallbackBlocks.store (current->engine.directFallbackBlocks(), std::memory_order_relaxed);
        if (blockWatch.observe (current->engine, numSamples) && !hostCutsBlocks.load (std::memory_order_relaxed))
            hostCutsBlocks.store (true, std::memory_order_release); // the loader rebuilds for any cut

        if (fading != nullptr)
        {
            fading->engine.process (inputSpan, std::span<float* const> (fadingOutputs.data(), numOutputs), numSamples);
            for (std::size_t o = 0; o < numOutputs; ++o)
            {
                float* incoming = currentOutputs[o];
                const float* outgoing = fadingOutputs[o];
                for (std::size_t n = 0; n < numSamples; ++n)
                {
                    const float gain = fadeGainAt (n);
                    incoming[n] = incoming[n] * gain + outgoing[n] * (1.0f - gain);
                }
            }

            fadePosition += numSamples;
            if (fadePosition >= fadeLength)
            {
                // Room was checked before the pick-up; only this thread pushes.
                retired.push (fading);
                fadePosition = 0;
            }
        }
        cpuMeter.end (started, numSamples);
    }

    void mixToOutputs (float* const* channels, std::size_t offset, std::size_t numSamples) noexcept
    {
        for (std::size_t n = 0; n < numSamples; ++n)
        {
            const float m = mix.next();
            const float wet = wetGain.next();
            const float out = outputGain.next();
            // Bypassed: the dry input alone, at unity, still delayed by the
            // latency, so that a host's delay compensation stays right.
            const float bypass = bypassAmount.next();
            dryGains[n] = out * (1.0f - m) * (1.0f - bypass) + bypass;
            wetGains[n] = out * m * wet * (1.0f - bypass);
        }

        for (std::size_t o = 0; o < numOutputs; ++o)
        {
            const float* drySignal = dry[numInputs == 1 ? 0 : o].data();
            const float* wetSignal = wetCurrent[o].data();
            float* output = channels[o] + offset;
            for (std::size_t n = 0; n < numSamples; ++n)
            {
                // A silent dry path must not let non-finite dry input through.
                const float dryPart = dryGains[n] == 0.0f ? 0.0f : dryGains[n] * drySignal[n];
                output[n] = dryPart + wetGains[n] * wetSignal[n];
            }
        }
    }

    //==========================================================================

    ParameterStore parameterStore;
    std::atomic<RebuildMode> mode;

    // Build side: guarded by buildMutex.
    std::mutex buildMutex;
    std::condition_variable loaderWake;
    std::condition_variable loaderIdle;
    bool loaderBuilding = false;
    std::atomic<bool> switchedToSynchronous { false };
    std::thread loader;
    bool stopRequested = false;
    BuildTarget target;
    std::shared_ptr<const ImpulseResponseSource> source;
    std::shared_ptr<const ImpulseResponseSource> requestedSource;
    bool hasRequest = false;
    std::uint64_t requestId = 0;
    std::uint64_t failedRequestId = 0;
    ShapingParameters builtShaping;
    HostBlocks builtHostBlocks = HostBlocks::anySize;

    // Published to queries.
    mutable std::mutex infoMutex;
    std::shared_ptr<const ImpulseResponseInfo> currentInfo;
    std::string errorMessage;
    std::atomic<std::uint64_t> irVersion { 0 };
    std::atomic<std::uint64_t> timingVersionCounter { 0 };
    std::atomic<std::size_t> publishedLatency { 0 };
    std::atomic<std::size_t> publishedEngineTail { 0 };
    std::atomic<double> sessionRate { 48000.0 };

    // Hand-over between the builders and the audio thread.
    std::atomic<ConvolverInstance*> pending { nullptr };
    RetiredEngineQueue<ConvolverInstance, 16> retired;

    // Audio thread (and prepare/release while it is stopped).
    std::atomic<bool> prepared { false };
    std::size_t numInputs = 0;
    std::size_t numOutputs = 0;
    std::size_t chunkCapacity = minChunk;
    double rate = 48000.0;
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
    DelayRing history;
    FadingDelayTap preDelayTap;
    WetPostProcessor post;
    LinearSmoother mix;
    LinearSmoother wetGain;
    LinearSmoother outputGain;
    LinearSmoother bypassAmount;
    std::atomic<bool> bypassRequested { false };
    std::vector<std::vector<float>> preDelayed;
    std::vector<std::vector<float>> dry;
    std::vector<std::vector<float>> wetCurrent;
    std::vector<std::vector<float>> wetFading;
    std::vector<float> dryGains;
    std::vector<float> wetGains;
    CpuLoadMeter cpuMeter;
    std::atomic<std::size_t> fallbackBlocks { 0 };
    HostBlockWatch blockWatch;
    std::atomic<bool> hostCutsBlocks { false };
};

//==============================================================================

ConvolverProcessor::ConvolverProcessor (RebuildMode mode)
    : implementation (std::make_unique<Implementation> (mode))
{
}

ConvolverProcessor::~ConvolverProcessor() = default;

void ConvolverProcessor::prepare (double sampleRate, std::size_t maxBlockSize, std::size_t numInputs,
                                  std::size_t numOutputs)
{
    implementation->prepare (sampleRate, maxBlockSize, numInputs, numOutputs);
}

void ConvolverProcessor::releaseResources()
{
    implementation->releaseResources();
}

void ConvolverProcessor::setRebuildMode (RebuildMode mode) noexcept
{
    implementation->setRebuildMode (mode);
}

RebuildMode ConvolverProcessor::rebuildMode() const noexcept
{
    return implementation->rebuildMode();
}

LoadOutcome ConvolverProcessor::loadImpulseResponse (AudioClip clip, std::string displayName)
{
    auto source = std::make_shared<ImpulseResponseSource>();
    source->clip = std::make_shared<const AudioClip> (std::move (clip));
    source->name = std::move (displayName);
    return implementation->load (std::move (source));
}

void ConvolverProcessor::unloadImpulseResponse()
{
    implementation->load (nullptr);
}

void ConvolverProcessor::buildPendingNow()
{
    implementation->buildPendingNow();
}

std::shared_ptr<const ImpulseResponseInfo> ConvolverProcessor::impulseResponseInfo() const
{
    return implementation->info();
}

std::string ConvolverProcessor::lastError() const
{
    return implementation->lastError();
}

std::uint64_t ConvolverProcessor::impulseResponseVersion() const noexcept
{
    return implementation->impulseResponseVersion();
}

void ConvolverProcessor::setParameters (const ProcessorParameters& parameters)
{
    implementation->setParameters (parameters);
}

ProcessorParameters ConvolverProcessor::parameters() const noexcept
{
    return implementation->parameters();
}

ReportedTiming ConvolverProcessor::reportedTiming() const noexcept
{
    return implementation->reportedTiming();
}

std::uint64_t ConvolverProcessor::timingVersion() const noexcept
{
    return implementation->timingVersion();
}

float ConvolverProcessor::cpuLoad() const noexcept
{
    return implementation->cpuLoad();
}

std::size_t ConvolverProcessor::directFallbackBlocks() const noexcept
{
    return implementation->directFallbacks();
}

std::size_t ConvolverProcessor::retiredEnginesAwaitingRelease() const noexcept
{
    return implementation->retiredCount();
}

void ConvolverProcessor::process (float* const* channels, std::size_t numSamples) noexcept PARTITA_NONBLOCKING
{
    implementation->process (channels, numSamples);
}

void ConvolverProcessor::reset() noexcept PARTITA_NONBLOCKING
{
    implementation->reset();
}

void ConvolverProcessor::setBypassed (bool shouldBypass) noexcept
{
    implementation->setBypassed (shouldBypass);
}

} // namespace partita
