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
inline constexpr std::array<std::string_view, 21> stableParameterIds {
    "mix",      "wetGain",    "outputGain", "preDelay",     "irStart",      "irEnd",       "reverse",
    "stretch",  "lowCut",     "highCut",    "width",        "autoGain",     "latencyMode", "irGain",
    "irLayout", "micPattern", "micAngle",   "preDelaySync", "preDelayNote", "irChannel",   "maxIrLength", // issue 17
};

} // namespace partita::test
