// SPDX-License-Identifier: GPL-3.0-or-later
#include "IoTestHelpers.h"

#include <fstream>
#include <string_view>

namespace partita::test
{
namespace
{
void appendId (std::vector<std::uint8_t>& bytes, std::string_view id)
{
    for (const char c : id)
        bytes.push_back (static_cast<std::uint8_t> (c));
}

void appendLittleEndian (std::vector<std::uint8_t>& bytes, std::uint32_t value, int numBytes)
{
    for (int i = 0; i < numBytes; ++i)
        bytes.push_back (static_cast<std::uint8_t> ((value >> (8 * i)) & 0xFFu));
}
} // namespace

std::vector<std::uint8_t> handMadeWav (std::uint32_t channels, std::uint32_t sampleRate, std::uint32_t bitsPerSample,
                                       std::uint32_t declaredFrames, std::uint32_t heldFrames)
{
    const std::uint32_t blockAlign = channels * bitsPerSample / 8;
    const std::uint32_t declaredBytes = declaredFrames * blockAlign;
    const std::uint32_t heldBytes = heldFrames * blockAlign;

    std::vector<std::uint8_t> bytes;
    appendId (bytes, "RIFF");
    appendLittleEndian (bytes, 4 + 8 + 16 + 8 + declaredBytes, 4);
    appendId (bytes, "WAVE");

    appendId (bytes, "fmt ");
    appendLittleEndian (bytes, 16, 4);
    appendLittleEndian (bytes, 1, 2); // WAVE_FORMAT_PCM
    appendLittleEndian (bytes, channels, 2);
    appendLittleEndian (bytes, sampleRate, 4);
    appendLittleEndian (bytes, sampleRate * blockAlign, 4);
    appendLittleEndian (bytes, blockAlign, 2);
    appendLittleEndian (bytes, bitsPerSample, 2);

    appendId (bytes, "data");
    appendLittleEndian (bytes, declaredBytes, 4);
    bytes.resize (bytes.size() + heldBytes, 0);
    return bytes;
}

void writeBytes (const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes)
{
    std::ofstream file (path, std::ios::binary);
    file.write (reinterpret_cast<const char*> (bytes.data()), static_cast<std::streamsize> (bytes.size()));
}

} // namespace partita::test
