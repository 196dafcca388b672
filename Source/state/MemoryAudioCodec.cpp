// SPDX-License-Identifier: GPL-3.0-or-later
#include "MemoryAudioCodec.h"

#include "MemoryFile.h"
#include "io/AudioFileError.h"
#include "io/SndfileHandle.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <new>
#include <stdexcept>

namespace partita
{
namespace
{
bool allSamplesOnGrid (const AudioClip& clip, double scale) noexcept
{
    for (const auto& channel : clip.channels)
    {
        for (const double sample : channel)
        {
            const double scaled = sample * scale;
            if (scaled != std::floor (scaled) || scaled < -scale || scaled > scale - 1.0)
                return false;
        }
    }
    return true;
}

bool allSamplesFitFloat (const AudioClip& clip) noexcept
{
    for (const auto& channel : clip.channels)
    {
        for (const double sample : channel)
        {
            if (static_cast<double> (static_cast<float> (sample)) != sample)
                return false;
        }
    }
    return true;
}

void checkEncodable (const AudioClip& clip)
{
    if (clip.numChannels() == 0 || clip.numFrames() == 0)
        throw std::invalid_argument ("cannot encode an IR without channels or samples");
    if (clip.numChannels() > static_cast<std::size_t> (std::numeric_limits<int>::max()))
        throw std::invalid_argument ("cannot encode an IR with that many channels");
    if (!(clip.sampleRate > 0.0 && clip.sampleRate < 2.0e9))
        throw std::invalid_argument ("cannot encode an IR whose sample rate is not a positive number below 2 GHz");

    for (const auto& channel : clip.channels)
    {
        if (channel.size() != clip.numFrames())
            throw std::invalid_argument ("cannot encode an IR whose channels differ in length");
        if (!std::all_of (channel.begin(), channel.end(), [] (double sample) { return std::isfinite (sample); }))
            throw std::invalid_argument ("cannot encode an IR that holds NaN or infinite samples");
    }
}

int sndfileFormat (LosslessEncoding encoding) noexcept
{
    switch (encoding)
    {
        case LosslessEncoding::flac16:
            return SF_FORMAT_FLAC | SF_FORMAT_PCM_16;
        case LosslessEncoding::flac24:
            return SF_FORMAT_FLAC | SF_FORMAT_PCM_24;
        case LosslessEncoding::wavFloat32:
            return SF_FORMAT_WAV | SF_FORMAT_FLOAT;
        case LosslessEncoding::wavFloat64:
            break;
    }
    return SF_FORMAT_WAV | SF_FORMAT_DOUBLE;
}

/** Writes frames [first, first + count) interleaved, in the type that keeps
    them exact for the encoding. */
bool writeFrames (SNDFILE* file, const AudioClip& clip, LosslessEncoding encoding, std::size_t first, std::size_t count)
{
    const auto numChannels = clip.numChannels();
    const auto total = count * numChannels;

    if (encoding == LosslessEncoding::flac16 || encoding == LosslessEncoding::flac24)
    {
        // Left-justified 32-bit integers: libsndfile shifts them down to the
        // file's width without rounding, so grid values stay exact.
        std::vector<int> interleaved (total);
        for (std::size_t frame = 0; frame < count; ++frame)
            for (std::size_t channel = 0; channel < numChannels; ++channel)
                interleaved[frame * numChannels + channel] =
                    static_cast<int> (clip.channels[channel][first + frame] * 2147483648.0);
        return sf_writef_int (file, interleaved.data(), static_cast<sf_count_t> (count))
               == static_cast<sf_count_t> (count);
    }

    if (encoding == LosslessEncoding::wavFloat32)
    {
        std::vector<float> interleaved (total);
        for (std::size_t frame = 0; frame < count; ++frame)
            for (std::size_t channel = 0; channel < numChannels; ++channel)
                interleaved[frame * numChannels + channel] = static_cast<float> (clip.channels[channel][first + frame]);
        return sf_writef_float (file, interleaved.data(), static_cast<sf_count_t> (count))
               == static_cast<sf_count_t> (count);
    }

    std::vector<double> interleaved (total);
    for (std::size_t frame = 0; frame < count; ++frame)
        for (std::size_t channel = 0; channel < numChannels; ++channel)
            interleaved[frame * numChannels + channel] = clip.channels[channel][first + frame];
    return sf_writef_double (file, interleaved.data(), static_cast<sf_count_t> (count))
           == static_cast<sf_count_t> (count);
}

[[noreturn]] void fail (const std::string& message)
{
    throw AudioFileError (message);
}

std::string sndfilePhrase (SNDFILE* file)
{
    std::string text = sf_strerror (file);
    if (const auto newline = text.find_first_of ("\r\n"); newline != std::string::npos)
        text.resize (newline);
    while (!text.empty() && (text.back() == '.' || text.back() == ' '))
        text.pop_back();
    return text.empty() ? std::string { "unknown libsndfile error" } : text;
}

/** What a decode may rely on once the header passed the limits. */
struct CheckedHeader
{
    std::size_t numChannels = 0;
    double sampleRate = 0.0;
    std::size_t declaredFrames = 0;
};

/** Checks the header against the limits before anything is allocated. */
CheckedHeader checkHeader (const SF_INFO& info, const AudioReadLimits& limits, const std::string& sourceName)
{
    if (info.channels <= 0)
        fail (sourceName + " has no audio channels");
    const auto numChannels = static_cast<std::size_t> (info.channels);
    if (numChannels > limits.maxChannels)
        fail (sourceName + " has " + std::to_string (numChannels) + " channels, more than the "
              + std::to_string (limits.maxChannels) + " supported");

    const auto sampleRate = static_cast<double> (info.samplerate);
    if (!(sampleRate >= limits.minSampleRate && sampleRate <= limits.maxSampleRate))
        fail (sourceName + " has a sample rate of " + std::to_string (info.samplerate) + " Hz, outside the supported "
              + std::to_string (std::lround (limits.minSampleRate)) + " to "
              + std::to_string (std::lround (limits.maxSampleRate)) + " Hz");

    if (info.frames < 0 || static_cast<std::uint64_t> (info.frames) > limits.maxFrames)
        fail (sourceName + " is too long: " + std::to_string (info.frames) + " frames, more than the "
              + std::to_string (limits.maxFrames) + " supported");
    return { numChannels, sampleRate, static_cast<std::size_t> (info.frames) };
}

/** Appends a decoded block to the clip's channels (growing them only with
    audio actually decoded), refusing a non-finite sample. firstFrame is the
    block's first frame in the file. */
void appendBlock (AudioClip& clip, std::span<const double> interleaved, std::size_t firstFrame,
                  const std::string& sourceName)
{
    const auto numChannels = clip.numChannels();
    const auto frames = interleaved.size() / numChannels;
    for (std::size_t channel = 0; channel < numChannels; ++channel)
    {
        auto& samples = clip.channels[channel];
        for (std::size_t frame = 0; frame < frames; ++frame)
        {
            const double sample = interleaved[frame * numChannels + channel];
            if (!std::isfinite (sample))
                fail (sourceName + " is corrupt: channel " + std::to_string (channel + 1)
                      + " holds a non-finite sample at frame " + std::to_string (firstFrame + frame));
            samples.push_back (sample);
        }
    }
}

/** Decodes block by block; memory grows only with audio actually decoded,
    so a header that declares more than the data holds cannot make it
    allocate much. */
AudioClip decode (SNDFILE* file, const CheckedHeader& header, const std::string& sourceName)
{
    AudioClip clip;
    clip.sampleRate = header.sampleRate;
    clip.channels.resize (header.numChannels);

    const std::size_t blockFrames = std::max<std::size_t> (1, std::size_t { 1 << 16 } / header.numChannels);
    std::vector<double> interleaved (blockFrames * header.numChannels);
    std::size_t framesRead = 0;
    try
    {
        while (framesRead < header.declaredFrames)
        {
            const auto wanted = std::min (blockFrames, header.declaredFrames - framesRead);
            const auto got = sf_readf_double (file, interleaved.data(), static_cast<sf_count_t> (wanted));
            if (got <= 0)
                fail (sourceName + " is truncated or corrupt: it declares " + std::to_string (header.declaredFrames)
                      + " frames but only " + std::to_string (framesRead) + " could be decoded");

            const auto gotFrames = static_cast<std::size_t> (got);
            appendBlock (clip, { interleaved.data(), gotFrames * header.numChannels }, framesRead, sourceName);
            framesRead += gotFrames;
        }
    }
    catch (const std::bad_alloc&)
    {
        fail ("not enough memory to decode " + sourceName);
    }
    return clip;
}

constexpr std::size_t flacMaxChannels = 8;
constexpr double flacMaxSampleRate = 655350.0;
} // namespace

LosslessEncoding chooseLosslessEncoding (const AudioClip& clip) noexcept
{
    const bool flacCanHold =
        clip.numChannels() <= flacMaxChannels && clip.sampleRate >= 1.0 && clip.sampleRate <= flacMaxSampleRate;
    if (flacCanHold && allSamplesOnGrid (clip, 32768.0))
        return LosslessEncoding::flac16;
    if (flacCanHold && allSamplesOnGrid (clip, 8388608.0))
        return LosslessEncoding::flac24;
    if (allSamplesFitFloat (clip))
        return LosslessEncoding::wavFloat32;
    return LosslessEncoding::wavFloat64;
}

std::vector<std::uint8_t> encodeLosslessAudio (const AudioClip& clip)
{
    checkEncodable (clip);
    const auto encoding = chooseLosslessEncoding (clip);

    std::vector<std::uint8_t> bytes;
    MemoryFile memory (bytes);
    auto io = MemoryFile::callbacks();

    SF_INFO info {};
    info.channels = static_cast<int> (clip.numChannels());
    info.samplerate = std::max (1, static_cast<int> (std::lround (clip.sampleRate)));
    info.format = sndfileFormat (encoding);

    detail::SndfileHandle file { sf_open_virtual (&io, SFM_WRITE, &info, &memory) };
    if (file == nullptr)
        fail ("cannot encode the IR for the state (" + sndfilePhrase (nullptr) + ")");
    // No PEAK chunk in a float WAV: it holds the time of writing, so the same
    // IR saved a second later would give a different state.
    sf_command (file.get(), SFC_SET_ADD_PEAK_CHUNK, nullptr, SF_FALSE);

    constexpr std::size_t blockFrames = 16384;
    for (std::size_t first = 0; first < clip.numFrames(); first += blockFrames)
    {
        const auto count = std::min (blockFrames, clip.numFrames() - first);
        if (!writeFrames (file.get(), clip, encoding, first, count))
            fail ("cannot encode the IR for the state (" + sndfilePhrase (file.get()) + ")");
    }

    // Closing finishes the header (FLAC's STREAMINFO, WAV's chunk sizes).
    if (sf_close (file.release()) != 0)
        fail ("cannot encode the IR for the state (libsndfile could not finish the file)");
    return bytes;
}

AudioClip readAudioFromMemory (std::span<const std::uint8_t> bytes, const AudioReadLimits& limits,
                               const std::string& sourceName)
{
    MemoryFile memory (bytes);
    auto io = MemoryFile::callbacks();
    SF_INFO info {};
    detail::SndfileHandle file { sf_open_virtual (&io, SFM_READ, &info, &memory) };
    if (file == nullptr)
        fail (sourceName + " is not readable audio (" + sndfilePhrase (nullptr) + ")");

    return decode (file.get(), checkHeader (info, limits, sourceName), sourceName);
}

} // namespace partita
