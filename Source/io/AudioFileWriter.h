// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AudioClip.h"
#include "OutputFormat.h"
#include "OverwritePolicy.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>

namespace partita
{

/** A file written a piece at a time, for work that need not hold the whole
    output in memory (an offline render streams its output out). It follows
    writeAudioFile's rules: a temporary file beside the target, moved into
    its place by commit() only (moveIntoPlace); the same clipping, rounding and refusals, with the
    same messages. Destroyed without commit(), it removes the temporary file.

    Threading: one thread at a time per object. */
class AudioFileWriter
{
public:
    /** Checks the target and the format and opens the temporary file for
        numFrames frames (which decide between WAV and RF64) of numChannels
        channels. Throws AudioFileError, or std::invalid_argument for no
        channels or a sample rate that is not a positive whole number. */
    AudioFileWriter (const std::filesystem::path& path, std::size_t numChannels, double sampleRate,
                     std::uint64_t numFrames, const OutputFormat& format,
                     OverwritePolicy overwrite = OverwritePolicy::refuse);
    ~AudioFileWriter();
    AudioFileWriter (AudioFileWriter&&) noexcept;
    AudioFileWriter& operator= (AudioFileWriter&&) noexcept;
    AudioFileWriter (const AudioFileWriter&) = delete;
    AudioFileWriter& operator= (const AudioFileWriter&) = delete;

    /** Stores a comment in the file (libsndfile's SF_STR_COMMENT: a WAV's
        LIST/INFO ICMT, a FLAC's or Ogg's COMMENT); call before write(), as
        some containers write their strings with the first samples. Throws
        AudioFileError when the container cannot hold it. */
    void setComment (const std::string& comment);

    /** Appends numFrames frames, channel c from channels[c]. Throws
        AudioFileError for a sample the format cannot store or a failed write. */
    void write (std::span<const double* const> channels, std::size_t numFrames);

    /** Completes the file and moves it into the target's place. */
    void commit();

private:
    struct State;
    std::unique_ptr<State> state;
};

/** Writes a clip. The data goes to a temporary file beside the target, which is
    moved into the target's place only once it is complete, so a failed or interrupted
    write never leaves a half-written file under the output's name. Throws
    AudioFileError with a one-line message (target exists and policy is refuse,
    folder missing or not writable, disk full, ...). Samples beyond full scale
    are clipped in fixed-point formats, never wrapped: full scale is
    2^(bits-1), as readers divide by, so +1.0 becomes the largest code
    (1 - 2^(1-bits)) and -1.0 the smallest; samples are rounded to the
    nearest code, without dither. NaN cannot be written to a
    fixed-point format nor NaN or infinity to Vorbis (AudioFileError); float
    formats store every value as it is. Throws std::invalid_argument for a
    clip without channels, with channels of unequal length, or whose sample
    rate is not a positive whole number. */
void writeAudioFile (const std::filesystem::path& path, const AudioClip& clip, const OutputFormat& format,
                     OverwritePolicy overwrite = OverwritePolicy::refuse);

} // namespace partita
