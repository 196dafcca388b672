// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to partita_io.

#include <cstdint>
#include <filesystem>
#include <optional>

namespace partita::detail
{

/** What the header of a WAV (RIFF, RIFX, RF64, BW64), Sony Wave64, CAF or AIFF/AIFC file
    declares, read by hand rather than through libsndfile.

    Two reasons: libsndfile quietly shortens the length of a truncated WAV to
    what the file holds, so a cut-off download would load as a shorter,
    valid-looking file; and when libsndfile refuses a header it says little
    the user can act on ("SF_INFO struct incomplete" for a zero sample rate).
    Every field is empty when the header does not say it or cannot be followed. */
struct ContainerHeader
{
    std::optional<std::uint64_t> channels;
    std::optional<double> sampleRate;

    /** Byte offset at which the sample data starts. */
    std::optional<std::uint64_t> dataOffset;

    /** WAV, Wave64 and CAF: the size of the data chunk. Empty when the writer left it open
        (0xFFFFFFFF, or SoX's 0x7FFFF000, as writers to a pipe do). */
    std::optional<std::uint64_t> declaredDataBytes;

    /** AIFF: numSampleFrames from the COMM chunk. */
    std::optional<std::uint64_t> declaredFrames;
};

/** Returns nothing for a file that is neither WAV, Wave64, CAF nor AIFF. */
std::optional<ContainerHeader> readContainerHeader (const std::filesystem::path& path);

} // namespace partita::detail
