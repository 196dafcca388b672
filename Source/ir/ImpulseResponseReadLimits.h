// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioFileReader.h"

#include <cstddef>
#include <cstdint>

namespace partita
{

/** What Partita accepts as an impulse response file, checked from the header
    before any sample buffer is allocated (see readAudioFile):
    - sample rates from 8 kHz to 384 kHz: below that no usable room or
      cabinet response, above it no converter records;
    - at most 2^23 frames (about 3 minutes at 48 kHz, 22 s at 384 kHz): every
      frame is held several times over (source, resampled, shaped, spectra);
    - at most `maxChannels` channels: 64 for the command line, which routes
      general N x M matrices (ambisonics); the plugin, which routes 1, 2 and
      4 channels, passes 8 (state/IrReadLimits.h).

    A declared length beyond what the file holds, a non-regular file and
    NaN or infinite samples are refused by the reader whatever the limits. */
constexpr AudioReadLimits impulseResponseReadLimits (std::size_t maxChannels = 64) noexcept
{
    AudioReadLimits limits;
    limits.maxChannels = maxChannels;
    limits.minSampleRate = 8000.0;
    limits.maxSampleRate = 384000.0;
    limits.maxFrames = std::uint64_t { 1 } << 23;
    return limits;
}

} // namespace partita
