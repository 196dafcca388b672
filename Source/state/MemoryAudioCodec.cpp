// SPDX-License-Identifier: GPL-3.0-or-later
#include "MemoryAudioCodec.h"

#include "io/AudioFileError.h"

#include <sndfile.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <new>
#include <stdexcept>

namespace partita
{
namespace
{
/** A file in memory for libsndfile's virtual I/O: read-only over a span, or
    writable into a growing vector (FLAC's encoder seeks back to finish its
    header, so writing must support seeks). */
class MemoryFile
{
public:
    explicit MemoryFile (std::span<const std::uint8_t> bytesToRead) noexcept
        : readOnly (bytesToRead)
    {
    }

    explicit MemoryFile (std::vector<std::uint8_t>& destination) noexcept
        : writable (&destination)
    {
    }

    static SF_VIRTUAL_IO callbacks() noexcept
    {
        SF_VIRTUAL_IO io {};
        io.get_filelen = [] (void* self) { return static_cast<MemoryFile*> (self)->length(); };
        io.seek = [] (sf_count_t offset, int whence, void* self)
        { return static_cast<MemoryFile*> (self)->seek (offset, whence); };
        io.read = [] (void* destination, sf_count_t count, void* self)
        { return static_cast<MemoryFile*> (self)->read (destination, count); };
        io.write = [] (const void* source, sf_count_t count, void* self)
        { return static_cast<MemoryFile*> (self)->write (source, count); };
        io.tell = [] (void* self) { return static_cast<MemoryFile*> (self)->position; };
        return io;
    }

private:
    [[nodiscard]] sf_count_t length() const noexcept
    {
        return static_cast<sf_count_t> (writable != nullptr ? writable->size() : readOnly.size());
    }

    sf_count_t seek (sf_count_t offset, int whence) noexcept
    {
        sf_count_t base = 0;
        if (whence == SEEK_CUR)
            base = position;
        else if (whence == SEEK_END)
            base = length();

        // Offsets come from file headers: refuse overflowing or negative ones.
        if ((offset > 0 && base > std::numeric_limits<sf_count_t>::max() - offset) || base + offset < 0)
            return -1;

        position = base + offset;
        return position;
    }

    sf_count_t read (void* destination, sf_count_t count) noexcept
    {
        const auto size = length();
        if (writable != nullptr || count <= 0 || position >= size)
            return 0;

        const auto available = std::min (count, size - position);
        std::memcpy (destination, readOnly.data() + position, static_cast<std::size_t> (available));
        position += available;
        return available;
    }

    sf_count_t write (const void* source, sf_count_t count) noexcept
    {
        if (writable == nullptr || count <= 0)
            return 0;

        try
        {
            const auto end = static_cast<std::size_t> (position + count);
            if (end > writable->size())
                writable->resize (end);
        }
        catch (const std::bad_alloc&)
        {
            return 0;
        }

        std::memcpy (writable->data() + position, source, static_cast<std::size_t> (count));
        position += count;
        return count;
    }

    std::span<const std::uint8_t> readOnly;
    std::vector<std::uint8_t>* writable = nullptr;
    sf_count_t position = 0;
};

struct SndfileCloser
{
    void operator() (SNDFILE* file) const noexcept { sf_close (file); }
};

using Sndfile = std::unique_ptr<SNDFILE, SndfileCloser>;

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

    Sndfile file { sf_open_virtual (&io, SFM_WRITE, &info, &memory) };
    if (file == nullptr)
        fail ("cannot encode the IR for the state (" + sndfilePhrase (nullptr) + ")");

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
    Sndfile file { sf_open_virtual (&io, SFM_READ, &info, &memory) };
    if (file == nullptr)
        fail (sourceName + " is not readable audio (" + sndfilePhrase (nullptr) + ")");

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
    const auto declaredFrames = static_cast<std::size_t> (info.frames);

    AudioClip clip;
    clip.sampleRate = sampleRate;
    clip.channels.resize (numChannels);

    const std::size_t blockFrames = std::max<std::size_t> (1, std::size_t { 1 << 16 } / numChannels);
    std::vector<double> interleaved (blockFrames * numChannels);
    std::size_t framesRead = 0;

    try
    {
        while (framesRead < declaredFrames)
        {
            const auto wanted = std::min (blockFrames, declaredFrames - framesRead);
            const auto got = sf_readf_double (file.get(), interleaved.data(), static_cast<sf_count_t> (wanted));
            if (got <= 0)
                fail (sourceName + " is truncated or corrupt: it declares " + std::to_string (declaredFrames)
                      + " frames but only " + std::to_string (framesRead) + " could be decoded");

            const auto gotFrames = static_cast<std::size_t> (got);
            for (std::size_t channel = 0; channel < numChannels; ++channel)
            {
                auto& samples = clip.channels[channel];
                for (std::size_t frame = 0; frame < gotFrames; ++frame)
                {
                    const double sample = interleaved[frame * numChannels + channel];
                    if (!std::isfinite (sample))
                        fail (sourceName + " is corrupt: channel " + std::to_string (channel + 1)
                              + " holds a non-finite sample at frame " + std::to_string (framesRead + frame));
                    samples.push_back (sample);
                }
            }
            framesRead += gotFrames;
        }
    }
    catch (const std::bad_alloc&)
    {
        fail ("not enough memory to decode " + sourceName);
    }

    return clip;
}

} // namespace partita
