// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BrowserSettings.h"
#include "BrowsingLoudnessMatch.h"
#include "ImpulseResponseLoading.h"
#include "ParameterBridge.h"
#include "RecentImpulseResponses.h"
#include "StatusMessage.h"
#include "processor/ConvolverProcessor.h"
#include "state/SessionState.h"

#include <juce_audio_processors/juce_audio_processors.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

namespace partita
{

/** The Partita plugin: a thin JUCE adapter over ConvolverProcessor (the DSP)
    and the JUCE-free state format (state/PluginStateFormat.h).

    - Buses: mono -> mono, mono -> stereo, stereo -> stereo.
    - processBlock hands the host parameters' current values and the buffer to
      the ConvolverProcessor: no allocation, no waiting lock.
    - IR files are read on a loader thread (ImpulseResponseLoading); the
      ConvolverProcessor rebuilds and crossfades off the audio thread. A file
      that fails leaves the playing IR alone and the reason in status().
    - Latency and tail: a timer on the message thread polls the processor's
      timing version and tells the host (setLatencySamples) when it moves.
    - Offline bounces (isNonRealtime) rebuild synchronously, so a bounce does
      not depend on timing.
    - Host bypass (processBlockBypassed) plays the dry input delayed by the
      reported latency, crossfaded, with the engines still running.
    - The state holds the parameters, the IR's path, fingerprint and lossless
      audio (state/SessionState.h): the bytes of serialiseState, also written
      by the editor as a preset for `partita render --state`.

    Threading: JUCE's AudioProcessor contract. The Partita methods below are
    for the message thread unless they say otherwise. */
class PartitaAudioProcessor final : public juce::AudioProcessor, private juce::Timer
{
public:
    /** What a new instance plays before the host restores a session. */
    enum class InitialImpulseResponse
    {
        /** The factory small room (defaultFactoryImpulseResponse): a new
            instance is heard to work, and a validator's or host's first test
            exercises the convolution, not a pass-through. */
        factoryDefault,
        /** No IR: the wet path passes the input through (tests that need a
            plain instance). */
        none,
    };

    struct Options
    {
        /** Where the recent-files list and the browser's settings live; tests pass a temporary file. */
        juce::File settingsFile = RecentImpulseResponses::defaultSettingsFile();
        InitialImpulseResponse initialImpulseResponse = InitialImpulseResponse::factoryDefault;
    };

    PartitaAudioProcessor();
    explicit PartitaAudioProcessor (Options options);
    ~PartitaAudioProcessor() override;

    // juce::AudioProcessor -------------------------------------------------------
    void prepareToPlay (double sampleRate, int maximumExpectedSamplesPerBlock) override;
    void releaseResources() override;
    bool isBusesLayoutSupported (const BusesLayout& layouts) const override;
    void processBlock (juce::AudioBuffer<float>& buffer, juce::MidiBuffer& midi) override;
    void processBlockBypassed (juce::AudioBuffer<float>& buffer, juce::MidiBuffer& midi) override;
    using juce::AudioProcessor::processBlock;
    using juce::AudioProcessor::processBlockBypassed;
    void setNonRealtime (bool isNonRealtime) noexcept override;

    juce::AudioProcessorEditor* createEditor() override;
    bool hasEditor() const override { return true; }

    const juce::String getName() const override;
    bool acceptsMidi() const override { return false; }
    bool producesMidi() const override { return false; }
    bool isMidiEffect() const override { return false; }
    double getTailLengthSeconds() const override { return tailSeconds.load(); }

    int getNumPrograms() override { return 1; }
    int getCurrentProgram() override { return 0; }
    void setCurrentProgram (int) override {}
    const juce::String getProgramName (int) override { return "Default"; }
    void changeProgramName (int, const juce::String&) override {}

    void getStateInformation (juce::MemoryBlock& destData) override;
    void setStateInformation (const void* data, int sizeInBytes) override;

    // Partita ----------------------------------------------------------------------

    /** Reads the file on the loader thread and plays it (crossfaded); on
        failure the current IR keeps playing and status() says why. */
    void loadImpulseResponseFile (const juce::File& file, IrSlot slot = IrSlot::a) { loading.loadFile (file, slot); }
    /** A factory IR by its index in factoryImpulseResponses(). */
    void loadFactoryImpulseResponse (std::size_t index) { loading.loadFactory (index); }
    /** An IR computed on the loader thread (a deconvolved recording, a
        measurement; ImpulseResponseLoading::loadComputed): played like a
        loaded file, crossfaded, its audio saved in the state; on failure the
        current IR keeps playing and status() says why. */
    void loadComputedImpulseResponse (std::string name, std::string startMessage,
                                      std::function<ImpulseResponseFileLoader::Computed()> compute)
    {
        loading.loadComputed (std::move (name), std::move (startMessage), std::move (compute));
    }
    void unloadImpulseResponse() { loading.unload(); }
    /** Empties one IR slot; the other keeps playing. */
    void unloadImpulseResponse (IrSlot slot) { loading.unload (slot); }

