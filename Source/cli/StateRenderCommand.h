// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RenderOptions.h"

#include <ostream>

namespace partita
{

/** `partita render --state PRESET`, and `partita render --ir IR` given a
    plugin control that the exact render does not take: like runRenderCommand
    (targets checked before any work, outputs written through temporary files,
    one report line per output, warnings and errors on `err`), with the
    plugin's signal path (StateRenderJob) and the plugin controls given
    applied over the preset's values or the command line's defaults. Returns the exit status: 0 when every file was
    written, 1 otherwise. Throws UsageError for a command-line problem found
    late, and whatever else fails: runRenderCommand, its only caller, turns
    that into one line and an exit status.

    Threading: call from one thread. */
int runStateRenderCommand (const RenderOptions& options, std::ostream& out, std::ostream& err);

} // namespace partita
