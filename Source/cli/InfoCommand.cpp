// SPDX-License-Identifier: GPL-3.0-or-later
#include "InfoCommand.h"

#include "ChannelStatistics.h"
#include "DecimalText.h"
#include "FactoryIrFiles.h"
#include "JsonWriter.h"
#include "ScratchFolder.h"
#include "StandardStreams.h"
#include "io/AudioFileReader.h"
#include "io/QuotedText.h"
#include "ir/ImpulseResponseReadLimits.h"
#include "ir/IrFileSetReader.h"
#include "ir/IrLayoutDetection.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <new>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

namespace partita
{

namespace
{
/** Everything `partita info` says about one file, measured once and then
    printed as text or as JSON. */
struct FileFacts
{
    /** The name as given on the command line ("-" for standard input). */
    std::string name;
    AudioFileInfo info;
    std::uint64_t frames = 0;
    double sampleRate = 0.0;
    std::vector<ChannelStatistics> channels;
    /** For a 4-channel file: the layout a render takes, and that and why
        in words; else empty. */
    std::optional<ResolvedIrLayout> layout;
    std::string layoutText;
    /** The set of files the file is part of (a left/right half, a
        true-stereo path, a rate variant: ir/IrFileGrouping.h), which `render
        --ir` and the plugin load as one IR; empty for a file in no set. */
    std::optional<IrFileSet> set;

