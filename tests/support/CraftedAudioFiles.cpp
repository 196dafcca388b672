// SPDX-License-Identifier: GPL-3.0-or-later
#include "CraftedAudioFiles.h"

#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <stdexcept>
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

    void appendLittleEndian (std::vector<std::uint8_t>& bytes, std::uint64_t value, int numBytes)
    {
        for (int i = 0; i < numBytes; ++i)
            bytes.push_back (static_cast<std::uint8_t> ((value >> (8 * i)) & 0xFFu));
    }

    void appendBigEndian (std::vector<std::uint8_t>& bytes, std::uint64_t value, int numBytes)
    {
        for (int i = numBytes - 1; i >= 0; --i)
            bytes.push_back (static_cast<std::uint8_t> ((value >> (8 * i)) & 0xFFu));
    }

    /** The 80-bit IEEE 754 extended format AIFF stores its rate in: sign and
        15-bit exponent (bias 16383), then a 64-bit mantissa with an explicit
        integer bit. */
    void appendExtended (std::vector<std::uint8_t>& bytes, double value)
    {
        std::uint16_t signAndExponent = std::signbit (value) ? 0x8000u : 0u;
        std::uint64_t mantissa = 0;
        const double magnitude = std::abs (value);

        if (std::isnan (value))
        {
            signAndExponent |= 0x7FFFu;
            mantissa = 0xC000000000000000ull;
        }
        else if (std::isinf (value))
        {
            signAndExponent |= 0x7FFFu;
            mantissa = 0x8000000000000000ull;
        }
        else if (magnitude != 0.0)
        {
            int exponent = 0;
            const double fraction = std::frexp (magnitude, &exponent); // magnitude = fraction * 2^exponent, fraction in [0.5, 1)
            signAndExponent |= static_cast<std::uint16_t> (exponent - 1 + 16383);
            mantissa = static_cast<std::uint64_t> (std::ldexp (fraction, 64));
        }

        appendBigEndian (bytes, signAndExponent, 2);
        appendBigEndian (bytes, mantissa, 8);
    }
} // namespace

std::vector<std::uint8_t> craftedWav (const WavFields& fields)
{
    const auto blockAlign =
        fields.blockAlign.value_or (static_cast<std::uint16_t> (fields.channels * fields.bitsPerSample / 8));
    const auto declared = fields.declaredDataBytes.value_or (static_cast<std::uint32_t> (fields.heldDataBytes));

    std::vector<std::uint8_t> bytes;
    appendId (bytes, "RIFF");
    appendLittleEndian (bytes, std::uint64_t { 4 + 8 + 16 + 8 } + declared, 4);
    appendId (bytes, "WAVE");

    appendId (bytes, "fmt ");
    appendLittleEndian (bytes, 16, 4);
    appendLittleEndian (bytes, fields.formatTag, 2);
    appendLittleEndian (bytes, fields.channels, 2);
    appendLittleEndian (bytes, fields.sampleRate, 4);
    appendLittleEndian (bytes, std::uint64_t { fields.sampleRate } * blockAlign, 4);
    appendLittleEndian (bytes, blockAlign, 2);
    appendLittleEndian (bytes, fields.bitsPerSample, 2);

    appendId (bytes, "data");
    appendLittleEndian (bytes, declared, 4);
    bytes.resize (bytes.size() + fields.heldDataBytes, fields.fill);
    return bytes;
}

std::vector<std::uint8_t> floatWav (const std::vector<float>& samples, std::uint32_t sampleRate)
{
    WavFields fields;
    fields.formatTag = 3;
    fields.sampleRate = sampleRate;
    fields.bitsPerSample = 32;
    fields.heldDataBytes = samples.size() * sizeof (float);
    auto bytes = craftedWav (fields);
    std::memcpy (bytes.data() + bytes.size() - fields.heldDataBytes, samples.data(), fields.heldDataBytes);
    return bytes;
}

std::vector<std::uint8_t> craftedAiff (const AiffFields& fields)
{
    constexpr std::uint64_t commBytes = 18;
    const std::uint64_t ssndBytes = 8 + fields.heldDataBytes;

    std::vector<std::uint8_t> bytes;
    appendId (bytes, "FORM");
    appendBigEndian (bytes, 4 + (8 + commBytes) + (8 + ssndBytes), 4);
    appendId (bytes, "AIFF");

    appendId (bytes, "COMM");
    appendBigEndian (bytes, commBytes, 4);
    appendBigEndian (bytes, static_cast<std::uint16_t> (fields.channels), 2);
    appendBigEndian (bytes, fields.numSampleFrames, 4);
    appendBigEndian (bytes, static_cast<std::uint16_t> (fields.bitsPerSample), 2);
    appendExtended (bytes, fields.sampleRate);

    appendId (bytes, "SSND");
    appendBigEndian (bytes, ssndBytes, 4);
    appendBigEndian (bytes, 0, 4); // offset
    appendBigEndian (bytes, 0, 4); // block size
    bytes.resize (bytes.size() + fields.heldDataBytes, 0);
    return bytes;
}

void writeFile (const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes)
{
    std::ofstream file (path, std::ios::binary | std::ios::trunc);
    file.write (reinterpret_cast<const char*> (bytes.data()), static_cast<std::streamsize> (bytes.size()));
    if (! file)
        throw std::runtime_error ("cannot write " + path.string());
}

} // namespace partita::test
