// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConvolverProcessor.h"

#include "engine/ScopedDenormalFlush.h"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

namespace partita
{

namespace
{
/** The engines are fed chunks of minChunk to maxChunk samples. */
constexpr std::size_t maxChunk = 4096;
constexpr std::size_t minChunk = 64;

bool isSupportedLayout (std::size_t numInputs, std::size_t numOutputs) noexcept
{
    return (numInputs == 1 && numOutputs == 1) || (numInputs == 1 && numOutputs == 2)
           || (numInputs == 2 && numOutputs == 2);
}

void checkFormat (double sampleRate, std::size_t maxBlockSize, std::size_t numInputs, std::size_t numOutputs)
{
    if (!(sampleRate >= 8000.0 && sampleRate <= 768000.0))
        throw std::invalid_argument ("the processor supports sample rates from 8 kHz to 768 kHz, not "
                                     + std::to_string (sampleRate) + " Hz");
    if (maxBlockSize == 0)
        throw std::invalid_argument ("the maximum block size must be at least 1 sample");
    if (!isSupportedLayout (numInputs, numOutputs))
        throw std::invalid_argument ("the processor supports mono to mono, mono to stereo and stereo to stereo, not "
                                     + std::to_string (numInputs) + " in to " + std::to_string (numOutputs) + " out");
}
} // namespace

ConvolverProcessor::ConvolverProcessor (RebuildMode mode)
    : builder (mode, parameterStore, status, mailbox, engines.inputHistory())
{
}

ConvolverProcessor::~ConvolverProcessor() = default;

void ConvolverProcessor::prepare (double sampleRate, std::size_t maxBlockSize, std::size_t numInputs,
                                  std::size_t numOutputCount)
{
    checkFormat (sampleRate, maxBlockSize, numInputs, numOutputCount);
    preparedRate.store (sampleRate, std::memory_order_relaxed);
    const SessionFormat format { sampleRate, numInputs, numOutputCount, std::min (maxBlockSize, maxChunk) };
    builder.prepare (
        format,
        [this]
        {
            prepared.store (false, std::memory_order_release);
            engines.clear();
        },
        [&] (std::unique_ptr<ConvolverInstance> first)
        {
            numOutputs = numOutputCount;
            chunkCapacity = std::clamp (maxBlockSize, minChunk, maxChunk);
            path.prepare (sampleRate, numInputs, numOutputs, chunkCapacity, lowCpuPartition, smoothingSeconds,
                          preDelayFadeSeconds);
            preview.prepare (sampleRate, chunkCapacity);
            engines.prepare (sampleRate, numInputs, numOutputs, chunkCapacity, crossfadeSeconds, std::move (first));
            applyLiveParameters();
            path.reset (parameterStore.load(), tempo.load (std::memory_order_relaxed));
            prepared.store (true, std::memory_order_release);
        });
}

void ConvolverProcessor::releaseResources()
{
    builder.release (
        [this]
        {
            prepared.store (false, std::memory_order_release);
            engines.release();
            path.release();
        });
}

void ConvolverProcessor::setRebuildMode (RebuildMode mode) noexcept
{
    builder.setRebuildMode (mode);
}

RebuildMode ConvolverProcessor::rebuildMode() const noexcept
{
    return builder.rebuildMode();
}

LoadOutcome ConvolverProcessor::loadImpulseResponse (AudioClip clip, std::string displayName, std::string originalPath,
                                                     IrLayoutHint layoutHint)
{
    return loadImpulseResponse (IrSlot::a, std::move (clip), std::move (displayName), std::move (originalPath),
                                layoutHint);
}

LoadOutcome ConvolverProcessor::loadImpulseResponse (IrSlot slot, AudioClip clip, std::string displayName,
                                                     std::string originalPath, IrLayoutHint layoutHint)
{
    auto source = std::make_shared<ImpulseResponseSource>();
    source->clip = std::make_shared<const AudioClip> (std::move (clip));
    source->name = std::move (displayName);
    source->originalPath = std::move (originalPath);
    source->layoutHint = layoutHint;
    // A preview playing stops (faded) rather than carry over into another IR.
    preview.stop();
    return builder.load (slot, std::move (source));
}

LoadOutcome ConvolverProcessor::loadImpulseResponses (ImpulseResponseSlots slots)
{
    preview.stop();
    return builder.load (std::move (slots));
}

std::shared_ptr<const ImpulseResponseSource> ConvolverProcessor::requestedImpulseResponse (IrSlot slot) const
{
    return builder.requestedSources()[slot];
}

void ConvolverProcessor::unloadImpulseResponse()
{
    preview.stop();
    builder.load (ImpulseResponseSlots {});
}

void ConvolverProcessor::unloadImpulseResponse (IrSlot slot)
{
    preview.stop();
    builder.load (slot, nullptr);
}

void ConvolverProcessor::buildPendingNow()
{
    builder.buildPendingNow();
}

std::shared_ptr<const ImpulseResponseInfo> ConvolverProcessor::impulseResponseInfo() const
{
    return status.info();
}

std::string ConvolverProcessor::lastError() const
{
    return status.lastError();
}

std::uint64_t ConvolverProcessor::impulseResponseVersion() const noexcept
{
    return status.impulseResponseVersion();
}

void ConvolverProcessor::setParameters (const ProcessorParameters& parameters)
{
    const auto changes = parameterStore.store (clampedToRanges (parameters));
    if (changes.tail)
        status.timingMayHaveChanged();
    builder.parametersChanged (changes.shaping);
}

ProcessorParameters ConvolverProcessor::parameters() const noexcept
{
    return parameterStore.load();
}

ReportedTiming ConvolverProcessor::reportedTiming() const noexcept
{
    return status.reportedTiming (parameterStore.load(), tempo.load (std::memory_order_relaxed));
}

void ConvolverProcessor::setHostTempo (double beatsPerMinute) noexcept PARTITA_NONBLOCKING
{
    const auto usable = PreDelayTime::usableTempo (beatsPerMinute);
    // Only a synced pre-delay's tail moves with the tempo; switching the
    // sync on is a parameter change, which counts by itself.
    if (tempo.exchange (usable, std::memory_order_relaxed) != usable
        && parameterStore.load().preDelaySync == PreDelaySync::tempo)
        status.timingMayHaveChanged();
}

double ConvolverProcessor::hostTempo() const noexcept
{
    return tempo.load (std::memory_order_relaxed);
}

std::uint64_t ConvolverProcessor::timingVersion() const noexcept
{
    return status.timingVersion();
}

float ConvolverProcessor::cpuLoad() const noexcept
{
    return engines.cpuLoad();
}

std::size_t ConvolverProcessor::directFallbackBlocks() const noexcept
{
    return engines.directFallbacks();
}

std::size_t ConvolverProcessor::retiredEnginesAwaitingRelease() const noexcept
{
    return mailbox.retiredCount();
}

void ConvolverProcessor::process (float* const* channels, std::size_t numSamples) noexcept PARTITA_NONBLOCKING
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
    // extra convolution per call in real time. An offline processor catches
    // up at once, so that the sample where the new IR starts never depends
    // on block sizes.
    const bool offline = isOffline();
    std::size_t catchUpBudget = offline ? std::numeric_limits<std::size_t>::max() : 2 * numSamples + minChunk;
    std::size_t done = 0;
    while (done < numSamples)
    {
        if (!engines.isFading())
        {
            engines.pickUpPending();
            engines.advancePriming (catchUpBudget, offline);
        }
        auto chunk = std::min (numSamples - done, chunkCapacity);
        if (engines.isFading())
            chunk = std::min (chunk, engines.fadeRemaining());
        processChunk (channels, done, chunk, offline);
        done += chunk;
    }
    engines.noteProcessed (numSamples > 0);
}

void ConvolverProcessor::processChunk (float* const* channels, std::size_t offset, std::size_t numSamples,
                                       bool offline) noexcept
{
    path.readInputs (channels, offset, numSamples, engines.latencyCrossfade());
    if (const auto previewChunk = preview.render (numSamples); !previewChunk.empty())
        path.addToEngineInput (previewChunk);
    if (engines.run (path.engineInput(), path.wetOutput(), numSamples, offline))
        builder.noteHostCutsBlocks();
    path.writeOutputs (channels, offset, numSamples);
}

void ConvolverProcessor::reset() noexcept PARTITA_NONBLOCKING
{
    if (!prepared.load (std::memory_order_acquire))
        return;
    applyLiveParameters();
    engines.reset();
    path.reset (parameterStore.load(), tempo.load (std::memory_order_relaxed));
    preview.reset();
}

void ConvolverProcessor::setBypassed (bool shouldBypass) noexcept
{
    bypassRequested.store (shouldBypass, std::memory_order_relaxed);
}

void ConvolverProcessor::applyLiveParameters() noexcept
{
    path.setTargets (parameterStore.load(), bypassRequested.load (std::memory_order_relaxed),
                     tempo.load (std::memory_order_relaxed));
}

} // namespace partita
