// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OverwritePolicy.h"

#include <filesystem>
#include <system_error>

namespace partita
{

/** Gives the complete file `from` the name `to`, in one step as any reader
    sees it: at every moment `to` names what it named before or the whole new
    file, never a part. With OverwritePolicy::refuse an existing `to` (a file,
    a link, anything) stays as it is and the result is std::errc::file_exists;
    the check and the move are one step where the system allows it, so a file
    created under the name meanwhile is not lost. With replace, what `to`
    named is removed once the new file holds the name (in the rare case that
    it cannot be, it stays under the name `from`, and the move counts as
    done). Returns the system's error otherwise, `from` then left where it
    is.

    Why not plain rename(2) over the target: ext4 (the default on Linux)
    treats renaming over an existing file as a replace-via-rename and, before
    the rename returns, allocates the new file's blocks and starts writing
    them out (its auto_da_alloc), so that a power cut cannot leave the name
    on an empty file. That costs the render 8 ms for 24 MB, and leaves a file
    whose blocks are allocated, which takes 40 ms to delete the next time the
    same output is rendered, against 1.5 ms for one whose data is still only
    in memory (measured on this project's machine). Renders are made again
    from their inputs, so on Linux the files exchange names in one step
    (RENAME_EXCHANGE) and the old one is then deleted: no forced write, and
    the name is still never on a partial file. The cost is that a power cut
    within the system's writeback delay (30 s by default) may leave the name
    on an empty file, as a tool writing its output in place would.
    Elsewhere, and where the file system cannot exchange names, this is
    std::filesystem::rename. */
std::error_code moveIntoPlace (const std::filesystem::path& from, const std::filesystem::path& to,
                               OverwritePolicy overwrite);

} // namespace partita
