// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AudioFileReader.h"
#include "SndfileHandle.h"

#include <filesystem>

namespace partita::detail
{

/** A file libsndfile opened for reading, with the header it reported. */
struct OpenedInputFile
{
    SndfileHandle handle;
    SF_INFO info {};
};

/** Opens the file and checks every header fact against the limits (a
    readable regular file, channels, rate, length, not truncated), so that
    nothing is allocated for a file that will be refused. Throws
    AudioFileError with a one-line message naming the file. */
OpenedInputFile openCheckedInputFile (const std::filesystem::path& path, const AudioReadLimits& limits);

} // namespace partita::detail
