// SPDX-License-Identifier: GPL-3.0-or-later
#include "PreparedImpulseResponses.h"

#include "io/AudioFileError.h"
#include "io/QuotedText.h"
#include "ir/BFormatDecoder.h"
#include "ir/ImpulseResponsePreparation.h"
#include "ir/ImpulseResponseReadLimits.h"
#include "ir/IrFileSetReader.h"
#include "ir/IrLayoutDetection.h"

#include <stdexcept>

namespace partita
{

PreparedImpulseResponses::PreparedImpulseResponses (const std::filesystem::path& irFile,
                                                    IrNormalisation irNormalisation,
                                                    const IrLayoutSettings& irLayoutSettings, IrFileSetUse setUse)
    : file (irFile)
    , normalisation (irNormalisation)
    , layoutSettings (irLayoutSettings)
    , set (findIrFileSet (irFile, impulseResponseReadLimits(), setUse))
{
    IrLayoutHint hint;
    if (!set.isSet())
    {
        reader.emplace (irFile, impulseResponseReadLimits());
        header = reader->info();
        if (header.numFrames == 0)
            throw AudioFileError (quoted (file) + " holds no samples");
        const auto name = file.filename().u8string();
        hint = detectIrLayout ({ reinterpret_cast<const char*> (name.data()), name.size() }, header.numChannels,
                               header.ambisonicBFormat);
    }
    else
    {
        // The combined IR's channels: what the inputs are checked against.
        header = readAudioFileInfo (set.variants.front().files.front(), impulseResponseReadLimits());
        if (set.layout != IrFileSetLayout::single)
            header.numChannels = set.variants.front().files.size();
        if (set.layout == IrFileSetLayout::trueStereo)
            hint = { IrLayout::trueStereo, IrLayoutReason::fileSet };
        else if (set.layout == IrFileSetLayout::single)
        {
            const auto name = set.variants.front().files.front().filename().u8string();
            hint = detectIrLayout ({ reinterpret_cast<const char*> (name.data()), name.size() }, header.numChannels,
                                   header.ambisonicBFormat);
        }
    }
    resolvedLayout = resolveIrLayout (layoutSettings.layout, hint, header.numChannels);
    // Asked for on the command line, B-format on another count is a mistake
    // to report (the plugin plays such an IR by its count and says so).
    const bool bFormatChosen = isBFormat (layoutSettings.layout);
    if (bFormatChosen && header.numChannels != 4)
        throw AudioFileError (quoted (file) + " has " + std::to_string (header.numChannels)
                              + " channels; first-order B-format has 4 (W X Y Z): choose another IR layout");
}

std::size_t PreparedImpulseResponses::routedChannels() const noexcept
{
    return resolvedLayout.isBFormat() ? 2 : header.numChannels;
}

std::string PreparedImpulseResponses::assumedLayoutNote() const
{
    if (resolvedLayout.reason != IrLayoutReason::assumed)
        return {};
    return "note: " + quoted (file)
           + " has 4 channels and does not say what they are: taken as true stereo (LL, LR, "
             "RL, RR); if it is first-order B-format, choose --ir-layout (FuMa or AmbiX)";
}

std::vector<std::string> PreparedImpulseResponses::setNotes() const
{
    return notes;
}

const AudioClip& PreparedImpulseResponses::samplesFor (double rate)
{
    if (!set.isSet())
    {
        if (reader)
        {
            // Decoded before the normalisation, which then levels what is heard.
            samples = applyIrLayout (reader->readRest(), resolvedLayout, layoutSettings, file.string());
            reader.reset();
        }
        return samples;
    }
    const auto& variant = chooseIrFileSetVariant (set, rate);
    const auto key = variant.files.front();
    if (const auto found = setSamples.find (key); found != setSamples.end())
        return found->second;

    auto read = readIrFileSet (set, rate, impulseResponseReadLimits());
    if (read.clip.numChannels() != header.numChannels)
        throw AudioFileError (quoted (key) + " has " + std::to_string (read.clip.numChannels()) + " channels, "
                              + quoted (set.variants.front().files.front()) + " " + std::to_string (header.numChannels)
                              + ": the rates of one IR must agree");
    std::string note = "note: --ir " + quoted (file) + " is part of a set: rendering '" + read.name + "' (";
    note.append (read.describe()).append (") as one IR; --ir-single-file for the file alone");
    notes.push_back (std::move (note));
    return setSamples.emplace (key, applyIrLayout (std::move (read.clip), resolvedLayout, layoutSettings, read.name))
        .first->second;
}

void PreparedImpulseResponses::prepare (std::span<const double> rates)
{
    for (const auto rate : rates)
        if (!prepared.contains (rate))
            prepared.emplace (rate, std::make_shared<const AudioClip> (prepareImpulseResponse (
                                        samplesFor (rate), rate, normalisation, file.string())));
}

std::shared_ptr<const AudioClip> PreparedImpulseResponses::at (double rate) const
{
    if (const auto found = prepared.find (rate); found != prepared.end())
        return found->second;
    // An input whose rate changed since its header was read: the samples
    // already read (a set's variant closest to it), prepared now.
    const AudioClip* source = &samples;
    if (set.isSet())
    {
        if (setSamples.empty())
            throw std::logic_error ("PreparedImpulseResponses::at before prepare");
        const auto found = setSamples.find (chooseIrFileSetVariant (set, rate).files.front());
        source = found != setSamples.end() ? &found->second : &setSamples.begin()->second;
    }
    return std::make_shared<const AudioClip> (prepareImpulseResponse (*source, rate, normalisation, file.string()));
}

} // namespace partita
