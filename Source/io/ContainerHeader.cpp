// SPDX-License-Identifier: GPL-3.0-or-later
#include "ContainerHeader.h"

#include <array>
#include <bit>
#include <cmath>
#include <fstream>
#include <limits>
#include <string_view>
#include <system_error>

namespace partita::detail
{
namespace
{
bool hasId (const char* bytes, std::string_view id) noexcept
{
    return std::string_view (bytes, 4) == id;
}

std::uint64_t readUnsigned (const char* bytes, std::size_t count, bool bigEndian) noexcept
{
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < count; ++i)
    {
        const auto index = bigEndian ? i : count - 1 - i;
        value = (value << 8) | static_cast<unsigned char> (bytes[index]);
    }
    return value;
}

/** AIFF stores its rate as an IEEE 754 80-bit extended float. */
double readExtended (const char* bytes) noexcept
{
    const auto signAndExponent = readUnsigned (bytes, 2, true);
    const auto mantissa = readUnsigned (bytes + 2, 8, true);
    const auto exponent = static_cast<int> (signAndExponent & 0x7FFFu);

    if (exponent == 0 && mantissa == 0)
        return 0.0;
    if (exponent == 0x7FFF)
        return std::numeric_limits<double>::infinity();

    const double magnitude = std::ldexp (static_cast<double> (mantissa), exponent - 16383 - 63);
    return (signAndExponent & 0x8000u) != 0 ? -magnitude : magnitude;
}

template <std::size_t count>
bool readAt (std::ifstream& stream, std::uint64_t position, std::array<char, count>& bytes)
{
    stream.clear();
    stream.seekg (static_cast<std::streamoff> (position));
    stream.read (bytes.data(), static_cast<std::streamsize> (count));
    return stream.gcount() == static_cast<std::streamsize> (count);
}

// More chunks than this is not a file we can vouch for; stop looking.
constexpr int maxChunks = 4096;

ContainerHeader walkWave (std::ifstream& stream, std::uint64_t fileSize, bool bigEndian, bool sixtyFourBit)
{
    ContainerHeader result;
    std::optional<std::uint64_t> ds64DataSize;
    std::uint64_t position = 12;

    for (int chunk = 0; chunk < maxChunks && position + 8 <= fileSize; ++chunk)
    {
        std::array<char, 8> header {};
        if (!readAt (stream, position, header))
            break;

        const auto size = readUnsigned (header.data() + 4, 4, bigEndian);

        if (hasId (header.data(), "ds64"))
        {
            std::array<char, 16> sizes {};
            if (readAt (stream, position + 8, sizes))
                ds64DataSize = readUnsigned (sizes.data() + 8, 8, bigEndian);
        }
        else if (hasId (header.data(), "fmt "))
        {
            std::array<char, 8> format {};
            if (readAt (stream, position + 8, format))
            {
                result.channels = readUnsigned (format.data() + 2, 2, bigEndian);
                result.sampleRate = static_cast<double> (readUnsigned (format.data() + 4, 4, bigEndian));
            }
        }
        else if (hasId (header.data(), "data"))
        {
            result.dataOffset = position + 8;
            // Writers to a pipe cannot come back to fill in the size: they
            // leave 0xFFFFFFFF (ffmpeg, libsndfile) or 0x7FFFF000 (SoX's
            // MS_UNSPEC, "unspecified data length").
            if (size != 0xFFFFFFFFu && size != 0x7FFFF000u)
                result.declaredDataBytes = size;
            else if (sixtyFourBit && ds64DataSize.has_value())
                result.declaredDataBytes = ds64DataSize;
            break;
        }

        position += 8 + size + (size & 1u);
    }
    return result;
}

/** Sony Wave64: RIFF's layout with 16-byte GUIDs for chunk names and 64-bit
    sizes that count the 24-byte chunk header, chunks aligned to 8 bytes. The
    GUIDs of "fmt " and "data" are the four letters followed by this tail. */
// With the length: the GUIDs hold zero bytes.
constexpr std::string_view wave64GuidTail { "\xF3\xAC\xD3\x11\x8C\xD1\x00\xC0\x4F\x8E\xDB\x8A", 12 };
constexpr std::uint64_t wave64ChunkHeader = 24;

bool isWave64Chunk (const char* guid, std::string_view fourLetters) noexcept
{
    return hasId (guid, fourLetters) && std::string_view (guid + 4, 12) == wave64GuidTail;
}

ContainerHeader walkWave64 (std::ifstream& stream, std::uint64_t fileSize)
{
    ContainerHeader result;
    // The "riff" GUID, the file's size, and the "wave" GUID.
    std::uint64_t position = 40;

    for (int chunk = 0; chunk < maxChunks && position + wave64ChunkHeader <= fileSize; ++chunk)
    {
        std::array<char, wave64ChunkHeader> header {};
        if (!readAt (stream, position, header))
            break;

        const auto size = readUnsigned (header.data() + 16, 8, false);
        if (size < wave64ChunkHeader)
            break;

        if (isWave64Chunk (header.data(), "fmt "))
        {
            std::array<char, 8> format {};
            if (readAt (stream, position + wave64ChunkHeader, format))
            {
                result.channels = readUnsigned (format.data() + 2, 2, false);
                result.sampleRate = static_cast<double> (readUnsigned (format.data() + 4, 4, false));
            }
        }
        else if (isWave64Chunk (header.data(), "data"))
        {
            result.dataOffset = position + wave64ChunkHeader;
            result.declaredDataBytes = size - wave64ChunkHeader;
            break;
        }

        // A size that cannot be followed: stop before the sum overflows.
        if (size > fileSize)
            break;
        position += (size + 7u) & ~std::uint64_t { 7u };
    }
    return result;
}

/** Apple CAF: big-endian chunks with 64-bit sizes after an 8-byte file
    header. The data chunk starts with a 4-byte edit count that its size
    includes; a size of -1 means "to the end of the file" (a writer that
    could not seek back). */
ContainerHeader walkCaf (std::ifstream& stream, std::uint64_t fileSize)
{
    constexpr std::uint64_t chunkHeader = 12;
    constexpr std::uint64_t editCount = 4;
    ContainerHeader result;
    std::uint64_t position = 8;

    for (int chunk = 0; chunk < maxChunks && position + chunkHeader <= fileSize; ++chunk)
    {
        std::array<char, chunkHeader> header {};
        if (!readAt (stream, position, header))
            break;

        const auto size = readUnsigned (header.data() + 4, 8, true);

        if (hasId (header.data(), "desc"))
        {
            // sampleRate (float64), formatID, formatFlags, bytesPerPacket,
            // framesPerPacket, channelsPerFrame, bitsPerChannel
            std::array<char, 32> description {};
            if (readAt (stream, position + chunkHeader, description))
            {
                result.sampleRate = std::bit_cast<double> (readUnsigned (description.data(), 8, true));
                result.channels = readUnsigned (description.data() + 24, 4, true);
            }
        }
        else if (hasId (header.data(), "data"))
        {
            result.dataOffset = position + chunkHeader + editCount;
            if (size != ~std::uint64_t { 0 } && size >= editCount)
                result.declaredDataBytes = size - editCount;
            break;
        }

        if (size > fileSize)
            break;
        position += chunkHeader + size;
    }
    return result;
}

ContainerHeader walkAiff (std::ifstream& stream, std::uint64_t fileSize)
{
    ContainerHeader result;
    std::uint64_t position = 12;

    for (int chunk = 0; chunk < maxChunks && position + 8 <= fileSize; ++chunk)
    {
        std::array<char, 8> header {};
        if (!readAt (stream, position, header))
            break;

        const auto size = readUnsigned (header.data() + 4, 4, true);

        if (hasId (header.data(), "COMM"))
        {
            // numChannels (2), numSampleFrames (4), sampleSize (2), sampleRate (10)
            std::array<char, 18> common {};
            if (readAt (stream, position + 8, common))
            {
                result.channels = readUnsigned (common.data(), 2, true);
                result.declaredFrames = readUnsigned (common.data() + 2, 4, true);
                result.sampleRate = readExtended (common.data() + 8);
            }
        }
        else if (hasId (header.data(), "SSND"))
        {
            std::array<char, 4> offset {};
            if (readAt (stream, position + 8, offset))
                result.dataOffset = position + 16 + readUnsigned (offset.data(), 4, true);
        }

        if (result.declaredFrames.has_value() && result.dataOffset.has_value())
            break;

        position += 8 + size + (size & 1u);
    }
    return result;
}
} // namespace

