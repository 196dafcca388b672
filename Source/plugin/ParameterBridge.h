// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "processor/ParameterTable.h"
#include "processor/ProcessorParameters.h"

#include <juce_audio_processors/juce_audio_processors.h>

#include <array>
#include <atomic>

namespace partita
{

/** Between the host's parameters (an AudioProcessorValueTreeState built by
    createParameterLayout) and the DSP's ProcessorParameters.

    Threading: read() on any thread, the audio thread included: it only loads
    the parameters' atomics (no allocation, no lock). apply() on the message
    thread: it notifies the host. */
class ParameterBridge
{
public:
    explicit ParameterBridge (juce::AudioProcessorValueTreeState& state);

    /** The current values of every parameter. */
    [[nodiscard]] ProcessorParameters read() const noexcept;

    /** Sets every host parameter to the values given (a restored state),
        telling the host. */
    void apply (const ProcessorParameters& parameters);

private:
    /** Slot i is row i of the parameter table. */
    std::array<std::atomic<float>*, parameterCount> values {};
    std::array<juce::RangedAudioParameter*, parameterCount> parameters {};
};

} // namespace partita
