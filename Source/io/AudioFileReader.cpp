// SPDX-License-Identifier: GPL-3.0-or-later
#include "AudioFileReader.h"

#include "AudioFileError.h"
#include "ContainerHeader.h"
#include "QuotedText.h"
#include "SndfileHandle.h"

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>

namespace partita
{
namespace
{

[[noreturn]] void fail (const std::string& message)
{
    throw AudioFileError (message);
}

std::string formatRate (double rate)
{
    if (rate == std::floor (rate) && std::abs (rate) < 1.0e15)
        return std::to_string (static_cast<long long> (rate)) + " Hz";
    return std::to_string (rate) + " Hz";
}

/** Everything that can be said without libsndfile: is there a readable,
    regular file? Returns its size in bytes. */
std::uintmax_t checkReadableRegularFile (const std::filesystem::path& path)
{
    std::error_code error;
    const auto status = std::filesystem::status (path, error);

    if (status.type() == std::filesystem::file_type::not_found)
        fail ("cannot read " + quoted (path) + ": "
              + std::make_error_code (std::errc::no_such_file_or_directory).message());
    if (error)
        fail ("cannot read " + quoted (path) + ": " + error.message());
    if (status.type() == std::filesystem::file_type::directory)
        fail ("cannot read " + quoted (path) + ": it is a folder, not an audio file");
    // A fifo or device would block libsndfile or feed it endless data.
    if (status.type() != std::filesystem::file_type::regular)
        fail ("cannot read " + quoted (path) + ": not a regular file");

    const auto size = std::filesystem::file_size (path, error);
    if (error)
        fail ("cannot read " + quoted (path) + ": " + error.message());

    // libsndfile reports a permission problem as a generic system error;
    // opening the file ourselves first gets the operating system's reason.
    errno = 0;
    std::ifstream probe (path, std::ios::binary);
    if (!probe)
    {
        const int reason = errno;
        fail ("cannot read " + quoted (path) + ": "
              + (reason != 0 ? std::generic_category().message (reason) : std::string { "cannot be opened" }));
    }

    return size;
}

std::string supportedRates (const AudioReadLimits& limits)
{
    return formatRate (limits.minSampleRate) + " to " + formatRate (limits.maxSampleRate);
}

void checkChannelsAndRate (const std::filesystem::path& path, std::uint64_t channels, double sampleRate,
                           const AudioReadLimits& limits)
{
    if (channels == 0)
        fail (quoted (path) + " has no audio channels (its header declares 0)");
    if (channels > limits.maxChannels)
        fail (quoted (path) + " has " + std::to_string (channels) + " channels, more than the "
              + std::to_string (limits.maxChannels) + " supported");
    if (!(sampleRate >= limits.minSampleRate && sampleRate <= limits.maxSampleRate))
        fail (quoted (path) + " has a sample rate of " + formatRate (sampleRate) + "; supported rates are "
              + supportedRates (limits));
}

/** libsndfile refused the file: say why in words the user can act on. */
[[noreturn]] void failToOpen (const std::filesystem::path& path, const AudioReadLimits& limits)
{
    const int code = sf_error (nullptr);
    const auto phrase = detail::sndfileErrorPhrase (nullptr);

    if (const auto header = detail::readContainerHeader (path))
    {
        if (header->channels.has_value() && header->sampleRate.has_value())
            checkChannelsAndRate (path, *header->channels, *header->sampleRate, limits);
    }

    if (code == SF_ERR_UNRECOGNISED_FORMAT)
        fail (quoted (path) + " is not a readable audio file (format not recognised)");
    fail (quoted (path) + " is not a readable audio file (" + phrase + ")");
}

/** Bytes per sample of files that store raw samples; nothing for
    compressed ones (FLAC also reports PCM_16 or PCM_24 as its subtype). */
std::optional<std::uint64_t> bytesPerUncompressedSample (int format) noexcept
{
    switch (format & SF_FORMAT_TYPEMASK)
    {
        case SF_FORMAT_WAV:
        case SF_FORMAT_WAVEX:
        case SF_FORMAT_RF64:
        case SF_FORMAT_W64:
        case SF_FORMAT_AIFF:
        case SF_FORMAT_CAF:
        case SF_FORMAT_AU:
            break;
        default:
            return std::nullopt;
    }

    switch (format & SF_FORMAT_SUBMASK)
    {
        case SF_FORMAT_PCM_S8:
        case SF_FORMAT_PCM_U8:
            return 1;
        case SF_FORMAT_PCM_16:
            return 2;
        case SF_FORMAT_PCM_24:
            return 3;
        case SF_FORMAT_PCM_32:
        case SF_FORMAT_FLOAT:
            return 4;
        case SF_FORMAT_DOUBLE:
            return 8;
        default:
            return std::nullopt;
    }
}

[[noreturn]] void failTruncated (const std::filesystem::path& path, std::uint64_t declaredFrames,
                                 std::uint64_t heldFrames)
{
    fail (quoted (path) + " is truncated: its header declares " + std::to_string (declaredFrames)
          + " frames but the file holds " + std::to_string (heldFrames));
}

/** An uncompressed file must hold every frame its header promises. */
void checkNotTruncated (const std::filesystem::path& path, const SF_INFO& info, std::uintmax_t fileSize)
{
    const auto bytesPerSample = bytesPerUncompressedSample (info.format);
    if (!bytesPerSample.has_value())
        return;

    const auto bytesPerFrame = *bytesPerSample * static_cast<std::uint64_t> (info.channels);
    const auto frames = static_cast<std::uint64_t> (info.frames);
    const auto header = detail::readContainerHeader (path);
    const auto dataOffset = header.has_value() ? header->dataOffset.value_or (0) : 0;
    const auto heldFrames = fileSize > dataOffset ? (fileSize - dataOffset) / bytesPerFrame : 0;

    // The length libsndfile reports (it shortens truncated WAVs, but not
    // every format) ...
    if (frames > heldFrames)
        failTruncated (path, frames, heldFrames);

    // ... and the length the header itself declares.
    if (!header.has_value())
        return;

    std::optional<std::uint64_t> declaredFrames = header->declaredFrames;
    if (!declaredFrames.has_value() && header->declaredDataBytes.has_value())
        declaredFrames = *header->declaredDataBytes / bytesPerFrame;

    if (declaredFrames.has_value() && *declaredFrames > heldFrames)
        failTruncated (path, *declaredFrames, heldFrames);
}

std::string containerName (int format)
{
    switch (format & SF_FORMAT_TYPEMASK)
    {
        case SF_FORMAT_WAV:
        case SF_FORMAT_WAVEX:
            return "WAV";
        case SF_FORMAT_RF64:
            return "RF64";
        case SF_FORMAT_W64:
            return "W64";
        case SF_FORMAT_AIFF:
            return "AIFF";
        case SF_FORMAT_FLAC:
            return "FLAC";
        case SF_FORMAT_OGG:
            return "Ogg";
        case SF_FORMAT_CAF:
            return "CAF";
        default:
            break;
    }

    SF_FORMAT_INFO formatInfo {};
    formatInfo.format = format & SF_FORMAT_TYPEMASK;
    if (sf_command (nullptr, SFC_GET_FORMAT_INFO, &formatInfo, sizeof (formatInfo)) == 0 && formatInfo.name != nullptr)
        return formatInfo.name;
    return "unknown";
}

std::string sampleFormatName (int format)
{
    switch (format & SF_FORMAT_SUBMASK)
    {
        case SF_FORMAT_PCM_S8:
        case SF_FORMAT_PCM_U8:
            return "8-bit PCM";
        case SF_FORMAT_PCM_16:
            return "16-bit PCM";
        case SF_FORMAT_PCM_24:
            return "24-bit PCM";
        case SF_FORMAT_PCM_32:
            return "32-bit PCM";
        case SF_FORMAT_FLOAT:
            return "32-bit float";
        case SF_FORMAT_DOUBLE:
            return "64-bit float";
        case SF_FORMAT_VORBIS:
            return "Vorbis";
        case SF_FORMAT_OPUS:
            return "Opus";
        default:
            break;
    }

    SF_FORMAT_INFO formatInfo {};
    formatInfo.format = format & SF_FORMAT_SUBMASK;
    if (sf_command (nullptr, SFC_GET_FORMAT_INFO, &formatInfo, sizeof (formatInfo)) == 0 && formatInfo.name != nullptr)
        return formatInfo.name;
    return "unknown";
}

struct OpenedFile
{
    detail::SndfileHandle handle;
    SF_INFO info {};
};

/** Opens the file and checks every header fact against the limits, so
    that nothing is allocated for a file that will be refused. */
OpenedFile openAndCheck (const std::filesystem::path& path, const AudioReadLimits& limits)
{
    const auto fileSize = checkReadableRegularFile (path);

    OpenedFile opened;
    opened.handle = detail::openSndfile (path, SFM_READ, opened.info);
    if (opened.handle == nullptr)
        failToOpen (path, limits);

    const auto& info = opened.info;
    checkChannelsAndRate (path, static_cast<std::uint64_t> (std::max (info.channels, 0)),
                          static_cast<double> (info.samplerate), limits);

    if (info.frames < 0 || static_cast<std::uint64_t> (info.frames) > limits.maxFrames)
        fail (quoted (path) + " is too long: " + std::to_string (info.frames) + " frames, more than the "
              + std::to_string (limits.maxFrames) + " supported");

    checkNotTruncated (path, info, fileSize);
    return opened;
}

AudioFileInfo describe (const SF_INFO& info)
{
    AudioFileInfo result;
    result.numChannels = static_cast<std::size_t> (info.channels);
    result.sampleRate = static_cast<double> (info.samplerate);
    result.numFrames = static_cast<std::uint64_t> (info.frames);
    result.formatName = containerName (info.format);
    result.sampleFormat = sampleFormatName (info.format);
    return result;
}

/** Whether no sample is NaN or infinite: those, and only those, have every
    exponent bit set. Integer arithmetic, so that the compiler may vectorise
    the loop without reordering any floating-point operation. */
bool allFinite (std::span<const double> samples) noexcept
{
    constexpr std::uint64_t exponentBits = 0x7ff0000000000000u;
    std::uint64_t nonFinite = 0;
    for (const double sample : samples)
        nonFinite |=
            static_cast<std::uint64_t> ((std::bit_cast<std::uint64_t> (sample) & exponentBits) == exponentBits);
    return nonFinite == 0;
}

AudioClip allocateClip (const std::filesystem::path& path, std::size_t channels, std::size_t frames)
{
    try
    {
        AudioClip clip;
        clip.channels.resize (channels);
        for (auto& channel : clip.channels)
            channel.resize (frames);
        return clip;
    }
    catch (const std::bad_alloc&)
    {
        fail ("not enough memory to read " + quoted (path) + " (" + std::to_string (frames) + " frames x "
              + std::to_string (channels) + " channels)");
    }
}
} // namespace

struct AudioFileReader::State
{
    std::filesystem::path path;
    OpenedFile opened;
    AudioFileInfo info;
    std::uint64_t framesRead = 0;
    /** Decoding goes through this in blocks, so that it stays small whatever
        the file's length. */
    std::vector<double> interleaved;
};

AudioFileReader::AudioFileReader (const std::filesystem::path& path, const AudioReadLimits& limits)
    : state (std::make_unique<State>())
{
    state->path = path;
    state->opened = openAndCheck (path, limits);
    state->info = describe (state->opened.info);
}

AudioFileReader::~AudioFileReader() = default;
AudioFileReader::AudioFileReader (AudioFileReader&&) noexcept = default;
AudioFileReader& AudioFileReader::operator= (AudioFileReader&&) noexcept = default;

const AudioFileInfo& AudioFileReader::info() const noexcept
{
    return state->info;
}

std::uint64_t AudioFileReader::framesLeft() const noexcept
{
    return state->info.numFrames - state->framesRead;
}

void AudioFileReader::read (std::span<double* const> destinations, std::size_t frames)
{
    const auto numChannels = state->info.numChannels;
    if (destinations.size() != numChannels || frames > framesLeft())
        throw std::invalid_argument ("AudioFileReader::read: " + std::to_string (frames) + " frames into "
                                     + std::to_string (destinations.size()) + " channels, but the file has "
                                     + std::to_string (framesLeft()) + " frames of " + std::to_string (numChannels)
                                     + " channels left");

    const std::size_t blockFrames = std::max<std::size_t> (1, std::size_t { 1 << 18 } / numChannels);
    state->interleaved.resize (std::min (blockFrames, frames) * numChannels);

    const auto& path = state->path;
    auto* handle = state->opened.handle.get();
    std::size_t done = 0;
    while (done < frames)
    {
        const auto wanted = std::min (blockFrames, frames - done);
        const auto got = sf_readf_double (handle, state->interleaved.data(), static_cast<sf_count_t> (wanted));
        if (got <= 0)
        {
            const auto reason = sf_error (handle) != SF_ERR_NO_ERROR ? " (" + detail::sndfileErrorPhrase (handle) + ")"
                                                                     : std::string {};
            fail (quoted (path) + " is truncated or corrupt: its header declares "
                  + std::to_string (state->info.numFrames) + " frames but only " + std::to_string (state->framesRead)
                  + " could be decoded" + reason);
        }

        const auto gotFrames = static_cast<std::size_t> (got);
        const auto* block = state->interleaved.data();

        // NaN or infinity in an IR or an input would poison every output
        // sample of a convolution; no real recording holds one. Checked in
        // one vectorisable pass; the slow search for the first one only runs
        // when there is one.
        if (!allFinite (std::span<const double> (block, gotFrames * numChannels)))
        {
            for (std::size_t index = 0; index < gotFrames * numChannels; ++index)
                if (const double sample = block[index]; !std::isfinite (sample))
                    fail (quoted (path) + " is corrupt: channel " + std::to_string (index % numChannels + 1) + " holds "
                          + (std::isnan (sample) ? "NaN" : "an infinite value") + " at frame "
                          + std::to_string (state->framesRead + index / numChannels));
        }

        for (std::size_t channel = 0; channel < numChannels; ++channel)
        {
            double* destination = destinations[channel] + done;
            for (std::size_t frame = 0; frame < gotFrames; ++frame)
                destination[frame] = block[frame * numChannels + channel];
        }
        done += gotFrames;
        state->framesRead += gotFrames;
    }
}

AudioFileInfo readAudioFileInfo (const std::filesystem::path& path, const AudioReadLimits& limits)
{
    const auto opened = openAndCheck (path, limits);
    return describe (opened.info);
}

AudioClip AudioFileReader::readRest()
{
    const auto numFrames = static_cast<std::size_t> (framesLeft());
    auto clip = allocateClip (state->path, state->info.numChannels, numFrames);
    clip.sampleRate = state->info.sampleRate;

    std::vector<double*> destinations;
    for (auto& channel : clip.channels)
        destinations.push_back (channel.data());
    read (destinations, numFrames);
    return clip;
}

AudioClip readAudioFile (const std::filesystem::path& path, const AudioReadLimits& limits)
{
    return AudioFileReader (path, limits).readRest();
}

} // namespace partita
