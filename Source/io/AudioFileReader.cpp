// SPDX-License-Identifier: GPL-3.0-or-later
#include "AudioFileReader.h"

#include "AudioFileError.h"
#include "InputFileChecks.h"
#include "QuotedText.h"
#include "SndfileFormatNames.h"
#include "SndfileHandle.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

namespace partita
{
namespace
{

[[noreturn]] void fail (const std::string& message)
{
    throw AudioFileError (message);
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

/** NaN or infinity in an IR or an input would poison every output sample of
    a convolution; no real recording holds one. Checked in one vectorisable
    pass; the slow search for the first one only runs when there is one.
    firstFrame is the block's first frame in the file. */
void checkFinite (const std::filesystem::path& path, std::span<const double> interleaved, std::size_t numChannels,
                  std::uint64_t firstFrame)
{
    if (allFinite (interleaved))
        return;
    for (std::size_t index = 0; index < interleaved.size(); ++index)
        if (const double sample = interleaved[index]; !std::isfinite (sample))
            fail (quoted (path) + " is corrupt: channel " + std::to_string (index % numChannels + 1) + " holds "
                  + (std::isnan (sample) ? "NaN" : "an infinite value") + " at frame "
                  + std::to_string (firstFrame + index / numChannels));
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
    /** libsndfile decoded nothing where the header promised more. */
    [[noreturn]] void failUndecodable() const
    {
        auto* handle = opened.handle.get();
        const auto reason =
            sf_error (handle) != SF_ERR_NO_ERROR ? " (" + detail::sndfileErrorPhrase (handle) + ")" : std::string {};
        fail (quoted (path) + " is truncated or corrupt: its header declares " + std::to_string (info.numFrames)
              + " frames but only " + std::to_string (framesRead) + " could be decoded" + reason);
    }

    std::filesystem::path path;
    detail::OpenedInputFile opened;
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
    state->opened = detail::openCheckedInputFile (path, limits);
    state->info = detail::describeAudioFile (state->opened.handle.get(), state->opened.info);
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

    auto* handle = state->opened.handle.get();
    std::size_t done = 0;
    while (done < frames)
    {
        const auto wanted = std::min (blockFrames, frames - done);
        const auto got = sf_readf_double (handle, state->interleaved.data(), static_cast<sf_count_t> (wanted));
        if (got <= 0)
            state->failUndecodable();

        const auto gotFrames = static_cast<std::size_t> (got);
        const auto* block = state->interleaved.data();
        checkFinite (state->path, std::span<const double> (block, gotFrames * numChannels), numChannels,
                     state->framesRead);

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

AudioFileInfo readAudioFileInfo (const std::filesystem::path& path, const AudioReadLimits& limits)
{
    const auto opened = detail::openCheckedInputFile (path, limits);
    return detail::describeAudioFile (opened.handle.get(), opened.info);
}

AudioClip readAudioFile (const std::filesystem::path& path, const AudioReadLimits& limits)
{
    return AudioFileReader (path, limits).readRest();
}

} // namespace partita
