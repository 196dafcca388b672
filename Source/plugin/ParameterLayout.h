// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <juce_audio_processors/juce_audio_processors.h>

namespace partita
{

/** The host parameters of the plugin: one per row of the parameter table
    (processor/ParameterTable.h), in its order, with its IDs, names, ranges,
    skews, units and versions, so host, state and CLI agree. Values are in the
    parameters' own units (percent, dB, ms, Hz); switches are bools and
    choices (the latency mode) choices. */
juce::AudioProcessorValueTreeState::ParameterLayout createParameterLayout();

} // namespace partita
