// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"
#include "io/AudioFileReader.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace partita
{

/** How encodeLosslessAudio stored a clip: the smallest encoding that gives
    back every sample exactly. */
enum class LosslessEncoding
{
    /** Every sample is k / 2^15 (16-bit sources): FLAC, 16 bits. */
    flac16,
    /** Every sample is k / 2^23 (8- and 24-bit sources): FLAC, 24 bits. */
    flac24,
    /** Every sample fits a float (float sources, 32-bit PCM) or the clip has
        more channels than FLAC's 8: WAV, 32-bit float, uncompressed. */
    wavFloat32,
    /** Anything else: WAV, 64-bit float, uncompressed. */
    wavFloat64,
};

/** The encoding encodeLosslessAudio will choose for the clip. */
LosslessEncoding chooseLosslessEncoding (const AudioClip& clip) noexcept;

/** Encodes the clip as a complete audio file in memory (FLAC or WAV, see
    LosslessEncoding), through libsndfile's virtual I/O. The file's header
    holds the rate rounded to a whole number of Hz; keep a fractional rate
    elsewhere. Throws std::invalid_argument for a clip without channels or
    frames, with channels of unequal length or with non-finite samples, and
    AudioFileError if libsndfile fails.

    Threading: a pure function; any thread but the audio thread. */
std::vector<std::uint8_t> encodeLosslessAudio (const AudioClip& clip);

/** Decodes an audio file held in memory (anything libsndfile reads: the
    output of encodeLosslessAudio, the factory IRs compiled into the plugin),
    with the same checks as readAudioFile: channels, rate and declared length
    against the limits before anything is allocated, and non-finite samples
    refused. Sample memory grows only with audio actually decoded, so a header
    that declares more than the data holds cannot make it allocate much.
    Integer formats are scaled by 1 / 2^(bits - 1), exactly as readAudioFile
    does. Throws AudioFileError with a one-line message naming sourceName.

    Threading: a pure function; any thread but the audio thread. */
AudioClip readAudioFromMemory (std::span<const std::uint8_t> bytes, const AudioReadLimits& limits,
                               const std::string& sourceName);

} // namespace partita
