// SPDX-License-Identifier: GPL-3.0-or-later
// The LV2 binary's control ports (Source/plugin/Lv2ParameterPorts.cpp), through
// JUCE's LV2 hosting, which drives them as a DAW does: one automatable port per
// parameter, a value a host sets arriving exactly, and a restored session not
// overridden by port values the host still holds from before.
#include "BuiltPlugin.h"
#include "HostStateWrapping.h"
#include "HostedSessions.h"
#include "processor/ParameterTable.h"
#include "state/PluginStateFormat.h"

#include <gtest/gtest.h>
#include <juce_audio_processors/juce_audio_processors.h>

namespace partita
{
namespace
{
using test::Format;

std::vector<std::uint8_t> sessionWithMix (float mixPercent)
{
    ProcessorParameters parameters;
    parameters.mixPercent = mixPercent;
    parameters.preDelayMs = 25.0f;
    return test::roomSession (parameters, 4800, { 9u });
}

juce::AudioProcessorParameter* parameterNamed (juce::AudioPluginInstance& instance, const juce::String& name)
{
    for (auto* parameter : instance.getParameters())
        if (parameter->getName (64) == name)
            return parameter;
    return nullptr;
}

void processBlocks (juce::AudioPluginInstance& instance, int blocks)
{
    juce::AudioBuffer<float> buffer (2, 256);
    juce::MidiBuffer midi;
    for (int i = 0; i < blocks; ++i)
    {
        buffer.clear();
        instance.processBlock (buffer, midi);
    }
}

ProcessorParameters pluginParameters (juce::AudioPluginInstance& instance)
{
    juce::MemoryBlock hostState;
    instance.getStateInformation (hostState);
    return parseState (test::fromLv2HostState (hostState)).state.parameters;
}
} // namespace

// Reported from Ardour 7: JUCE's LV2 wrapper publishes parameters only as
// patch properties, which Ardour does not automate.
TEST (HostedLv2Ports, EveryParameterIsAControlPortAndAHostsValueArrivesExactly)
{
    auto hosted = test::loadBuiltPlugin (Format::lv2, 48000.0, 256);
    ASSERT_NE (hosted.instance, nullptr) << hosted.error;
    auto& instance = *hosted.instance;
    for (const auto* name : { "Mix", "Wet gain", "Output gain", "Pre-delay", "IR start", "IR end trim", "Reverse",
                              "Stretch", "Low cut", "High cut", "Width", "Auto gain" })
        EXPECT_NE (parameterNamed (instance, name), nullptr) << name;

    instance.prepareToPlay (48000.0, 256);
    processBlocks (instance, 4);
    auto* mix = parameterNamed (instance, "Mix");
    auto* lowCut = parameterNamed (instance, "Low cut");
    ASSERT_NE (mix, nullptr);
    ASSERT_NE (lowCut, nullptr);
    mix->setValueNotifyingHost (mix->getValueForText ("60"));
    lowCut->setValueNotifyingHost (lowCut->getValueForText ("120"));
    processBlocks (instance, 2);

    const auto parameters = pluginParameters (instance);
    EXPECT_EQ (parameters.mixPercent, 60.0f);
    EXPECT_EQ (parameters.lowCutHz, 120.0f);
    instance.releaseResources();
}

TEST (HostedLv2Ports, ARestoredSessionIsNotOverriddenByThePortValuesTheHostHolds)
{
    auto hosted = test::loadBuiltPlugin (Format::lv2, 48000.0, 256);
    ASSERT_NE (hosted.instance, nullptr) << hosted.error;
    auto& instance = *hosted.instance;
    instance.prepareToPlay (48000.0, 256);
    processBlocks (instance, 4);
    // A session saved now holds the ports at their defaults (mix 100).
    juce::MemoryBlock hostState;
    instance.getStateInformation (hostState);
    const auto session = test::withLv2PluginState (hostState, sessionWithMix (35.0f));

    auto* mix = parameterNamed (instance, "Mix");
    ASSERT_NE (mix, nullptr);
    mix->setValueNotifyingHost (mix->getValueForText ("50"));
    processBlocks (instance, 2);
    ASSERT_EQ (pluginParameters (instance).mixPercent, 50.0f);

    // Restoring moves the host's port back to 100 and gives the plugin 35: the plugin's state wins.
    instance.setStateInformation (session.getData(), static_cast<int> (session.getSize()));
    processBlocks (instance, 4);
    EXPECT_EQ (pluginParameters (instance).mixPercent, 35.0f);
    EXPECT_EQ (pluginParameters (instance).preDelayMs, 25.0f);

    // A port the host moves after that still acts.
    mix->setValueNotifyingHost (mix->getValueForText ("80"));
    processBlocks (instance, 2);
    EXPECT_EQ (pluginParameters (instance).mixPercent, 80.0f);
    instance.releaseResources();
}

} // namespace partita
