// SPDX-License-Identifier: GPL-3.0-or-later
#include "SweepRecorder.h"

#include <algorithm>
#include <cmath>

namespace partita
{

SweepRecorder::SweepRecorder (std::vector<float> signal, std::size_t recordFrames, Routing channels)
    : played (std::move (signal))
    , frames (std::max (recordFrames, played.size()))
    , routing (channels)
    , recorded (frames, 0.0f)
    , referenceRecorded (channels.referenceChannel.has_value() ? frames : 0, 0.0f)
{
}

double SweepRecorder::progress() const noexcept
{
    return frames == 0
               ? 1.0
               : static_cast<double> (framesDone.load (std::memory_order_relaxed)) / static_cast<double> (frames);
}

void SweepRecorder::audioDeviceAboutToStart (juce::AudioIODevice* device)
{
    if (device != nullptr)
        startedRate = device->getCurrentSampleRate();
}

void SweepRecorder::audioDeviceIOCallbackWithContext (const float* const* inputs, int numInputs, float* const* outputs,
                                                      int numOutputs, int numSamples,
                                                      const juce::AudioIODeviceCallbackContext&)
{
    const auto blockFrames = static_cast<std::size_t> (std::max (0, numSamples));
    for (int channel = 0; channel < numOutputs; ++channel)
        if (outputs[channel] != nullptr)
            std::fill (outputs[channel], outputs[channel] + blockFrames, 0.0f);

    const auto start = position;
    if (start >= frames)
        return;
    const auto count = std::min (blockFrames, frames - start);

    // Play: the signal while it lasts, then silence.
    if (routing.outputChannel >= 0 && routing.outputChannel < numOutputs && outputs[routing.outputChannel] != nullptr)
    {
        if (start < played.size())
        {
            const auto playing = std::min (count, played.size() - start);
            std::copy_n (played.begin() + static_cast<std::ptrdiff_t> (start), playing, outputs[routing.outputChannel]);
        }
    }
    else
    {
        channelsMissing.store (true, std::memory_order_relaxed);
    }

    // Record what came in during the same block, and meter it.
    const auto capture = [&] (int channel, std::vector<float>& into) -> float
    {
        if (channel < 0 || channel >= numInputs || inputs[channel] == nullptr)
        {
            channelsMissing.store (true, std::memory_order_relaxed);
            return 0.0f;
        }
        float peak = 0.0f;
        for (std::size_t i = 0; i < count; ++i)
        {
            const auto sample = inputs[channel][i];
            into[start + i] = sample;
            peak = std::max (peak, std::abs (sample));
        }
        return peak;
    };
    const auto peak = capture (routing.inputChannel, recorded);
    auto loudest = peak;
    if (routing.referenceChannel.has_value())
        loudest = std::max (loudest, capture (*routing.referenceChannel, referenceRecorded));

    if (loudest >= clipLevel)
        clipped.store (true, std::memory_order_relaxed);
    auto previous = inputPeak.load (std::memory_order_relaxed);
    while (peak > previous && !inputPeak.compare_exchange_weak (previous, peak, std::memory_order_relaxed))
    {
    }

    position = start + count;
    framesDone.store (position, std::memory_order_release);
}

} // namespace partita
