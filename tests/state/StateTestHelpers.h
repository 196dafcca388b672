// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"

#include <cstdint>
#include <vector>

namespace partita::test
{

/** A clip whose samples all lie on the grid k / 2^(bits-1), like audio read
    from a PCM file of that many bits. */
AudioClip gridClip (std::size_t channels, std::size_t frames, int bits, double sampleRate, std::uint32_t seed);

/** A clip of arbitrary doubles (not representable as float). */
AudioClip doubleClip (std::size_t channels, std::size_t frames, double sampleRate, std::uint32_t seed);

/** The bytes of a canonical PCM WAV file, written by hand so that the header
    can say anything (zero channels, absurd rates) whatever the data. */
std::vector<std::uint8_t> handMadeWav (std::uint16_t channels, std::uint32_t sampleRate, std::uint16_t bitsPerSample,
                                       std::uint32_t dataBytes, std::size_t dataBytesPresent);

} // namespace partita::test
