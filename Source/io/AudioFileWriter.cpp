// SPDX-License-Identifier: GPL-3.0-or-later
#include "AudioFileWriter.h"

#include "AudioFileError.h"
#include "FileReplacement.h"
#include "QuotedText.h"
#include "SndfileHandle.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <climits>
#include <cmath>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#if defined(_WIN32)
#include <process.h>
#else
#include <fcntl.h>
#include <unistd.h>
#endif

namespace partita
{
namespace
{

[[noreturn]] void failToWrite (const std::filesystem::path& path, const std::string& reason)
{
    throw AudioFileError ("cannot write " + quoted (path) + ": " + reason);
}

int checkedSampleRate (double rate)
{
    if (!(rate >= 1.0 && rate <= static_cast<double> (INT_MAX)) || rate != std::floor (rate))
        throw std::invalid_argument ("writeAudioFile: the sample rate must be a whole number of Hz, got "
                                     + std::to_string (rate));
    return static_cast<int> (rate);
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

int bitsOf (SampleFormat format) noexcept
{
    switch (format)
    {
        case SampleFormat::pcm16:
            return 16;
        case SampleFormat::pcm24:
            return 24;
        case SampleFormat::pcm32:
        case SampleFormat::float32:
            return 32;
        case SampleFormat::float64:
            return 64;
        case SampleFormat::vorbis:
            break;
    }
    return 0;
}

int sndfileSubtype (SampleFormat format) noexcept
{
    switch (format)
    {
        case SampleFormat::pcm16:
            return SF_FORMAT_PCM_16;
        case SampleFormat::pcm24:
            return SF_FORMAT_PCM_24;
        case SampleFormat::pcm32:
            return SF_FORMAT_PCM_32;
        case SampleFormat::float32:
            return SF_FORMAT_FLOAT;
        case SampleFormat::float64:
            return SF_FORMAT_DOUBLE;
        case SampleFormat::vorbis:
            return SF_FORMAT_VORBIS;
    }
    return 0;
}

/** A RIFF WAV counts its data in 32 bits; beyond that we write RF64,
    which every current reader of large WAVs understands. More than two
    channels take WAVE_FORMAT_EXTENSIBLE, as the format asks (with a channel
    mask of 0: a render's channels are paths of the IR, not speakers). */
int sndfileMajor (const OutputFormat& format, std::uint64_t dataBytes, std::size_t numChannels) noexcept
{
    constexpr std::uint64_t largestRiffData = 0xFFFFFFFFu - 4096u;

    switch (format.container)
    {
        case FileContainer::wav:
            if (dataBytes > largestRiffData)
                return SF_FORMAT_RF64;
            return numChannels > 2 ? SF_FORMAT_WAVEX : SF_FORMAT_WAV;
        case FileContainer::aiff:
            return SF_FORMAT_AIFF;
        case FileContainer::flac:
            return SF_FORMAT_FLAC;
        case FileContainer::ogg:
            return SF_FORMAT_OGG;
    }
    return 0;
}

/** Full scale is 2^(bits-1), as libsndfile divides by when reading, so a
    written sample reads back within half a step. Values at or beyond full
    scale become the largest code rather than wrapping round. */
int toFixedPoint (double sample, int bits) noexcept
{
    const double fullScale = std::ldexp (1.0, bits - 1);
    const auto largest = static_cast<long long> (fullScale) - 1;
    const auto code = std::clamp (std::llrint (std::clamp (sample, -1.0, 1.0) * fullScale), -largest - 1, largest);

    // libsndfile takes int samples left-aligned in 32 bits and keeps the top `bits`.
    return static_cast<int> (code * (1LL << (32 - bits)));
}

/** The temporary file beside the target, created by create() and removed
    unless it was moved into place. */
class TemporaryOutput
{
public:
    explicit TemporaryOutput (const std::filesystem::path& target)
        : temporary (nameBeside (target, nextSuffix()))
    {
    }

    ~TemporaryOutput()
    {
        closeDescriptor();
        // Only a file this object made: a name it could not take belongs to
        // someone else.
        if (created && !committed)
        {
            std::error_code ignored;
            std::filesystem::remove (temporary, ignored);
        }
    }

    TemporaryOutput (const TemporaryOutput&) = delete;
    TemporaryOutput& operator= (const TemporaryOutput&) = delete;

    /** Creates the file ourselves: the operating system's reason ("Permission
        denied", "Read-only file system") is clearer than libsndfile's generic
        system error. On POSIX the file is opened here and libsndfile writes
        through this descriptor: opening the path itself, libsndfile would
        truncate the file just made (O_TRUNC), and on ext4 truncating marks a
        file to be written out when it is closed (auto_da_alloc), 24 MB of a
        render forced to the disk before the render can end. A name already
        taken (a crashed run with the same process id, as in containers, or
        another writer in the folder) is left alone for another. */
    void create (const std::filesystem::path& target)
    {
        errno = 0;
#if defined(_WIN32)
        std::ofstream create (temporary, std::ios::binary | std::ios::trunc);
        created = static_cast<bool> (create);
#else
        for (int attempt = 0; attempt < maxAttempts; ++attempt)
        {
            if (attempt > 0)
                temporary = nameBeside (target, nextSuffix (true));
            descriptor = ::open (temporary.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
            if (descriptor >= 0 || errno != EEXIST)
                break;
        }
        created = descriptor >= 0;
#endif
        if (!created)
        {
            const int reason = errno;
            failToWrite (target, reason != 0 ? std::generic_category().message (reason)
                                             : std::string { "the folder is not writable" });
        }
    }

    /** libsndfile writing the file, through the descriptor where there is one. */
    [[nodiscard]] detail::SndfileHandle open (SF_INFO& info) const noexcept
    {
        if (descriptor >= 0)
            return detail::SndfileHandle { sf_open_fd (descriptor, SFM_WRITE, &info, SF_FALSE) };
        return detail::openSndfile (temporary, SFM_WRITE, info);
    }

    /** 0, or the error that closing reported (a write the system deferred). */
    int closeDescriptor() noexcept
    {
#if !defined(_WIN32)
        if (descriptor >= 0 && ::close (std::exchange (descriptor, -1)) != 0)
            return errno;
#endif
        return 0;
    }

    [[nodiscard]] const std::filesystem::path& path() const noexcept
    {
        return temporary;
    }
    void commit() noexcept
    {
        committed = true;
    }

private:
    static constexpr int maxAttempts = 16;

    /** The process id and a count, and after a name was taken a random
        number too. */
    static std::string nextSuffix (bool random = false)
    {
        static std::atomic<unsigned> counter { 0 };
#if defined(_WIN32)
        const auto processId = _getpid();
#else
        const auto processId = ::getpid();
#endif
        auto suffix = std::to_string (processId) + '-' + std::to_string (counter++);
        if (random)
        {
            suffix += '-';
            suffix += std::to_string (std::random_device {}());
        }
        return suffix;
    }

    /** A hidden name, so that a crash leaves nothing that looks like output.
        Built by appending: GCC 12 warns falsely (-Wrestrict, bug 105651)
        about "." + std::string. */
    static std::filesystem::path nameBeside (const std::filesystem::path& target, const std::string& suffix)
    {
        std::string name (1, '.');
        name += target.filename().string();
        name += ".partial-";
        name += suffix;
        return target.parent_path() / name;
    }

    std::filesystem::path temporary;
    int descriptor = -1;
    bool created = false;
    bool committed = false;
};

void checkTarget (const std::filesystem::path& path, OverwritePolicy overwrite)
{
    std::error_code error;
    const auto status = std::filesystem::status (path, error);
    const auto type = status.type();

    if (type == std::filesystem::file_type::directory)
        failToWrite (path, "it is a folder");

    // symlink_status: a dangling link is still a name that refuse must not replace.
    if (std::filesystem::exists (std::filesystem::symlink_status (path, error)))
    {
        if (overwrite == OverwritePolicy::refuse)
            throw AudioFileError (quoted (path) + " already exists; use --force to overwrite");
        // Renaming over a device or fifo would replace it with a plain file.
        if (type != std::filesystem::file_type::regular && type != std::filesystem::file_type::not_found)
            failToWrite (path, "not a regular file");
    }

    const auto folder = path.parent_path().empty() ? std::filesystem::path { "." } : path.parent_path();
    const auto folderStatus = std::filesystem::status (folder, error);
    if (folderStatus.type() == std::filesystem::file_type::not_found)
        failToWrite (path, "the folder " + quoted (folder) + " does not exist");
    if (error)
        failToWrite (path, error.message());
    if (folderStatus.type() != std::filesystem::file_type::directory)
        failToWrite (path, quoted (folder) + " is not a folder");
}

} // namespace

struct AudioFileWriter::State
{
    State (const std::filesystem::path& target, const OutputFormat& outputFormat, OverwritePolicy policy)
        : path (target)
        , format (outputFormat)
        , overwrite (policy)
        , temporary (target)
    {
    }

    std::filesystem::path path;
    OutputFormat format;
    OverwritePolicy overwrite;
    TemporaryOutput temporary;
    detail::SndfileHandle handle;
    std::size_t numChannels = 0;
    std::uint64_t totalFrames = 0;
    std::uint64_t framesWritten = 0;
    /** Interleaving goes through one of these in blocks, so that it stays
        small whatever the length written. */
    std::vector<int> fixedBlock;
    std::vector<double> floatBlock;
    std::vector<float> singleBlock;
};

AudioFileWriter::AudioFileWriter (const std::filesystem::path& path, std::size_t numChannels, double sampleRate,
                                  std::uint64_t numFrames, const OutputFormat& format, OverwritePolicy overwrite)
{
    if (numChannels == 0)
        throw std::invalid_argument ("AudioFileWriter: no channels to write");
    if (numChannels > static_cast<std::size_t> (INT_MAX))
        throw std::invalid_argument ("AudioFileWriter: too many channels");
    const auto rate = checkedSampleRate (sampleRate);

    if (!supports (format.container, format.sampleFormat))
        failToWrite (path, std::string (toString (format.container)) + " cannot hold "
                               + std::string (toString (format.sampleFormat)));

    checkTarget (path, overwrite);

    const auto bytesPerSample = static_cast<std::uint64_t> (std::max (bitsOf (format.sampleFormat), 8) / 8);
    const auto dataBytes = numFrames * numChannels * bytesPerSample;

    SF_INFO info {};
    info.samplerate = rate;
    info.channels = static_cast<int> (numChannels);
    info.format = sndfileMajor (format, dataBytes, numChannels) | sndfileSubtype (format.sampleFormat);

    if (format.container == FileContainer::aiff && dataBytes > 0xFFFFFFFFu - 4096u)
        failToWrite (path, "too much audio for AIFF (more than 4 GiB); use .wav");
    if (sf_format_check (&info) == SF_FALSE)
        failToWrite (path, std::string (toString (format.container)) + " cannot hold " + std::to_string (numChannels)
                               + " channels of " + std::string (toString (format.sampleFormat)) + " at "
                               + std::to_string (rate) + " Hz");

    state = std::make_unique<State> (path, format, overwrite);
    state->numChannels = numChannels;
    state->totalFrames = numFrames;
    state->temporary.create (path);

    // libsndfile picks the container from info.format, not from the
    // temporary file's name.
    state->handle = state->temporary.open (info);
    if (state->handle == nullptr)
        failToWrite (path, detail::sndfileErrorPhrase (nullptr));

    // No PEAK chunk in float WAV and AIFF: it holds the time of writing, and
    // renders must be the same bytes each time (the CLI reports the peak).
    sf_command (state->handle.get(), SFC_SET_ADD_PEAK_CHUNK, nullptr, SF_FALSE);
    if (format.sampleFormat == SampleFormat::vorbis)
    {
        // 0.6 (oggenc -q 6, nominally about 190 kbit/s for stereo at 44.1 kHz),
        // above libsndfile's default, so that a render is not audibly coloured.
        double quality = 0.6;
        sf_command (state->handle.get(), SFC_SET_VBR_ENCODING_QUALITY, &quality, sizeof (quality));
    }
    if (isFixedPoint (format.sampleFormat))
    {
        // We clip before conversion; this guards any path that reaches
        // libsndfile's own float-to-int conversion.
        sf_command (state->handle.get(), SFC_SET_CLIPPING, nullptr, SF_TRUE);
    }
}

AudioFileWriter::~AudioFileWriter() = default;
AudioFileWriter::AudioFileWriter (AudioFileWriter&&) noexcept = default;
AudioFileWriter& AudioFileWriter::operator= (AudioFileWriter&&) noexcept = default;

void AudioFileWriter::write (std::span<const double* const> channels, std::size_t numFrames)
{
    const auto numChannels = state->numChannels;
    if (state->handle == nullptr)
        throw std::logic_error ("AudioFileWriter::write after commit");
    if (channels.size() != numChannels)
        throw std::invalid_argument ("AudioFileWriter::write: " + std::to_string (channels.size())
                                     + " channels where the file has " + std::to_string (numChannels));

    const auto format = state->format.sampleFormat;
    const auto& path = state->path;
    const auto bits = bitsOf (format);
    const bool fixedPoint = isFixedPoint (format);
    const std::size_t blockFrames = std::max<std::size_t> (1, std::size_t { 1 << 16 } / numChannels);
    auto& fixedBlock = state->fixedBlock;
    auto& floatBlock = state->floatBlock;
    auto& singleBlock = state->singleBlock;
    // 32-bit float, the default, stores every value, so it needs no check
    // per sample; converting here is what libsndfile's double-to-float
    // write does (a cast), in one pass fewer.
    const bool single = format == SampleFormat::float32;
    if (fixedPoint)
        fixedBlock.resize (blockFrames * numChannels);
    else if (single)
        singleBlock.resize (blockFrames * numChannels);
    else
        floatBlock.resize (blockFrames * numChannels);

    for (std::size_t start = 0; start < numFrames; start += blockFrames)
    {
        const auto frames = std::min (blockFrames, numFrames - start);

        for (std::size_t channel = 0; single && channel < numChannels; ++channel)
        {
            const double* source = channels[channel] + start;
            for (std::size_t frame = 0; frame < frames; ++frame)
                singleBlock[frame * numChannels + channel] = static_cast<float> (source[frame]);
        }

        for (std::size_t frame = 0; !single && frame < frames; ++frame)
        {
            for (std::size_t channel = 0; channel < numChannels; ++channel)
            {
                const double sample = channels[channel][start + frame];
                const auto index = frame * numChannels + channel;

                // NaN has no fixed-point value, and a Vorbis encoder fed
                // NaN or infinity writes noise; float files keep them.
                const bool representable =
                    fixedPoint ? !std::isnan (sample) : (format != SampleFormat::vorbis || std::isfinite (sample));
                if (!representable)
                    failToWrite (path, "channel " + std::to_string (channel + 1) + " holds "
                                           + (std::isnan (sample) ? "NaN" : "an infinite value") + " at frame "
                                           + std::to_string (state->framesWritten + start + frame) + ", which "
                                           + std::string (toString (format)) + " cannot store");

                if (fixedPoint)
                    fixedBlock[index] = toFixedPoint (sample, bits);
                else
                    floatBlock[index] = sample;
            }
        }

        auto* file = state->handle.get();
        const auto wanted = static_cast<sf_count_t> (frames);
        errno = 0;
        const auto written = fixedPoint ? sf_writef_int (file, fixedBlock.data(), wanted)
                             : single   ? sf_writef_float (file, singleBlock.data(), wanted)
                                        : sf_writef_double (file, floatBlock.data(), wanted);
        if (written != wanted)
        {
            // The encoders (Vorbis) report a failed write as an internal
            // error; the system's reason ("No space left on device") is
            // what the user needs.
            const int systemError = errno;
            const auto reason =
                systemError != 0 ? std::generic_category().message (systemError) : detail::sndfileErrorPhrase (file);
            const auto done =
                state->framesWritten + start + static_cast<std::size_t> (std::max<sf_count_t> (written, 0));
            failToWrite (path, "only " + std::to_string (done) + " of " + std::to_string (state->totalFrames)
                                   + " frames could be written (" + reason + ")");
        }
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
            throw AudioFileError (quoted (path) + " already exists; use --force to overwrite");
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
