// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "InfoOptions.h"

#include <ostream>

namespace partita
{

/** `partita info`: for each file its path, container and sample format,
    channels, rate, length, and per channel the peak (dBFS and linear) and the
    RMS (dBFS), on `out`. A file that cannot be read gets one
    "partita: error: ..." line on `err`; the others are still described.
    Returns 0 when every file was read, 1 otherwise.

    With --json, `out` gets one JSON text instead: an object per file (keys
    in docs/cli.md), an array of them when several files were named; a file
    that cannot be read is an object with "file" and "error" (and its line on
    `err` as well). "-" reads standard input, once. */
int runInfoCommand (const InfoOptions& options, std::ostream& out, std::ostream& err);

} // namespace partita
