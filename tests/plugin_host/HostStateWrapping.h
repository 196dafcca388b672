// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <juce_audio_processors/juce_audio_processors.h>

#include <cstdint>
#include <vector>

namespace partita::test
{

/** Our state inside JUCE's VST3 host state: the IComponent state (base64 in
    XML) is what the plugin's getStateInformation writes. */
juce::MemoryBlock asVst3HostState (const std::vector<std::uint8_t>& ours);
/** Our state out of JUCE's VST3 host state; empty when it has none. */
std::vector<std::uint8_t> fromVst3HostState (const juce::MemoryBlock& hostState);

/** JUCE's LV2 host keeps the state as Turtle, where the plugin's own state
    is one base64 string property ("<URI>:StateString"): a copy of hostState
    with ours swapped in, or empty when hostState has no such property. */
juce::MemoryBlock withLv2PluginState (const juce::MemoryBlock& hostState, const std::vector<std::uint8_t>& ours);
/** Our state out of JUCE's LV2 host state; empty when it has none. */
std::vector<std::uint8_t> fromLv2HostState (const juce::MemoryBlock& hostState);

} // namespace partita::test
