// SPDX-License-Identifier: GPL-3.0-or-later
#include "SndfileOutputFormat.h"

#include "FileFailure.h"

#include <algorithm>
#include <string>

namespace partita::detail
{
namespace
{

/** The largest data chunk a 32-bit RIFF or AIFF size can describe, with room
    for the header. */
constexpr std::uint64_t largestRiffData = 0xFFFFFFFFu - 4096u;

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

std::string cannotHold (const OutputFormat& format)
{
    return std::string (toString (format.container)) + " cannot hold ";
}

} // namespace

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

void checkContainerHolds (const std::filesystem::path& path, const OutputFormat& format)
{
    if (!supports (format.container, format.sampleFormat))
        failToWrite (path, cannotHold (format) + std::string (toString (format.sampleFormat)));
}

SF_INFO chooseSndfileFormat (const std::filesystem::path& path, const OutputFormat& format, std::size_t numChannels,
                             int sampleRate, std::uint64_t numFrames)
{
    const auto bytesPerSample = static_cast<std::uint64_t> (std::max (bitsOf (format.sampleFormat), 8) / 8);
    const auto dataBytes = numFrames * numChannels * bytesPerSample;

    SF_INFO info {};
    info.samplerate = sampleRate;
    info.channels = static_cast<int> (numChannels);
    info.format = sndfileMajor (format, dataBytes, numChannels) | sndfileSubtype (format.sampleFormat);

    if (format.container == FileContainer::aiff && dataBytes > largestRiffData)
        failToWrite (path, "too much audio for AIFF (more than 4 GiB); use .wav");
    if (sf_format_check (&info) == SF_FALSE)
        failToWrite (path, cannotHold (format) + std::to_string (numChannels) + " channels of "
                               + std::string (toString (format.sampleFormat)) + " at " + std::to_string (sampleRate)
                               + " Hz");
    return info;
}

void configureEncoder (SNDFILE* file, SampleFormat format) noexcept
{
    // No PEAK chunk in float WAV and AIFF: it holds the time of writing, and
    // renders must be the same bytes each time (the CLI reports the peak).
    sf_command (file, SFC_SET_ADD_PEAK_CHUNK, nullptr, SF_FALSE);
    if (format == SampleFormat::vorbis)
    {
        // 0.6 (oggenc -q 6, nominally about 190 kbit/s for stereo at 44.1 kHz),
        // above libsndfile's default, so that a render is not audibly coloured.
        double quality = 0.6;
        sf_command (file, SFC_SET_VBR_ENCODING_QUALITY, &quality, sizeof (quality));
    }
    if (isFixedPoint (format))
    {
        // We clip before conversion; this guards any path that reaches
        // libsndfile's own float-to-int conversion.
        sf_command (file, SFC_SET_CLIPPING, nullptr, SF_TRUE);
    }
}

} // namespace partita::detail
