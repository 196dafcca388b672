// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <juce_audio_processors/juce_audio_processors.h>

namespace partita
{

/** The version hint of every parameter that exists since the first release;
    a parameter added later gets the version it was added in (JUCE's
    ParameterID), so that AU hosts keep their order. */
inline constexpr int firstParameterVersion = 1;

/** The host parameters of the plugin, one per field of ProcessorParameters,
    with the IDs of state/ParameterIds.h and the ranges of
    processor/ProcessorParameters.h, so host, state and CLI agree. Values are
    in the parameters' own units (percent, dB, ms, Hz); switches are bools and
    the latency mode a choice (0 zero latency, 1 low CPU). */
juce::AudioProcessorValueTreeState::ParameterLayout createParameterLayout();

} // namespace partita
