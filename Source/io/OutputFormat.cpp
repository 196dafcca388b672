// SPDX-License-Identifier: GPL-3.0-or-later
#include "OutputFormat.h"

#include "AudioFileError.h"
#include "QuotedText.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace partita
{
namespace
{
std::string lowerCase (std::string_view text)
{
    std::string result (text);
    std::transform (result.begin(), result.end(), result.begin(),
                    [] (unsigned char c) { return static_cast<char> (std::tolower (c)); });
    return result;
}


/** What to suggest when a container cannot hold the requested format. */
std::string_view choicesFor (FileContainer container) noexcept
{
    switch (container)
    {
        case FileContainer::wav:
        case FileContainer::aiff:
            return "choose 16, 24, 32, float or double";
        case FileContainer::flac:
            return "choose 16 or 24";
        case FileContainer::ogg:
            return "Ogg holds Vorbis only";
    }
    return {};
}
} // namespace

std::optional<FileContainer> containerForPath (const std::filesystem::path& path) noexcept
{
    try
    {
        const auto extension = lowerCase (path.extension().string());

        if (extension == ".wav")
            return FileContainer::wav;
        if (extension == ".aif" || extension == ".aiff")
            return FileContainer::aiff;
        if (extension == ".flac")
            return FileContainer::flac;
        if (extension == ".ogg" || extension == ".oga")
            return FileContainer::ogg;
    }
    catch (...) // only a failed allocation or an unconvertible name can land here
    {
    }
    return std::nullopt;
}

std::optional<SampleFormat> parseSampleFormat (std::string_view text) noexcept
{
    try
    {
        const auto name = lowerCase (text);

        if (name == "16" || name == "pcm16")
            return SampleFormat::pcm16;
        if (name == "24" || name == "pcm24")
            return SampleFormat::pcm24;
        if (name == "32" || name == "pcm32")
            return SampleFormat::pcm32;
        if (name == "float" || name == "float32")
            return SampleFormat::float32;
        if (name == "double" || name == "float64")
            return SampleFormat::float64;
        if (name == "vorbis")
            return SampleFormat::vorbis;
    }
    catch (...) // a failed allocation
    {
    }
    return std::nullopt;
}

SampleFormat defaultSampleFormat (FileContainer container) noexcept
{
    switch (container)
    {
        case FileContainer::wav:
        case FileContainer::aiff:
            return SampleFormat::float32;
        case FileContainer::flac:
            return SampleFormat::pcm24;
        case FileContainer::ogg:
            return SampleFormat::vorbis;
    }
    return SampleFormat::float32;
}

bool supports (FileContainer container, SampleFormat format) noexcept
{
    switch (container)
    {
        case FileContainer::wav:
        case FileContainer::aiff:
            return format != SampleFormat::vorbis;
        case FileContainer::flac:
            return format == SampleFormat::pcm16 || format == SampleFormat::pcm24;
        case FileContainer::ogg:
            return format == SampleFormat::vorbis;
    }
    return false;
}

bool isFixedPoint (SampleFormat format) noexcept
{
    return format == SampleFormat::pcm16 || format == SampleFormat::pcm24 || format == SampleFormat::pcm32;
}

std::string_view toString (FileContainer container) noexcept
{
    switch (container)
    {
        case FileContainer::wav:
            return "WAV";
        case FileContainer::aiff:
            return "AIFF";
        case FileContainer::flac:
            return "FLAC";
        case FileContainer::ogg:
            return "Ogg";
    }
    return "unknown";
}

std::string_view toString (SampleFormat format) noexcept
{
    switch (format)
    {
        case SampleFormat::pcm16:
            return "16-bit PCM";
        case SampleFormat::pcm24:
            return "24-bit PCM";
        case SampleFormat::pcm32:
            return "32-bit PCM";
        case SampleFormat::float32:
            return "32-bit float";
        case SampleFormat::float64:
            return "64-bit float";
        case SampleFormat::vorbis:
            return "Vorbis";
    }
    return "unknown";
}

OutputFormat resolveOutputFormat (const std::filesystem::path& path, std::optional<SampleFormat> requested)
{
    const auto container = containerForPath (path);
    const auto name = quoted (path.string());

    if (!container.has_value())
    {
        const auto extension = path.extension().string();
        if (extension.empty())
            throw AudioFileError (name
                                  + ": no file extension to choose an output format by; use .wav, .aiff, "
                                    ".flac or .ogg");
        throw AudioFileError (name + ": unknown output format " + quoted (extension)
                              + "; use .wav, .aiff, .flac or .ogg");
    }

    const auto format = requested.value_or (defaultSampleFormat (*container));
    if (!supports (*container, format))
        throw AudioFileError (name + ": cannot write " + std::string (toString (format)) + " to "
                              + std::string (toString (*container)) + "; " + std::string (choicesFor (*container)));

    return { *container, format };
}

} // namespace partita
