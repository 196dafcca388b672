// SPDX-License-Identifier: GPL-3.0-or-later
#include "SweepFile.h"

#include "SynchronizedSweep.h"
#include "io/AudioFileReader.h"
#include "io/AudioFileWriter.h"

#include <array>
#include <charconv>
#include <map>
#include <string>
#include <vector>

namespace partita
{
namespace
{

constexpr std::string_view marker = "partita-sweep/1";

/** The shortest text that reads back as the same double. */
std::string exactText (double value)
{
    std::array<char, 32> buffer {};
    const auto result = std::to_chars (buffer.data(), buffer.data() + buffer.size(), value);
    return std::string (buffer.data(), result.ptr);
}

std::optional<double> parseNumber (std::string_view text)
{
    double value = 0.0;
    const auto result = std::from_chars (text.data(), text.data() + text.size(), value);
    if (result.ec != std::errc {} || result.ptr != text.data() + text.size())
        return std::nullopt;
    return value;
}

std::optional<std::size_t> parseCount (std::string_view text)
{
    std::size_t value = 0;
    const auto result = std::from_chars (text.data(), text.data() + text.size(), value);
    if (result.ec != std::errc {} || result.ptr != text.data() + text.size())
        return std::nullopt;
    return value;
}

std::vector<std::string_view> words (std::string_view text)
{
    std::vector<std::string_view> result;
    std::size_t position = 0;
    while (position < text.size())
    {
        const auto start = text.find_first_not_of (" \t\r\n", position);
        if (start == std::string_view::npos)
            break;
        const auto end = std::min (text.find_first_of (" \t\r\n", start), text.size());
        result.push_back (text.substr (start, end - start));
        position = end;
    }
    return result;
}

} // namespace

std::string formatSweepMetadata (const SweepSpec& spec)
{
    std::string text (marker);
    const auto add = [&text] (std::string_view key, const std::string& value)
    { text.append (1, ' ').append (key).append (1, '=').append (value); };
    add ("start_hz", exactText (spec.startHz));
    add ("end_hz", exactText (spec.endHz));
    add ("duration_s", exactText (spec.durationSeconds));
    add ("rate_hz", exactText (spec.sampleRate));
    add ("level_dbfs", exactText (spec.levelDbfs));
    add ("fade_in_periods", exactText (spec.fadeInPeriods));
    add ("fade_out_s", exactText (spec.fadeOutSeconds));
    add ("silence_s", exactText (spec.silenceSeconds));
    add ("repeats", std::to_string (spec.repeats));
    add ("channels", std::to_string (spec.numChannels));
    return text;
}

std::optional<SweepSpec> parseSweepMetadata (std::string_view text)
{
    const auto fields = words (text);
    if (fields.empty() || fields.front() != marker)
        return std::nullopt;

    std::map<std::string_view, std::string_view> values;
    for (std::size_t index = 1; index < fields.size(); ++index)
    {
        const auto equals = fields[index].find ('=');
        if (equals == std::string_view::npos)
            return std::nullopt;
        values[fields[index].substr (0, equals)] = fields[index].substr (equals + 1);
    }

    SweepSpec spec;
    bool complete = true;
    const auto readNumber = [&] (std::string_view key, double& target)
    {
        const auto found = values.find (key);
        const auto value = found == values.end() ? std::nullopt : parseNumber (found->second);
        complete = complete && value.has_value();
        target = value.value_or (0.0);
    };
    const auto readCount = [&] (std::string_view key, std::size_t& target)
    {
        const auto found = values.find (key);
        const auto value = found == values.end() ? std::nullopt : parseCount (found->second);
        complete = complete && value.has_value();
        target = value.value_or (0);
    };
    readNumber ("start_hz", spec.startHz);
    readNumber ("end_hz", spec.endHz);
    readNumber ("duration_s", spec.durationSeconds);
    readNumber ("rate_hz", spec.sampleRate);
    readNumber ("level_dbfs", spec.levelDbfs);
    readNumber ("fade_in_periods", spec.fadeInPeriods);
    readNumber ("fade_out_s", spec.fadeOutSeconds);
    readNumber ("silence_s", spec.silenceSeconds);
    readCount ("repeats", spec.repeats);
    readCount ("channels", spec.numChannels);
    if (!complete)
        return std::nullopt;
    return spec;
}

void writeSweepFile (const std::filesystem::path& path, const SynchronizedSweep& sweep, const OutputFormat& format,
                     OverwritePolicy overwrite)
{
    const auto clip = sweep.generate();
    AudioFileWriter writer (path, clip.numChannels(), clip.sampleRate, clip.numFrames(), format, overwrite);
    writer.setComment (formatSweepMetadata (sweep.spec()));
    std::vector<const double*> channels;
    for (const auto& channel : clip.channels)
        channels.push_back (channel.data());
    writer.write (channels, clip.numFrames());
    writer.commit();
}

SweepFile readSweepFile (const std::filesystem::path& path)
{
    AudioFileReader reader (path);
    SweepFile file;
    file.spec = parseSweepMetadata (reader.info().comment);
    file.audio = reader.readRest();
    return file;
}

} // namespace partita
