// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OverwritePolicy.h"

#include <filesystem>

namespace partita::detail
{

/** Checks, before anything is written, that a finished file may take the
    name `path`: not a folder, not an existing name when the policy is refuse,
    not a device or fifo that a rename would turn into a plain file, and in a
    folder that exists. Throws AudioFileError with a one-line message.
    moveIntoPlace checks refuse again at the end, as the name may be taken
    meanwhile. */
void checkOutputTarget (const std::filesystem::path& path, OverwritePolicy overwrite);

} // namespace partita::detail
