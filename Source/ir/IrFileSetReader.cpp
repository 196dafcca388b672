// SPDX-License-Identifier: GPL-3.0-or-later
#include "IrFileSetReader.h"

#include "IrFileGrouping.h"
#include "IrFileNameTags.h"
#include "IrLayoutDetection.h"
#include "io/AudioFileError.h"
#include "io/QuotedText.h"
#include "io/Resampler.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <system_error>

namespace partita
{

namespace
{
std::vector<std::filesystem::path> filesInFolderOf (const std::filesystem::path& file)
{
    std::vector<std::filesystem::path> files;
    std::error_code error;
    const auto folder = file.has_parent_path() ? file.parent_path() : std::filesystem::path (".");
    for (std::filesystem::directory_iterator entries (folder, error), end; !error && entries != end;
         entries.increment (error))
        if (std::error_code typeError; entries->is_regular_file (typeError))
            files.push_back (file.has_parent_path() ? entries->path() : entries->path().filename());
    return files;
}

std::string rateText (double rate)
{
    return std::to_string (static_cast<long long> (std::llround (rate)));
}

std::string kilohertzText (double rate)
{
    char text[32];
    std::snprintf (text, sizeof (text), "%g kHz", rate / 1000.0);
    return text;
}

std::string setName (const IrFileSet& set, const IrFileSetVariant& variant)
{
    if (!set.isSet())
        return variant.files.front().filename().string();
    std::string name = set.name;
    name.append (" [");
    if (set.layout == IrFileSetLayout::leftRight)
        name.append ("L+R");
    else if (set.layout == IrFileSetLayout::trueStereo)
        name.append ("LL+LR+RL+RR");
    if (set.variants.size() > 1 && variant.sampleRate)
        name.append (set.layout == IrFileSetLayout::single ? "" : ", ").append (kilohertzText (*variant.sampleRate));
    return name.append ("]");
}
} // namespace

IrFileSet findIrFileSet (const std::filesystem::path& file, const AudioReadLimits& limits, IrFileSetUse use)
{
    if (use == IrFileSetUse::namedFileOnly)
        return { file.stem().string(), IrFileSetLayout::single, { IrFileSetVariant { std::nullopt, { file } } } };

    // An unreadable file counts 0 channels: it joins no set, and the named
    // file still loads alone (or fails with its own reason).
    const IrChannelCountLookup channelCounts = [&limits] (const std::filesystem::path& candidate)
    {
        try
        {
            return std::optional<std::size_t> (readAudioFileInfo (candidate, limits).numChannels);
        }
        catch (const std::exception&)
        {
            return std::optional<std::size_t> (0);
        }
    };
    return findIrFileSetAmong (file, filesInFolderOf (file), channelCounts);
}

std::string IrFileSetClip::describe() const
{
    if (!set.isSet())
        return {};
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict, bug 105651)
    // about "literal" + string.
    std::string text;
    if (set.layout != IrFileSetLayout::single)
    {
        text.append (describeIrFileSetLayout (set.layout)).append (": ");
        for (std::size_t i = 0; i < variant.files.size(); ++i)
            text.append (i == 0 ? "" : " + ").append (variant.files[i].filename().string());
    }
    else
        text.append (variant.files.front().filename().string());

    if (set.variants.size() > 1)
    {
        std::string rates;
        for (const auto& other : set.variants)
            rates.append (rates.empty() ? "" : ", ").append (rateText (other.sampleRate.value_or (0.0)));
        text.append (", the ")
            .append (rateText (variant.sampleRate.value_or (0.0)))
            .append (" Hz one of ")
            .append (std::to_string (set.variants.size()))
            .append (" rates (")
            .append (rates)
            .append (" Hz)");
    }
    return text;
}

AudioClip combineMonoClips (std::vector<AudioClip> parts)
{
    if (parts.empty())
        throw std::invalid_argument ("no files to combine");
    double rate = 0.0;
    for (const auto& part : parts)
    {
        if (part.numChannels() != 1)
            throw std::invalid_argument ("a half or path of a set must be mono");
        rate = std::max (rate, part.sampleRate);
    }
    AudioClip combined;
    combined.sampleRate = rate;
    std::size_t frames = 0;
    for (auto& part : parts)
    {
        auto channel = std::move (part.channels.front());
        if (part.sampleRate != rate)
        {
            // Scaled by the ratio of the rates as prepareImpulseResponse
            // does, so that the half keeps its frequency response (and its
            // level against the other half) at the new rate.
            channel = resample (channel, part.sampleRate, rate);
            for (auto& sample : channel)
                sample *= part.sampleRate / rate;
        }
        frames = std::max (frames, channel.size());
        combined.channels.push_back (std::move (channel));
    }
    for (auto& channel : combined.channels)
        channel.resize (frames, 0.0);
    return combined;
}

IrFileSetClip readIrFileSet (const IrFileSet& set, double sessionRate, const AudioReadLimits& limits)
{
    IrFileSetClip result;
    result.set = set;
    if (sessionRate > 0.0)
        result.variant = chooseIrFileSetVariant (set, sessionRate);
    else
        result.variant = set.variants.back();
    result.name = setName (set, result.variant);

    if (set.layout == IrFileSetLayout::single)
    {
        const auto& file = result.variant.files.front();
        AudioFileReader reader (file, limits);
        result.clip = reader.readRest();
        const auto fileName = file.filename().u8string();
        result.layoutHint = detectIrLayout ({ reinterpret_cast<const char*> (fileName.data()), fileName.size() },
                                            result.clip.numChannels(), reader.info().ambisonicBFormat);
        return result;
    }

    std::vector<AudioClip> parts;
    for (const auto& file : result.variant.files)
    {
        auto part = readAudioFile (file, limits);
        if (part.numChannels() != 1)
            throw AudioFileError (quoted (file) + " has " + std::to_string (part.numChannels())
                                  + " channels; each file of a " + std::string (describeIrFileSetLayout (set.layout))
                                  + " must be mono");
        if (part.numFrames() == 0)
            throw AudioFileError (quoted (file) + " holds no samples (its length is 0)");
        parts.push_back (std::move (part));
    }
    result.clip = combineMonoClips (std::move (parts));
    if (set.layout == IrFileSetLayout::trueStereo)
        result.layoutHint = { IrLayout::trueStereo, IrLayoutReason::fileSet };
    return result;
}

} // namespace partita
