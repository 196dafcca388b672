// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DelayRing.h"
#include "FadingDelayTap.h"
#include "LinearSmoother.h"
#include "PlayingEngines.h"
#include "ProcessorParameters.h"
#include "WetPostProcessor.h"
#include "engine/Nonblocking.h"

#include <array>
#include <atomic>
#include <cstddef>
#include <span>
#include <vector>

namespace partita
{

/** The processor's signal path around the engines, per chunk:

        dry  = input delayed by the latency (faded between two latencies)
        wet  = engines (input delayed by the pre-delay)
        wet  = width (equaliser (high-cut (low-cut (wet))))
        out  = outputGain * ((1 - mix) * dry + mix * wetGain * wet)

    and the host bypass (the dry input at unity, still delayed by the
    latency). Gains, mix, cutoffs, equaliser and width ramp linearly over the smoothing
    time; a pre-delay change crossfades between two delay taps, whether it
    comes from the pre-delay, its note value or the host's tempo (a tempo
    ramp retargets the tap only when the delay's whole-sample count moves,
    and a move during a crossfade waits for it to end: one crossfade at a
    time, FadingDelayTap).

    Threading: prepare() and release() while the audio thread is stopped;
    the rest on the audio thread: noexcept, no allocation. */
class DryWetPath
{
public:
    /** Allocates for chunks of up to maxChunk samples, the longest pre-delay
        (PreDelayTime::longestSamples) and a dry delay up to maxLatency. */
    void prepare (double sampleRate, std::size_t numInputs, std::size_t numOutputs, std::size_t maxChunk,
                  std::size_t maxLatency, double smoothingSeconds, double preDelayFadeSeconds);
    void release();

    /** New targets for the ramps (audio thread, once per block); the tempo
        (BPM) times a pre-delay in note values. */
    void setTargets (const ProcessorParameters& parameters, bool bypassed,
                     double beatsPerMinute) noexcept PARTITA_NONBLOCKING;
    /** Clears the delays and filters and snaps the ramps to their targets. */
    void reset (const ProcessorParameters& parameters, double beatsPerMinute) noexcept PARTITA_NONBLOCKING;

    /** Feeds the delay line and reads the pre-delayed (engine) and
        latency-aligned (dry) inputs. Everything is read before any output is
        written, so the host's in-place buffer is safe. */
    void readInputs (const float* const* channels, std::size_t offset, std::size_t numSamples,
                     const LatencyCrossfade& latency) noexcept PARTITA_NONBLOCKING;

    /** The chunk's engine input and the buffers the engines write the wet
        signal to. */
    [[nodiscard]] std::span<const float* const> engineInput() const noexcept
    {
        return { engineInputs.data(), numInputs };
    }
    [[nodiscard]] std::span<float* const> wetOutput() const noexcept { return { wetOutputs.data(), numOutputs }; }

    /** Adds a mono signal (the preview) to every channel of the chunk's
        engine input, after the pre-delay and never to the dry path: the
        preview is heard through the IR and the wet path only. */
    void addToEngineInput (std::span<const float> signal) noexcept PARTITA_NONBLOCKING;

    /** Filters and widens the wet signal and mixes it with the dry one into
        the host's channels. */
    void writeOutputs (float* const* channels, std::size_t offset, std::size_t numSamples) noexcept PARTITA_NONBLOCKING;

private:
    static constexpr std::size_t maxChannels = PlayingEngines::maxChannels;

    void mix (float* const* channels, std::size_t offset, std::size_t numSamples) noexcept;

    double rate = 48000.0;
    std::size_t numInputs = 0;
    std::size_t numOutputs = 0;
    DelayRing history;
    FadingDelayTap preDelayTap;
    WetPostProcessor post;
    LinearSmoother mixAmount;
    LinearSmoother wetGain;
    LinearSmoother outputGain;
    LinearSmoother bypassAmount;
    std::vector<std::vector<float>> preDelayed;
    std::vector<std::vector<float>> dry;
    std::vector<std::vector<float>> wet;
    std::vector<float> dryGains;
    std::vector<float> wetGains;
    std::array<const float*, maxChannels> engineInputs {};
    std::array<float*, maxChannels> wetOutputs {};
};

} // namespace partita
