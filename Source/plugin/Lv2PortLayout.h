// SPDX-License-Identifier: GPL-3.0-or-later
// Where the parameter control ports sit among the LV2 plugin's ports
// (Lv2ParameterPorts.cpp says why they exist). The port indices are the
// plugin's interface to hosts and saved sessions: never reorder them.
#pragma once

#include "processor/ParameterTable.h"

#include <cstddef>
#include <cstdint>

namespace partita::lv2
{
/** JUCE's ports for Partita's stereo buses: 2 audio inputs, 2 outputs, the
    atom input and output, latency, free-wheeling and enabled. */
constexpr uint32_t juceAudioPorts = 4;
constexpr uint32_t juceSequenceInputPort = juceAudioPorts;
constexpr uint32_t jucePortCount = juceAudioPorts + 5;
/** One control port per parameter, after JUCE's, in the table's order. */
constexpr std::size_t numParameters = parameterCount;
} // namespace partita::lv2
