// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/RoomAcousticAnalysis.h"

#include <string>
#include <string_view>

namespace partita
{

/** `partita analyze --plot`: the energy decay curves of every band (and
    broadband, in black) against time from the direct sound, each band's
    T30 fit (T20 where there is none) as a dashed line over the stretch it
    fits, axes in seconds and dB with a grid, and a legend naming each band
    with its reverberation time; the title names the IR, the subtitle what
    was analysed. A self-contained SVG 1.1 document. */
std::string decayCurvePlotSvg (const RoomAcousticResult& result, std::string_view title, std::string_view subtitle);

} // namespace partita
