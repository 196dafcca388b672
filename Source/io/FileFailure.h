// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to partita_io: the sentences the reader and the writer fail with,
// kept in one place so that every refusal names the file the same way.

#include "AudioFileError.h"
#include "QuotedText.h"

#include <filesystem>
#include <string>

namespace partita::detail
{

[[noreturn]] inline void failToRead (const std::filesystem::path& path, const std::string& reason)
{
    throw AudioFileError ("cannot read " + quoted (path) + ": " + reason);
}

[[noreturn]] inline void failToWrite (const std::filesystem::path& path, const std::string& reason)
{
    throw AudioFileError ("cannot write " + quoted (path) + ": " + reason);
}

/** The refusal of OverwritePolicy::refuse, before writing and again when the
    finished file is moved into place. */
[[noreturn]] inline void failTargetExists (const std::filesystem::path& path)
{
    throw AudioFileError (quoted (path) + " already exists; use --force to overwrite");
}

} // namespace partita::detail
