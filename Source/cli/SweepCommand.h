// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SweepOptions.h"

#include <ostream>

namespace partita
{

/** `partita sweep -o FILE`: writes a synchronized swept sine (Novak et al.
    2015) for measuring a room or a device, its parameters stored in the
    file's comment so that `partita deconvolve` finds them, and prints them:
    the synchronized duration, the rate L, where the harmonics' IRs will
    land, and the metadata line. Never over an existing file without --force.

    Returns 0 when the file was written. Throws, with a one-line message, for
    a sweep that cannot be made or written: runApplication prints it as
    "partita: error: ..." and exits with status 1. */
int runSweepCommand (const SweepOptions& options, std::ostream& out, std::ostream& err);

} // namespace partita
