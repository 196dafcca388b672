// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <string_view>

namespace partita::parameterIds
{

// The stable names of the plugin's parameters: the host's automation IDs and
// the keys of a saved state. Never rename one; a new parameter gets a new ID.

inline constexpr std::string_view mix = "mix";
inline constexpr std::string_view wetGain = "wetGain";
inline constexpr std::string_view outputGain = "outputGain";
inline constexpr std::string_view preDelay = "preDelay";
inline constexpr std::string_view irStart = "irStart";
inline constexpr std::string_view irEnd = "irEnd";
inline constexpr std::string_view reverse = "reverse";
inline constexpr std::string_view stretch = "stretch";
inline constexpr std::string_view lowCut = "lowCut";
inline constexpr std::string_view highCut = "highCut";
inline constexpr std::string_view width = "width";
inline constexpr std::string_view autoGain = "autoGain";
inline constexpr std::string_view latencyMode = "latencyMode";

inline constexpr std::array all { mix,     wetGain, outputGain, preDelay, irStart,  irEnd,      reverse,
                                  stretch, lowCut,  highCut,    width,    autoGain, latencyMode };

} // namespace partita::parameterIds
