// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

namespace partita::test
{

/** Every field of a canonical WAV header, written as given, so that tests
    (and the fuzzers' seed corpus) can state headers no writer would. */
struct WavFields
{
    std::uint16_t formatTag = 1; // 1 PCM, 3 IEEE float
    std::uint16_t channels = 1;
    std::uint32_t sampleRate = 48000;
    std::uint16_t bitsPerSample = 16;
    /** Default: channels * bitsPerSample / 8 (16-bit arithmetic, as stored). */
    std::optional<std::uint16_t> blockAlign;
    /** Default: heldDataBytes. */
    std::optional<std::uint32_t> declaredDataBytes;
    /** Bytes of sample data that follow the data chunk header. */
    std::size_t heldDataBytes = 0;
    /** The byte every held data byte has. */
    std::uint8_t fill = 0;
};

std::vector<std::uint8_t> craftedWav (const WavFields& fields);

/** A WAV of 32-bit float samples with these values (mono). */
std::vector<std::uint8_t> floatWav (const std::vector<float>& samples, std::uint32_t sampleRate);

/** Every field of an AIFF header (FORM, COMM, SSND), written as given. */
struct AiffFields
{
    std::int16_t channels = 1;
    std::uint32_t numSampleFrames = 0;
    std::int16_t bitsPerSample = 16;
    /** Stored as an 80-bit extended float, as AIFF does: any double,
        negative, zero and infinite ones included. */
    double sampleRate = 48000.0;
    /** Bytes of sample data after the SSND offset and block size. */
    std::size_t heldDataBytes = 0;
};

std::vector<std::uint8_t> craftedAiff (const AiffFields& fields);

void writeFile (const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes);

} // namespace partita::test