std::optional<ContainerHeader> readContainerHeader (const std::filesystem::path& path)
{
    std::error_code error;
    const auto fileSize = std::filesystem::file_size (path, error);
    if (error)
        return std::nullopt;

    std::ifstream stream (path, std::ios::binary);
    std::array<char, 12> header {};
    if (!stream || !readAt (stream, 0, header))
        return std::nullopt;

    const auto* bytes = header.data();
    constexpr std::string_view wave64RiffGuid { "riff\x2E\x91\xCF\x11\xA5\xD6\x28\xDB\x04\xC1\x00\x00", 16 };
    std::array<char, 16> guid {};
    if (readAt (stream, 0, guid) && std::string_view (guid.data(), guid.size()) == wave64RiffGuid)
        return walkWave64 (stream, fileSize);

    const bool isWave = hasId (bytes + 8, "WAVE");

    if (isWave && hasId (bytes, "RIFF"))
        return walkWave (stream, fileSize, false, false);
    if (isWave && hasId (bytes, "RIFX"))
        return walkWave (stream, fileSize, true, false);
    if (isWave && (hasId (bytes, "RF64") || hasId (bytes, "BW64")))
        return walkWave (stream, fileSize, false, true);
    if (hasId (bytes, "caff"))
        return walkCaf (stream, fileSize);
    if (hasId (bytes, "FORM") && (hasId (bytes + 8, "AIFF") || hasId (bytes + 8, "AIFC")))
        return walkAiff (stream, fileSize);

    return std::nullopt;
}

} // namespace partita::detail
