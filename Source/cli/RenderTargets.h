// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RenderOptions.h"
#include "io/OutputFormat.h"

#include <filesystem>
#include <optional>
#include <vector>

namespace partita
{

/** One file to render: where it comes from, where it goes, in what format. */
struct RenderTarget
{
    std::filesystem::path input;
    std::filesystem::path output;
    OutputFormat format;
};

struct RenderTargets
{
    std::vector<RenderTarget> targets;
    /** A folder named with a trailing '/' that does not exist yet: created
        once every check has passed, so a refused render leaves nothing. */
    std::optional<std::filesystem::path> folderToCreate;
};

/** Works out every output path and format and refuses, before any work, what
    must not happen: an output that is one of the inputs or the IR, two
    inputs written to the same output, an existing output without --force, an
    output folder that is missing, not a folder or not writable, several
    inputs with -o naming a file.

    One input writes -o itself, or -o/<input name> when -o is a folder (or
    ends in '/'). Several inputs write -o/<input name>; when the requested
    --format does not fit the input's extension, the extension becomes .ogg
    (Vorbis) or .wav (everything else), and an unknown extension becomes .wav.

    Throws UsageError when -o names a container that cannot hold the
    requested format or has an unknown extension; std::runtime_error with a
    one-line message for the refusals. */
RenderTargets resolveRenderTargets (const RenderOptions& options);

/** Whether two paths name the same file: the same canonical path (for paths
    that need not exist) or, for existing files, the same file on disk (hard
    links, bind mounts). */
bool isSameFile (const std::filesystem::path& first, const std::filesystem::path& second);

} // namespace partita
