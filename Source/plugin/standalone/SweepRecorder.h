// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <juce_audio_devices/juce_audio_devices.h>

#include <atomic>
#include <cstddef>
#include <optional>
#include <vector>

namespace partita
{

/** The audio callback of a measurement: plays a signal (the sweep and its
    silence) on one output channel and records one input channel, and
    optionally a loopback reference channel, sample-synchronously from the
    same callback on, until it has recorded a given length. Every other
    output channel it is given is cleared (the device manager adds the
    callbacks' outputs).

    Channels are numbered as the callback sees them: the device's active
    channels, in order (MeasureChannels maps device channels to these).

    Threading: constructed on the message thread with every buffer
    allocated; audioDeviceIOCallbackWithContext on the audio thread takes no
    lock, allocates nothing and throws nothing; the meters and progress are
    atomics any thread reads; recording() and reference() only once
    isFinished(). */
class SweepRecorder final : public juce::AudioIODeviceCallback
{
public:
    struct Routing
    {
        int outputChannel = 0;
        int inputChannel = 0;
        /** A loopback of the output into this input: recorded too. */
        std::optional<int> referenceChannel;
    };

    /** signal: what to play, then silence; recordFrames: how long to record
        (at least the signal, plus room for the device's latency). */
    SweepRecorder (std::vector<float> signal, std::size_t recordFrames, Routing routing);

    void audioDeviceIOCallbackWithContext (const float* const* inputs, int numInputs, float* const* outputs,
                                           int numOutputs, int numSamples,
                                           const juce::AudioIODeviceCallbackContext& context) override;
    void audioDeviceAboutToStart (juce::AudioIODevice* device) override;
    void audioDeviceStopped() override {}

    [[nodiscard]] bool isFinished() const noexcept { return framesDone.load (std::memory_order_acquire) >= frames; }
    /** How far the recording is, 0 to 1. */
    [[nodiscard]] double progress() const noexcept;
    /** The input's peak (absolute sample value) since the last call, then
        reset: the window's meter reads it. */
    [[nodiscard]] float takeInputPeak() noexcept { return inputPeak.exchange (0.0f, std::memory_order_relaxed); }
    /** Whether the input or the reference reached full scale at any time
        (the IR of a clipped recording is not the room's). */
    [[nodiscard]] bool hasClipped() const noexcept { return clipped.load (std::memory_order_relaxed); }
    /** Whether a callback lacked a channel the routing names (the device
        changed under the measurement): that block recorded silence. */
    [[nodiscard]] bool missedChannels() const noexcept { return channelsMissing.load (std::memory_order_relaxed); }
    /** The rate the device started at (0 before), for the caller to check. */
    [[nodiscard]] double deviceSampleRate() const noexcept { return startedRate.load(); }

    [[nodiscard]] const std::vector<float>& recording() const noexcept { return recorded; }
    /** Empty without a reference channel. */
    [[nodiscard]] const std::vector<float>& reference() const noexcept { return referenceRecorded; }
    [[nodiscard]] std::size_t recordFrames() const noexcept { return frames; }

    /** A sample at or above this is taken as clipped (-0.1 dBFS). */
    static constexpr float clipLevel = 0.989f;

private:
    const std::vector<float> played;
    const std::size_t frames;
    const Routing routing;
    std::vector<float> recorded;
    std::vector<float> referenceRecorded;
    // Audio thread only.
    std::size_t position = 0;

    std::atomic<std::size_t> framesDone { 0 };
    std::atomic<float> inputPeak { 0.0f };
    std::atomic<bool> clipped { false };
    std::atomic<bool> channelsMissing { false };
    std::atomic<double> startedRate { 0.0 };
};

} // namespace partita
