// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RenderOptions.h"

#include <functional>
#include <ostream>

namespace partita
{

/** A render as runRenderCommand runs it, on options whose paths are files. */
using RenderRunner = std::function<int (const RenderOptions& options, std::ostream& out, std::ostream& err)>;

/** Whether the options name "-" anywhere (an input, --ir, --state or -o). */
bool usesStandardStreams (const RenderOptions& options);

/** Runs `render` with "-" standing for standard input (one input, the IR or
    the preset, once) and for standard output (-o -).

    Pipes cannot seek, and libsndfile needs to: to read a header that comes
    first, and to write a WAV header whose sizes are known only at the end.
    So standard input is first copied into a private temporary folder, and
    the output is rendered there, with every check and format choice of a
    file render (RF64 past 4 GB included), and copied to standard output once
    complete: the bytes are those a file render writes. The output is WAV
    (32-bit float unless --format says otherwise), or Ogg for --format
    vorbis.

    With -o -, the report goes to `err`, so that standard output holds the
    audio alone. Messages name "standard input" and "standard output" rather
    than the temporary files.

    Throws UsageError for "-" read twice, or -o - with several inputs;
    std::runtime_error when standard input or output is a terminal (no
    audio comes from or goes to one) or a copy fails. */
int renderThroughStandardStreams (const RenderOptions& options, std::ostream& out, std::ostream& err,
                                  const RenderRunner& render);

} // namespace partita
