// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <string_view>

namespace partita::test
{

/** The parameter IDs of the released plugin, in their order, written out
    here rather than taken from the parameter table: hosts' automation, LV2
    ports and saved states go by them, so the table must keep every one in
    its place (new parameters are appended). */
// Kept as written, so that the IDs appended by a release touch no other line.
// clang-format off
inline constexpr std::array<std::string_view, 53> stableParameterIds {
    "mix",     "wetGain", "outputGain", "preDelay",    "irStart", "irEnd",    "reverse",    "stretch",  "lowCut",
    "highCut", "width",   "autoGain",   "latencyMode", "irGain",  "irLayout", "micPattern", "micAngle",
    // The IR envelope (version 4).
    "attack", "attackShape", "reverbTime", "damping", "dampingFreq", "earlyLevel", "lateLevel", "earlyLateSplit",
    // The wet equaliser (version 4).
    "lowCutSlope", "highCutSlope", "lowShelfFreq", "lowShelfGain", "lowShelfQ", "peak1Freq", "peak1Gain", "peak1Q",
    "peak2Freq", "peak2Gain", "peak2Q", "highShelfFreq", "highShelfGain", "highShelfQ",
    // Two IR slots (version 4).
    "slotALevel", "slotAInvert", "slotADelay", "slotAPan", "slotBLevel", "slotBInvert", "slotBDelay", "slotBPan",
    "slotBlend",
    // Tempo-synced pre-delay, the IR's channel and its length (version 4).
    "preDelaySync", "preDelayNote", "irChannel", "maxIrLength",
    // Loudness-matched switching (version 5).
    "loudnessMatch",
};
// clang-format on

} // namespace partita::test
