// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AnalyzeOptions.h"

#include <ostream>

namespace partita
{

/** `partita analyze`: the ISO 3382-1 parameters of each IR file, per band
    and broadband (analysis/RoomAcousticAnalysis.h), as a table, JSON or CSV
    on `out`, and with --plot the decay curves as SVG. A file of several
    channels gives the average over them (the W channel of a B-format file)
    and each channel's own values. A file that cannot be read or analysed
    gets one "partita: error: ..." line on `err` (and in JSON an object with
    "file" and "error"); the others are still analysed. Returns 0 when every
    file was analysed, 1 otherwise. */
int runAnalyzeCommand (const AnalyzeOptions& options, std::ostream& out, std::ostream& err);

} // namespace partita
