// SPDX-License-Identifier: GPL-3.0-or-later
#include "SampleEncoder.h"

#include "SndfileOutputFormat.h"

#include <algorithm>
#include <cmath>

namespace partita::detail
{

int toFixedPoint (double sample, int bits) noexcept
{
    const double fullScale = std::ldexp (1.0, bits - 1);
    const auto largest = static_cast<long long> (fullScale) - 1;
    const auto code = std::clamp (std::llrint (std::clamp (sample, -1.0, 1.0) * fullScale), -largest - 1, largest);

    // libsndfile takes int samples left-aligned in 32 bits and keeps the top `bits`.
    return static_cast<int> (code * (1LL << (32 - bits)));
}

SampleEncoder::SampleEncoder (SampleFormat sampleFormat, std::size_t channels)
    : format (sampleFormat)
    , numChannels (channels)
    , maxFrames (std::max<std::size_t> (1, std::size_t { 1 << 16 } / channels))
    , bits (bitsOf (sampleFormat))
    , fixedPoint (isFixedPoint (sampleFormat))
    , single (sampleFormat == SampleFormat::float32)
{
    if (fixedPoint)
        fixedBlock.resize (maxFrames * numChannels);
    else if (single)
        singleBlock.resize (maxFrames * numChannels);
    else
        doubleBlock.resize (maxFrames * numChannels);
}

std::optional<UnstorableSample> SampleEncoder::encode (std::span<const double* const> channels, std::size_t start,
                                                       std::size_t frames)
{
    if (single)
    {
        encodeSingle (channels, start, frames);
        return std::nullopt;
    }

    for (std::size_t frame = 0; frame < frames; ++frame)
    {
        for (std::size_t channel = 0; channel < numChannels; ++channel)
        {
            const double sample = channels[channel][start + frame];
            const auto index = frame * numChannels + channel;
            if (!storable (sample))
                return UnstorableSample { channel, start + frame, sample };

            if (fixedPoint)
                fixedBlock[index] = toFixedPoint (sample, bits);
            else
                doubleBlock[index] = sample;
        }
    }
    return std::nullopt;
}

void SampleEncoder::encodeSingle (std::span<const double* const> channels, std::size_t start,
                                  std::size_t frames) noexcept
{
    for (std::size_t channel = 0; channel < numChannels; ++channel)
    {
        const double* source = channels[channel] + start;
        for (std::size_t frame = 0; frame < frames; ++frame)
            singleBlock[frame * numChannels + channel] = static_cast<float> (source[frame]);
    }
}

bool SampleEncoder::storable (double sample) const noexcept
{
    // NaN has no fixed-point value, and a Vorbis encoder fed NaN or infinity
    // writes noise; float files keep them.
    return fixedPoint ? !std::isnan (sample) : (format != SampleFormat::vorbis || std::isfinite (sample));
}

sf_count_t SampleEncoder::writeTo (SNDFILE* file, std::size_t frames) const noexcept
{
    const auto wanted = static_cast<sf_count_t> (frames);
    if (fixedPoint)
        return sf_writef_int (file, fixedBlock.data(), wanted);
    if (single)
        return sf_writef_float (file, singleBlock.data(), wanted);
    return sf_writef_double (file, doubleBlock.data(), wanted);
}

} // namespace partita::detail