    [[nodiscard]] double seconds() const noexcept
    {
        return sampleRate > 0.0 ? static_cast<double> (frames) / sampleRate : 0.0;
    }
    [[nodiscard]] double peak() const noexcept
    {
        double largest = 0.0;
        for (const auto& channel : channels)
            largest = std::max (largest, channel.peak);
        return largest;
    }
};

/** A file that could not be described, and why. */
struct FileFailure
{
    std::string name;
    std::string message;
};

/** For a 4-channel file, the only count whose meaning a file may leave
    open: the layout Auto takes. Detected from the name as given (standard
    input has none) and the header. */
ResolvedIrLayout fourChannelLayout (const std::filesystem::path& path, const AudioFileInfo& info)
{
    const auto name = path.filename().u8string();
    const auto hint = detectIrLayout ({ reinterpret_cast<const char*> (name.data()), name.size() }, info.numChannels,
                                      info.ambisonicBFormat);
    return resolveIrLayout (IrLayout::automatic, hint, info.numChannels);
}

/** "B-format FuMa (W X Y Z) from the .amb extension; ...", "true stereo ...,
    assumed: ...". */
std::string describeFourChannelLayout (const ResolvedIrLayout& layout)
{
    if (!layout.isBFormat())
        return describeIrLayout (4, layout, {})
               + (layout.reason == IrLayoutReason::assumed ? " (render --ir-layout)" : "");
    return std::string (layoutName (layout.layout)) + " " + describeReason (layout.reason)
           + "; a render decodes it to two virtual microphones (--ir-layout to choose another layout)";
}

/** The layout's key in JSON: what the file says, in one word. */
std::string_view reasonKey (IrLayoutReason reason) noexcept
{
    switch (reason)
    {
        case IrLayoutReason::subFormat:
            return "sub-format";
        case IrLayoutReason::extension:
            return "extension";
        case IrLayoutReason::name:
            return "name";
        case IrLayoutReason::assumed:
            return "assumed";
        case IrLayoutReason::chosen:
            return "chosen";
        case IrLayoutReason::fileSet:
            return "file set";
        case IrLayoutReason::channelCount:
            break;
    }
    return "channel count";
}

/** "left/right pair 'hall': hall_L.wav + hall_R.wav", "'hall' at 3 rates:
    hall_44k.wav (44100 Hz), ...": what `render --ir` combines. */
std::string describeSet (const IrFileSet& set)
{
    std::string text;
    if (set.layout != IrFileSetLayout::single)
        text.append (describeIrFileSetLayout (set.layout)).append (" ");
    text.append (quoted (set.name));
    if (set.variants.size() > 1)
        text.append (" at ").append (std::to_string (set.variants.size())).append (" rates");
    text.append (":");
    for (std::size_t v = 0; v < set.variants.size(); ++v)
    {
        const auto& variant = set.variants[v];
        text.append (v == 0 ? " " : "; ");
        for (std::size_t f = 0; f < variant.files.size(); ++f)
            text.append (f == 0 ? "" : " + ").append (variant.files[f].filename().string());
        if (variant.sampleRate)
            text.append (" (").append (withDecimals (*variant.sampleRate, 0)).append (" Hz)");
    }
    return text;
}

FileFacts measureFile (const std::filesystem::path& path, const std::string& name)
{
    FileFacts facts;
    facts.name = name;
    facts.info = readAudioFileInfo (path);
    if (facts.info.numChannels == 4)
    {
        facts.layout = fourChannelLayout (name, facts.info);
        facts.layoutText = describeFourChannelLayout (*facts.layout);
    }
    if (const auto set = findIrFileSet (path, impulseResponseReadLimits()); set.isSet())
        facts.set = set;
    const auto clip = readAudioFile (path);
    facts.frames = clip.numFrames();
    facts.sampleRate = clip.sampleRate;
    for (const auto& channel : clip.channels)
        facts.channels.push_back (measureChannel (channel));
    return facts;
}

std::string textOf (const FileFacts& facts)
{
    const double rate = facts.sampleRate;
    std::ostringstream text;
    text << facts.name << '\n'
         << "  format:      " << facts.info.formatName << ", " << facts.info.sampleFormat << '\n'
         << "  channels:    " << facts.channels.size() << '\n';
    if (!facts.layoutText.empty())
        text << "  layout:      " << facts.layoutText << '\n';
    if (facts.set)
        text << "  set:         " << describeSet (*facts.set) << '\n';
    text << "  sample rate: " << withDecimals (rate, std::floor (rate) == rate ? 0 : 3) << " Hz\n"
         << "  length:      " << facts.frames << " frames, " << withDecimals (facts.seconds(), 3) << " s\n";

    for (std::size_t channel = 0; channel < facts.channels.size(); ++channel)
    {
        const auto& statistics = facts.channels[channel];
        text << "  channel " << channel + 1 << ":" << (channel + 1 < 10 ? "   " : "  ") << "peak "
             << formatDecibels (gainToDecibels (statistics.peak)) << " dBFS (" << withDecimals (statistics.peak, 6)
             << "), RMS " << formatDecibels (gainToDecibels (statistics.rms)) << " dBFS\n";
    }
    return text.str();
}

/** The keys are documented in docs/cli.md: keep them stable. Levels of
    silence are -infinity dB, which JSON cannot hold: they are null. */
void writeJson (JsonWriter& json, const FileFacts& facts)
{
    json.beginObject();
    json.key ("file");
    json.value (facts.name);
    json.key ("format");
    json.value (facts.info.formatName);
    json.key ("sample_format");
    json.value (facts.info.sampleFormat);
    json.key ("channels");
    json.value (static_cast<std::uint64_t> (facts.channels.size()));
    json.key ("sample_rate_hz");
    json.value (facts.sampleRate);
    json.key ("frames");
    json.value (facts.frames);
    json.key ("duration_s");
    json.value (facts.seconds());
    json.key ("peak_dbfs");
    json.value (gainToDecibels (facts.peak()));
    json.key ("peak_linear");
    json.value (facts.peak());
    if (facts.layout)
    {
        json.key ("layout");
        json.value (layoutName (facts.layout->layout));
        json.key ("layout_from");
        json.value (reasonKey (facts.layout->reason));
    }
    if (facts.set)
    {
        json.key ("set");
        json.beginObject();
        json.key ("name");
        json.value (facts.set->name);
        json.key ("layout");
        json.value (describeIrFileSetLayout (facts.set->layout));
        json.key ("variants");
        json.beginArray();
        for (const auto& variant : facts.set->variants)
        {
            json.beginObject();
            if (variant.sampleRate)
            {
                json.key ("sample_rate_hz");
                json.value (*variant.sampleRate);
            }
            json.key ("files");
            json.beginArray();
            for (const auto& file : variant.files)
                json.value (file.string());
            json.endArray();
            json.endObject();
        }
        json.endArray();
        json.endObject();
    }
    json.key ("channel_levels");
    json.beginArray();
    for (const auto& channel : facts.channels)
    {
        json.beginObject();
        json.key ("peak_dbfs");
        json.value (gainToDecibels (channel.peak));
        json.key ("peak_linear");
        json.value (channel.peak);
        json.key ("rms_dbfs");
        json.value (gainToDecibels (channel.rms));
        json.key ("samples_beyond_full_scale");
        json.value (static_cast<std::uint64_t> (channel.samplesBeyondFullScale));
        json.endObject();
    }
    json.endArray();
    json.endObject();
}

void writeJson (JsonWriter& json, const FileFailure& failure)
{
    writeFileErrorJson (json, failure.name, failure.message);
}

/** Standard input, kept in a file: a pipe can be read only once, and the
    reader needs to seek. */
struct StandardInputCopy
{
    ScratchFolder folder;
    std::filesystem::path path = folder / "standard-input";
};
} // namespace

int runInfoCommand (const InfoOptions& options, std::ostream& out, std::ostream& err)
{
    int status = 0;
    bool firstText = true;
    JsonWriter json;
    const bool jsonArray = options.files.size() > 1;
    if (options.json && jsonArray)
        json.beginArray();

    std::unique_ptr<StandardInputCopy> standardInput;
    FactoryIrFiles factoryIrs;

    for (const auto& path : options.files)
    {
        const auto name = path.string();
        if (name == FactoryIrFiles::prefix)
        {
            if (options.json)
                FactoryIrFiles::writeList (json);
            else
            {
                if (!firstText)
                    out << '\n';
                FactoryIrFiles::writeList (out);
                firstText = false;
            }
            continue;
        }
        std::optional<FileFacts> facts;
        std::string error;
        try
        {
            auto readFrom = path;
            if (namesStandardStream (path))
            {
                if (isTerminal (STDIN_FILENO))
                    throw std::runtime_error ("standard input is a terminal, not audio; pipe or redirect a file "
                                              "into it");
                standardInput = std::make_unique<StandardInputCopy>();
                copyDescriptorToFile (STDIN_FILENO, standardInput->path);
                readFrom = standardInput->path;
            }
            else if (FactoryIrFiles::names (path))
                readFrom = factoryIrs.fileFor (path);
            facts = measureFile (readFrom, name);
        }
        catch (const std::bad_alloc&)
        {
            error = "out of memory while reading " + name;
        }
        catch (const std::exception& failure)
        {
            error = failure.what();
        }
        if (standardInput != nullptr && namesStandardStream (path))
            error = namingStandardStream (std::move (error), standardInput->path, "standard input");

        if (!facts)
        {
            err << "partita: error: " << error << '\n';
            status = 1;
            if (options.json)
                writeJson (json, FileFailure { name, error });
            continue;
        }
        if (options.json)
        {
            writeJson (json, *facts);
            continue;
        }
        if (!firstText)
            out << '\n';
        out << textOf (*facts);
        firstText = false;
    }

    if (options.json)
    {
        if (jsonArray)
            json.endArray();
        out << json.text() << '\n';
    }
    out.flush();
    return status;
}

} // namespace partita