    /** Waits until the loader thread has handed over every requested IR
        (tests; an offline host). The ConvolverProcessor may still be
        building it in background mode. */
    bool waitForPendingLoads (std::chrono::milliseconds timeout) { return loading.waitUntilIdle (timeout); }

    /** What the timer does, at once: tells the host a changed latency or
        tail, updates status() when an IR build finished or failed, and moves
        files read successfully into the recent list. */
    void refreshFromConvolver();

    /** The state's bytes, as getStateInformation writes them. Any non-audio
        thread. */
    [[nodiscard]] std::vector<std::uint8_t> stateBytes();
    /** Restores from bytes, as setStateInformation does. Returns false, leaving
        everything as it was and a message in status(), when the bytes are not
        a Partita state at all. */
    bool restoreState (std::span<const std::uint8_t> bytes);

    [[nodiscard]] ConvolverProcessor& convolver() noexcept { return dsp; }
    [[nodiscard]] juce::AudioProcessorValueTreeState& parameterState() noexcept { return parameters; }
    /** The host parameters' current values. Any thread. */
    [[nodiscard]] ProcessorParameters currentParameters() const noexcept { return bridge.read(); }
    [[nodiscard]] StatusMessage::Snapshot status() const { return statusMessage.snapshot(); }
    /** Puts a line on the editor's message bar (the editor's own results,
        e.g. a preset export). Any non-audio thread. */
    void showMessage (std::string text, StatusMessage::Severity severity)
    {
        statusMessage.set (std::move (text), severity);
    }
    [[nodiscard]] RecentImpulseResponses& recentFiles() noexcept { return recent; }
    /** The IR browser's folders, favourites and shown state (the same
        settings file). */
    [[nodiscard]] BrowserSettings& browserSettings() noexcept { return browser; }

    /** The preview (ConvolverProcessor::togglePreview): the built-in dry
        sound through the IR into the output, host running or stopped; a
        second press stops it, faded. For the editor's Preview button and key.
        Any thread. */
    void togglePreview() noexcept { dsp.togglePreview(); }
    [[nodiscard]] bool isPreviewPlaying() const noexcept { return dsp.isPreviewPlaying(); }

    /** For the browser, when the user starts stepping through IRs: loudness
        matching (the loudnessMatch parameter) on, unless the user has set it
        by its control in this instance (BrowsingLoudnessMatch). Returns
        whether it is on. Message thread. */
    bool loudnessMatchForBrowsing() { return browsingLoudness.browsingStarted(); }

private:
    void timerCallback() override { refreshFromConvolver(); }
    void applyRebuildMode (bool offline) noexcept;
    /** The host's tempo from its play head; 120 BPM (PreDelayTime::defaultTempo)
        when there is no play head or it gives no tempo (the standalone app).
        Audio thread. */
    [[nodiscard]] double hostTempo() const noexcept;
    /** processBlock's work, bypassed or not (ConvolverProcessor::setBypassed). */
    void process (juce::AudioBuffer<float>& buffer);
    static BusesProperties defaultBuses();

    ConvolverProcessor dsp;
    juce::AudioProcessorValueTreeState parameters;
    ParameterBridge bridge;
    StatusMessage statusMessage;
    SessionState session { dsp };
    RecentImpulseResponses recent;
    BrowserSettings browser;
    BrowsingLoudnessMatch browsingLoudness { *parameters.getParameter ("loudnessMatch") };

    /** refreshFromConvolver runs on the message thread's timer, in
        prepareToPlay (a host may call it from another thread) and after a
        restore: the lock keeps the versions seen and the latency told in
        step. The only lock here; the audio thread never takes it. */
    std::mutex refreshLock;
    std::uint64_t seenTimingVersion = ~std::uint64_t { 0 };
    std::uint64_t seenImpulseResponseVersion = ~std::uint64_t { 0 };
    std::atomic<double> preparedSampleRate { 0.0 };
    std::atomic<double> tailSeconds { 0.0 };
    // Audio thread, and prepareToPlay while it is stopped.
    std::size_t preparedChannels = 0;
    std::size_t preparedOutputs = 0;

    /** Last: destroyed first, so no file loaded late runs into members gone. */
    ImpulseResponseLoading loading { dsp, statusMessage };

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (PartitaAudioProcessor)
};

} // namespace partita
