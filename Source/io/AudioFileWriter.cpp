// SPDX-License-Identifier: GPL-3.0-or-later
#include "AudioFileWriter.h"

#include "FileFailure.h"
#include "FileReplacement.h"
#include "OutputTarget.h"
#include "SampleEncoder.h"
#include "SndfileHandle.h"
#include "SndfileOutputFormat.h"
#include "TemporaryOutputFile.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cmath>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

namespace partita
{
namespace
{

using detail::failToWrite;

int checkedSampleRate (double rate)
{
    if (!(rate >= 1.0 && rate <= static_cast<double> (INT_MAX)) || rate != std::floor (rate))
        throw std::invalid_argument ("writeAudioFile: the sample rate must be a whole number of Hz, got "
                                     + std::to_string (rate));
    return static_cast<int> (rate);
}

void checkChannelCount (std::size_t numChannels)
{
    if (numChannels == 0)
        throw std::invalid_argument ("AudioFileWriter: no channels to write");
    if (numChannels > static_cast<std::size_t> (INT_MAX))
        throw std::invalid_argument ("AudioFileWriter: too many channels");
}

void checkClipShape (const AudioClip& clip)
{
    if (clip.numChannels() == 0)
        throw std::invalid_argument ("writeAudioFile: the clip has no channels");
    if (clip.numChannels() > static_cast<std::size_t> (INT_MAX))
        throw std::invalid_argument ("writeAudioFile: the clip has too many channels");

    for (const auto& channel : clip.channels)
        if (channel.size() != clip.numFrames())
            throw std::invalid_argument ("writeAudioFile: the clip's channels differ in length");
}

} // namespace

struct AudioFileWriter::State
{
    State (const std::filesystem::path& target, const OutputFormat& outputFormat, OverwritePolicy policy,
           std::size_t channels, std::uint64_t frames)
        : path (target)
        , format (outputFormat)
        , overwrite (policy)
        , temporary (target)
        , encoder (outputFormat.sampleFormat, channels)
        , numChannels (channels)
        , totalFrames (frames)
    {
    }

    /** The encoder refused a sample: say which, and where in the file. */
    [[noreturn]] void failUnstorable (const detail::UnstorableSample& sample) const
    {
        failToWrite (path, "channel " + std::to_string (sample.channel + 1) + " holds "
                               + (std::isnan (sample.value) ? "NaN" : "an infinite value") + " at frame "
                               + std::to_string (framesWritten + sample.frame) + ", which "
                               + std::string (toString (format.sampleFormat)) + " cannot store");
    }

    /** libsndfile wrote fewer frames than asked, `start` frames into this write. */
    [[noreturn]] void failShortWrite (std::size_t start, sf_count_t written) const
    {
        // The encoders (Vorbis) report a failed write as an internal error;
        // the system's reason ("No space left on device") is what the user
        // needs.
        const int systemError = errno;
        const auto reason = systemError != 0 ? std::generic_category().message (systemError)
                                             : detail::sndfileErrorPhrase (handle.get());
        const auto done = framesWritten + start + static_cast<std::size_t> (std::max<sf_count_t> (written, 0));
        failToWrite (path, "only " + std::to_string (done) + " of " + std::to_string (totalFrames)
                               + " frames could be written (" + reason + ")");
    }

    std::filesystem::path path;
    OutputFormat format;
    OverwritePolicy overwrite;
    detail::TemporaryOutputFile temporary;
    detail::SndfileHandle handle;
    detail::SampleEncoder encoder;
    std::size_t numChannels;
    std::uint64_t totalFrames;
    std::uint64_t framesWritten = 0;
};

AudioFileWriter::AudioFileWriter (const std::filesystem::path& path, std::size_t numChannels, double sampleRate,
                                  std::uint64_t numFrames, const OutputFormat& format, OverwritePolicy overwrite)
{
    checkChannelCount (numChannels);
    const auto rate = checkedSampleRate (sampleRate);
    detail::checkContainerHolds (path, format);
    detail::checkOutputTarget (path, overwrite);
    auto info = detail::chooseSndfileFormat (path, format, numChannels, rate, numFrames);

    state = std::make_unique<State> (path, format, overwrite, numChannels, numFrames);
    state->temporary.create (path);

    // libsndfile picks the container from info.format, not from the
    // temporary file's name.
    state->handle = state->temporary.open (info);
    if (state->handle == nullptr)
        failToWrite (path, detail::sndfileErrorPhrase (nullptr));
    detail::configureEncoder (state->handle.get(), format.sampleFormat);
}

AudioFileWriter::~AudioFileWriter() = default;
AudioFileWriter::AudioFileWriter (AudioFileWriter&&) noexcept = default;
AudioFileWriter& AudioFileWriter::operator= (AudioFileWriter&&) noexcept = default;

void AudioFileWriter::setComment (const std::string& comment)
{
    if (state->handle == nullptr)
        throw std::logic_error ("AudioFileWriter::setComment after commit");
    if (sf_set_string (state->handle.get(), SF_STR_COMMENT, comment.c_str()) != 0)
        failToWrite (state->path,
                     "the comment cannot be stored (" + detail::sndfileErrorPhrase (state->handle.get()) + ")");
}

void AudioFileWriter::write (std::span<const double* const> channels, std::size_t numFrames)
{
    if (state->handle == nullptr)
        throw std::logic_error ("AudioFileWriter::write after commit");
    if (channels.size() != state->numChannels)
        throw std::invalid_argument ("AudioFileWriter::write: " + std::to_string (channels.size())
                                     + " channels where the file has " + std::to_string (state->numChannels));

    auto& encoder = state->encoder;
    for (std::size_t start = 0; start < numFrames; start += encoder.blockFrames())
    {
        const auto frames = std::min (encoder.blockFrames(), numFrames - start);
        if (const auto unstorable = encoder.encode (channels, start, frames))
            state->failUnstorable (*unstorable);

        errno = 0;
        if (const auto written = encoder.writeTo (state->handle.get(), frames);
            written != static_cast<sf_count_t> (frames))
            state->failShortWrite (start, written);
    }
    state->framesWritten += numFrames;
}

void AudioFileWriter::commit()
{
    if (state->handle == nullptr)
        throw std::logic_error ("AudioFileWriter::commit called twice");
    const auto& path = state->path;

    // Closing writes the final header (and flushes an encoder); its failure
    // means an unusable file.
    if (const int closeResult = sf_close (state->handle.release()); closeResult != 0)
        failToWrite (path, sf_error_number (closeResult));
    if (const int closeError = state->temporary.closeDescriptor(); closeError != 0)
        failToWrite (path, std::generic_category().message (closeError));

    // Someone may have created the target while we were writing: refuse
    // checks again as it moves the file.
    if (const auto error = moveIntoPlace (state->temporary.path(), path, state->overwrite); error)
    {
        if (error == std::errc::file_exists)
            detail::failTargetExists (path);
        failToWrite (path, error.message());
    }
    state->temporary.commit();
}

void writeAudioFile (const std::filesystem::path& path, const AudioClip& clip, const OutputFormat& format,
                     OverwritePolicy overwrite)
{
    checkClipShape (clip);

    AudioFileWriter writer (path, clip.numChannels(), clip.sampleRate, clip.numFrames(), format, overwrite);
    std::vector<const double*> channels;
    for (const auto& channel : clip.channels)
        channels.push_back (channel.data());
    writer.write (channels, clip.numFrames());
    writer.commit();
}

} // namespace partita
