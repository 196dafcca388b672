// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RenderOptions.h"

#include <ostream>

namespace partita
{

/** `partita render`: checks every target before any work (see
    resolveRenderTargets), reads and checks the IR and the inputs' headers,
    prepares the IR for each input rate, then renders the files in parallel
    and writes them (through a temporary file, so a failure leaves no partial
    output). Prints one report line per output on `out`, warnings and
    "partita: error: ..." lines on `err`, and draws a progress bar on stderr
    when it is a terminal.

    Returns the exit status: 0 when every file was written, 1 otherwise. Throws
    UsageError for a command-line problem found late (an output extension that
    cannot hold the format); every other failure is reported and counted.

    Threading: call from one thread; it starts and joins its own. */
int runRenderCommand (const RenderOptions& options, std::ostream& out, std::ostream& err);

} // namespace partita
