// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SndfileHandle.h"

#include <cstdint>
#include <filesystem>

namespace partita::detail
{

/** Throws AudioFileError when an uncompressed file (WAV, AIFF, CAF, ...)
    holds fewer frames than libsndfile reports or than its header declares:
    libsndfile quietly shortens some truncated files, and a render of half an
    IR would go unnoticed. Compressed files are checked as they decode. */
void checkNotTruncated (const std::filesystem::path& path, const SF_INFO& info, std::uintmax_t fileSize);

} // namespace partita::detail
