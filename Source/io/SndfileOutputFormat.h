// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OutputFormat.h"
#include "SndfileHandle.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>

namespace partita::detail
{

/** How a writer tells libsndfile what to write: the SF_INFO for an output
    format, and the encoder settings that keep renders reproducible. */

/** Bits per stored sample of a format: 16, 24 or 32 for PCM, 32 or 64 for
    float, 0 for Vorbis (no fixed width). */
int bitsOf (SampleFormat format) noexcept;

/** Throws AudioFileError naming `path` when the container cannot hold the
    sample format at all (16-bit Vorbis, float FLAC). */
void checkContainerHolds (const std::filesystem::path& path, const OutputFormat& format);

/** The SF_INFO for numFrames frames of numChannels channels at sampleRate Hz.
    A WAV too large for 32-bit sizes becomes RF64. Throws AudioFileError
    naming `path` when libsndfile cannot write that many channels at that
    rate in the format, or the audio is too long for AIFF. */
SF_INFO chooseSndfileFormat (const std::filesystem::path& path, const OutputFormat& format, std::size_t numChannels,
                             int sampleRate, std::uint64_t numFrames);

/** The settings every written file gets, before its first sample. */
void configureEncoder (SNDFILE* file, SampleFormat format) noexcept;

} // namespace partita::detail
