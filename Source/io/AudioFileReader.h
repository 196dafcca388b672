// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AudioClip.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace partita
{

/** What a reader accepts; every limit is checked from the header before any
    sample buffer is allocated. */
struct AudioReadLimits
{
    std::size_t maxChannels = 64;
    double minSampleRate = 1000.0;
    double maxSampleRate = 768000.0;
    std::uint64_t maxFrames = std::uint64_t { 1 } << 31;
};

/** Header facts about a file, read without decoding the samples. */
struct AudioFileInfo
{
    std::size_t numChannels = 0;
    double sampleRate = 0.0;
    std::uint64_t numFrames = 0;
    std::string formatName;   // e.g. "WAV", "FLAC"
    std::string sampleFormat; // e.g. "24-bit PCM", "32-bit float"
};

/** Reads the header of a WAV, AIFF, FLAC or Ogg Vorbis file (anything libsndfile
    reads) and applies the same checks as readAudioFile, short of decoding.
    Throws AudioFileError with a one-line message. */
AudioFileInfo readAudioFileInfo (const std::filesystem::path& path, const AudioReadLimits& limits = {});

/** Reads a whole file. Throws AudioFileError with a one-line message for a
    missing or unreadable file, a non-regular file, an unknown or corrupt
    format, a file whose header declares more data than it holds (truncated),
    zero channels, a sample that is NaN or infinite, or anything outside the
    limits. Integer formats are scaled to [-1, 1) (divided by 2^(bits-1));
    float formats are read unchanged, peaks above 1 included. Zero frames are
    allowed here; callers that need audio check numFrames(). */
AudioClip readAudioFile (const std::filesystem::path& path, const AudioReadLimits& limits = {});

} // namespace partita
