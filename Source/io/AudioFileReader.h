// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AudioClip.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
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
    /** A WAVE_FORMAT_EXTENSIBLE file whose sub-format says ambisonic
        B-format (libsndfile's SF_AMBISONIC_B_FORMAT, FuMa-style W X Y Z). */
    bool ambisonicBFormat = false;
    /** The file's comment (libsndfile's SF_STR_COMMENT: a WAV's ICMT, a
        FLAC's or Ogg's COMMENT), empty when it has none. */
    std::string comment;
};

/** A file opened for decoding a piece at a time, for work that need not hold
    the whole file in memory (an offline render streams its input through).
    The constructor applies readAudioFileInfo's checks; read() those of
    readAudioFile, with the same messages.

    Threading: one thread at a time per object. */
class AudioFileReader
{
public:
    /** Opens the file and checks its header; throws AudioFileError as
        readAudioFileInfo does. */
    explicit AudioFileReader (const std::filesystem::path& path, const AudioReadLimits& limits = {});
    ~AudioFileReader();
    AudioFileReader (AudioFileReader&&) noexcept;
    AudioFileReader& operator= (AudioFileReader&&) noexcept;
    AudioFileReader (const AudioFileReader&) = delete;
    AudioFileReader& operator= (const AudioFileReader&) = delete;

    [[nodiscard]] const AudioFileInfo& info() const noexcept;
    [[nodiscard]] std::uint64_t framesLeft() const noexcept;

    /** Decodes the next `frames` frames, channel c into destinations[c][0]
        to destinations[c][frames - 1]. Throws AudioFileError for a truncated
        or corrupt file or a NaN or infinite sample, and std::invalid_argument
        for a pointer per channel missing or more frames than are left. */
    void read (std::span<double* const> destinations, std::size_t frames);

    /** Decodes every frame left into a clip, as readAudioFile does. */
    [[nodiscard]] AudioClip readRest();

private:
    struct State;
    std::unique_ptr<State> state;
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
