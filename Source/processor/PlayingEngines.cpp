// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlayingEngines.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace partita
{

namespace
{
/** How much engine input is kept to prime new engines (EngineInputHistory):
    IRs up to this long get their whole history; longer ones miss only the
    part of their tail beyond it during their first seconds. */
constexpr double primingHistorySeconds = 10.0;

/** Pointers `from` samples into each channel. */
template <typename Sample>
std::array<Sample*, PlayingEngines::maxChannels> offsetBy (std::span<Sample* const> channels, std::size_t from) noexcept
{
    std::array<Sample*, PlayingEngines::maxChannels> moved {};
    for (std::size_t c = 0; c < channels.size(); ++c)
        moved[c] = channels[c] + from;
    return moved;
}
} // namespace

PlayingEngines::PlayingEngines (InstanceMailbox& instanceMailbox)
    : mailbox (instanceMailbox)
{
}

void PlayingEngines::clear() noexcept
{
    current.reset();
    fading.reset();
    priming.reset();
}

void PlayingEngines::prepare (double sampleRate, std::size_t inputs, std::size_t outputs, std::size_t maxChunk,
                              double crossfadeSeconds, std::unique_ptr<ConvolverInstance> first)
{
    numInputs = inputs;
    numOutputs = outputs;
    fadingOutput.assign (numOutputs, std::vector<float> (maxChunk, 0.0f));
    engineInputs.prepare (numInputs, static_cast<std::size_t> (std::ceil (primingHistorySeconds * sampleRate)),
                          maxChunk);
    primer.prepare (numInputs, numOutputs, maxChunk);

    current = std::move (first);
    fadeLength = std::max<std::size_t> (1, static_cast<std::size_t> (std::llround (crossfadeSeconds * sampleRate)));
    fadePosition = 0;
    processedSinceReset = false;
    cpuMeter.prepare (sampleRate);
    blockWatch.prepare (sampleRate);
    resetSignalState();
}

void PlayingEngines::release()
{
    clear();
    engineInputs.release();
    primer.release();
    fadingOutput.clear();
}

void PlayingEngines::pickUpPending() noexcept
{
    // Without room to retire the current engine later (and a superseded
    // priming one now), wait: an engine must never be freed here.
    if (!mailbox.hasRoomToRetire() || !mailbox.hasPending())
        return;
    if (priming != nullptr && !mailbox.retire (priming))
        return;
    if (!mailbox.hasRoomToRetire())
        return;

    auto incoming = mailbox.takePending();
    if (incoming == nullptr)
        return;

    if (incoming->engine.numInputs() != numInputs || incoming->engine.numOutputs() != numOutputs)
    {
        mailbox.retire (incoming); // built for another bus; cannot happen after prepare()
        return;
    }

    InstancePrimer::adopt (*incoming, engineInputs);
    priming = std::move (incoming);
}

void PlayingEngines::advancePriming (std::size_t& budget, bool offline) noexcept
{
    if (priming == nullptr)
        return;
    if (!engineAsleep && engineMaySleep (offline))
        fallAsleep();
    if (engineAsleep && current != nullptr && priming->latencySamples == current->latencySamples)
    {
        // Offline, in silence: nothing to catch up on or fade from, and the
        // dry path keeps its delay. The new engine starts clean at the next
        // sound (wakeEngine).
        if (mailbox.retire (current))
            current = std::move (priming);
        return;
    }
    if (!primer.catchUp (*priming, engineInputs, budget))
        return;
    // The playing engine is retired now or when the fade ends: never freed here.
    if (current != nullptr && !mailbox.hasRoomToRetire())
        return;

    if (!processedSinceReset || current == nullptr)
    {
        // Nothing has played yet: no old sound to fade from.
        if (current != nullptr)
            mailbox.retire (current);
        current = std::move (priming);
        return;
    }

    fading = std::move (current);
    current = std::move (priming);
    fadePosition = 0;
    engineAsleep = false; // both engines run through the fade
}

LatencyCrossfade PlayingEngines::latencyCrossfade() const noexcept
{
    LatencyCrossfade fade;
    fade.to = current->latencySamples;
    fade.from = fading != nullptr ? fading->latencySamples : fade.to;
    fade.position = fadePosition;
    fade.length = fadeLength;
    return fade;
}

bool PlayingEngines::run (std::span<const float* const> input, std::span<float* const> wet, std::size_t numSamples,
                          bool offline) noexcept
{
    hostCutSeen = false;
    if (offline)
    {
        runOffline (input, wet, numSamples);
    }
    else
    {
        engineAsleep = false; // real time never sleeps
        engineInputs.append (input, numSamples);
        runEngines (input, wet, 0, numSamples);
        engineSilence.hear (input, numSamples);
    }
    return hostCutSeen;
}

void PlayingEngines::reset() noexcept
{
    if (fading != nullptr && mailbox.retire (fading))
        fadePosition = 0;
    resetSignalState();
    processedSinceReset = false;
}

void PlayingEngines::resetSignalState() noexcept
{
    if (current != nullptr)
        current->engine.reset();
    if (fading != nullptr)
        fading->engine.reset();
    restartEngineInputs();
    engineSilence.restart();
    engineAsleep = false;
}

/** Offline, once the engine input has been silent for longer than the engine
    rings, the convolution's output is zero (the engine's only rounding
    noise): it sleeps (SilenceTracker says why). Between chunks one sample
    more than in runOffline, where a silent sample that arrives after that
    silence puts it to sleep: the same sample whatever the chunking. */
bool PlayingEngines::engineMaySleep (bool offline) const noexcept
{
    return offline && current != nullptr && fading == nullptr
           && engineSilence.silentFor (current->engineTailSamples + 2);
}

/** Offline: the engine runs from the first sound to where the silence after
    it has outlasted the engine's ring, and sleeps in between, at the same
    samples whatever the chunk sizes. */
void PlayingEngines::runOffline (std::span<const float* const> input, std::span<float* const> wet,
                                 std::size_t numSamples) noexcept
{
    std::size_t position = 0;
    while (position < numSamples)
    {
        if (engineAsleep)
        {
            const auto sound = engineSilence.skipSilence (input, position, numSamples);
            for (auto* channel : wet)
                std::fill (channel + position, channel + sound, 0.0f);
            position = sound;
            if (sound < numSamples)
                wakeEngine();
            continue;
        }

        const auto span = fading == nullptr ? current->engineTailSamples + 1 : std::numeric_limits<std::size_t>::max();
        const auto sleepFrom = engineSilence.hearUntilSilentFor (input, position, numSamples, span);
        if (sleepFrom > position)
        {
            const auto heard = offsetBy (input, position);
            engineInputs.append (std::span<const float* const> (heard.data(), numInputs), sleepFrom - position);
            runEngines (input, wet, position, sleepFrom - position);
        }
        position = sleepFrom;
        if (sleepFrom < numSamples)
            fallAsleep();
    }
}

/** Runs the engines on the chunk's samples [from, from + numSamples). */
void PlayingEngines::runEngines (std::span<const float* const> input, std::span<float* const> wet, std::size_t from,
                                 std::size_t numSamples) noexcept
{
    const auto inputs = offsetBy (input, from);
    const auto outputs = offsetBy (wet, from);
    const std::span<const float* const> inputSpan (inputs.data(), numInputs);
    const std::span<float* const> outputSpan (outputs.data(), numOutputs);

    const auto started = CpuLoadMeter::begin();
    current->engine.process (inputSpan, outputSpan, numSamples);
    fallbackBlocks.store (current->engine.directFallbackBlocks(), std::memory_order_relaxed);
    if (blockWatch.observe (current->engine, numSamples))
        hostCutSeen = true; // the builder rebuilds for any cut

    if (fading != nullptr)
    {
        std::array<float*, maxChannels> fadingOutputs {};
        for (std::size_t o = 0; o < numOutputs; ++o)
            fadingOutputs[o] = fadingOutput[o].data() + from;
        fading->engine.process (inputSpan, std::span<float* const> (fadingOutputs.data(), numOutputs), numSamples);
        crossfade (outputSpan, from, numSamples);
    }
    cpuMeter.end (started, numSamples);
}

/** Mixes the fading engine's output into the current one's and ends the fade
    when its time is up. */
void PlayingEngines::crossfade (std::span<float* const> incoming, std::size_t from, std::size_t numSamples) noexcept
{
    const auto fade = latencyCrossfade();
    for (std::size_t o = 0; o < numOutputs; ++o)
    {
        float* into = incoming[o];
        const float* outgoing = fadingOutput[o].data() + from;
        for (std::size_t n = 0; n < numSamples; ++n)
        {
            const float gain = fade.gainAt (n);
            into[n] = into[n] * gain + outgoing[n] * (1.0f - gain);
        }
    }

    fadePosition += numSamples;
    if (fadePosition >= fadeLength)
    {
        // Room was checked before the pick-up; only this thread retires.
        mailbox.retire (fading);
        fadePosition = 0;
    }
}

/** A new epoch of engine input: a priming engine starts again from it. */
void PlayingEngines::restartEngineInputs() noexcept
{
    engineInputs.markReset();
    if (priming != nullptr)
        InstancePrimer::adopt (*priming, engineInputs);
}

/** The engine input history restarts too, so that an engine built while the
    engine sleeps is primed from silence, as it should be. */
void PlayingEngines::fallAsleep() noexcept
{
    engineAsleep = true;
    restartEngineInputs();
}

/** Sound after sleeping: the engine starts clean at this sample. */
void PlayingEngines::wakeEngine() noexcept
{
    current->engine.reset();
    restartEngineInputs();
    engineAsleep = false;
}

} // namespace partita
