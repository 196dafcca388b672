// SPDX-License-Identifier: GPL-3.0-or-later
#include "ContainerHeader.h"

#include <array>
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
            if (size != 0xFFFFFFFFu)
                result.declaredDataBytes = size;
            else if (sixtyFourBit && ds64DataSize.has_value())
                result.declaredDataBytes = ds64DataSize;
            break;
        }

        position += 8 + size + (size & 1u);
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
    const bool isWave = hasId (bytes + 8, "WAVE");

    if (isWave && hasId (bytes, "RIFF"))
        return walkWave (stream, fileSize, false, false);
    if (isWave && hasId (bytes, "RIFX"))
        return walkWave (stream, fileSize, true, false);
    if (isWave && (hasId (bytes, "RF64") || hasId (bytes, "BW64")))
        return walkWave (stream, fileSize, false, true);
    if (hasId (bytes, "FORM") && (hasId (bytes + 8, "AIFF") || hasId (bytes + 8, "AIFC")))
        return walkAiff (stream, fileSize);

    return std::nullopt;
}

} // namespace partita::detail
