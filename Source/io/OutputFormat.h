// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace partita
{

enum class FileContainer
{
    wav,
    aiff,
    flac,
    ogg,
};

enum class SampleFormat
{
    pcm16,
    pcm24,
    pcm32,
    float32,
    float64,
    vorbis,
};

/** The container and sample format an output file is written in. */
struct OutputFormat
{
    FileContainer container = FileContainer::wav;
    SampleFormat sampleFormat = SampleFormat::float32;
};

/** Container from a file name's extension (.wav, .aif/.aiff, .flac, .ogg/.oga),
    case-insensitive. */
std::optional<FileContainer> containerForPath (const std::filesystem::path& path) noexcept;

/** "16", "24", "32" (PCM, also "pcm16" ...), "float"/"float32",
    "double"/"float64", "vorbis"; case-insensitive. */
std::optional<SampleFormat> parseSampleFormat (std::string_view text) noexcept;

/** The default sample format of a container: 32-bit float for WAV and AIFF,
    24-bit PCM for FLAC (which has no float), Vorbis for Ogg. */
SampleFormat defaultSampleFormat (FileContainer container) noexcept;

/** Whether the container can hold the sample format. */
bool supports (FileContainer container, SampleFormat format) noexcept;

/** True for integer PCM formats, where samples beyond full scale clip. */
bool isFixedPoint (SampleFormat format) noexcept;

std::string_view toString (FileContainer container) noexcept;
std::string_view toString (SampleFormat format) noexcept;

/** Resolves a path and an optional requested sample format into an output
    format; throws AudioFileError with a one-line message for an unknown
    extension or a format the container cannot hold. */
OutputFormat resolveOutputFormat (const std::filesystem::path& path, std::optional<SampleFormat> requested);

} // namespace partita
