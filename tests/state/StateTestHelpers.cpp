// SPDX-License-Identifier: GPL-3.0-or-later
#include "StateTestHelpers.h"

#include <cmath>
#include <random>

namespace partita::test
{
namespace
{
void appendLittleEndian (std::vector<std::uint8_t>& bytes, std::uint32_t value, int numBytes)
{
    for (int i = 0; i < numBytes; ++i)
        bytes.push_back (static_cast<std::uint8_t> ((value >> (8 * i)) & 0xffu));
}

void appendText (std::vector<std::uint8_t>& bytes, const char* text)
{
    for (; *text != 0; ++text)
        bytes.push_back (static_cast<std::uint8_t> (*text));
}
} // namespace

AudioClip gridClip (std::size_t channels, std::size_t frames, int bits, double sampleRate, std::uint32_t seed)
{
    std::mt19937 random (seed);
    const auto fullScale = std::ldexp (1.0, bits - 1);
    std::uniform_int_distribution<long> code (-static_cast<long> (fullScale), static_cast<long> (fullScale) - 1);

    AudioClip clip;
    clip.sampleRate = sampleRate;
    clip.channels.assign (channels, std::vector<double> (frames));
    for (auto& channel : clip.channels)
        for (auto& sample : channel)
            sample = static_cast<double> (code (random)) / fullScale;
    return clip;
}

AudioClip doubleClip (std::size_t channels, std::size_t frames, double sampleRate, std::uint32_t seed)
{
    std::mt19937_64 random (seed);
    std::uniform_real_distribution<double> value (-1.0, 1.0);

    AudioClip clip;
    clip.sampleRate = sampleRate;
    clip.channels.assign (channels, std::vector<double> (frames));
    for (auto& channel : clip.channels)
        for (auto& sample : channel)
            sample = value (random) + 1.0e-12; // off float's grid
    return clip;
}

std::vector<std::uint8_t> handMadeWav (std::uint16_t channels, std::uint32_t sampleRate, std::uint16_t bitsPerSample,
                                       std::uint32_t dataBytes, std::size_t dataBytesPresent)
{
    std::vector<std::uint8_t> bytes;
    appendText (bytes, "RIFF");
    appendLittleEndian (bytes, static_cast<std::uint32_t> (36 + dataBytes), 4);
    appendText (bytes, "WAVE");
    appendText (bytes, "fmt ");
    appendLittleEndian (bytes, 16, 4);
    appendLittleEndian (bytes, 1, 2); // PCM
    appendLittleEndian (bytes, channels, 2);
    appendLittleEndian (bytes, sampleRate, 4);
    const auto blockAlign = static_cast<std::uint32_t> (channels) * bitsPerSample / 8;
    appendLittleEndian (bytes, sampleRate * blockAlign, 4);
    appendLittleEndian (bytes, blockAlign, 2);
    appendLittleEndian (bytes, bitsPerSample, 2);
    appendText (bytes, "data");
    appendLittleEndian (bytes, dataBytes, 4);

    std::mt19937 random (7);
    for (std::size_t i = 0; i < dataBytesPresent; ++i)
        bytes.push_back (static_cast<std::uint8_t> (random() & 0x3fu));
    return bytes;
}

} // namespace partita::test
