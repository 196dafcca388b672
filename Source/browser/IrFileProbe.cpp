// SPDX-License-Identifier: GPL-3.0-or-later
#include "IrFileProbe.h"

#include "analysis/EnergyDecayCurve.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <exception>
#include <string_view>
#include <vector>

namespace partita
{
namespace
{
// What EditorFileActions offers in the file chooser and takes from a drop.
constexpr std::array<std::string_view, 11> audioExtensions { ".wav", ".wave", ".aif", ".aiff", ".aifc", ".flac",
                                                             ".ogg", ".oga",  ".w64", ".caf",  ".rf64" };

std::string lowerCase (std::string text)
{
    std::transform (text.begin(), text.end(), text.begin(),
                    [] (unsigned char c) { return static_cast<char> (std::tolower (c)); });
    return text;
}
} // namespace

IrFileProbe::IrFileProbe (const AudioReadLimits& limits)
    : readLimits (limits)
{
}

bool IrFileProbe::hasAudioExtension (const std::filesystem::path& file)
{
    const auto extension = lowerCase (file.extension().string());
    return std::find (audioExtensions.begin(), audioExtensions.end(), extension) != audioExtensions.end();
}

IrFacts IrFileProbe::factsOf (const AudioClip& clip)
{
    IrFacts facts;
    facts.channels = clip.numChannels();
    facts.sampleRate = clip.sampleRate;
    facts.frames = clip.numFrames();
    if (facts.frames == 0 || clip.sampleRate <= 0.0)
        return facts;

    std::vector<double> energy (clip.numFrames(), 0.0);
    for (const auto& channel : clip.channels)
        for (std::size_t n = 0; n < channel.size(); ++n)
            energy[n] += channel[n] * channel[n];
    const EnergyDecayCurve decay (energy, clip.sampleRate);
    if (const auto fit = decay.reverberationTime(); fit.valid)
        facts.reverbTimeSeconds = fit.reverbTimeSeconds;
    return facts;
}

ScannedIrFile IrFileProbe::probe (const std::filesystem::path& file) const
{
    ScannedIrFile scanned;
    scanned.path = file;
    std::error_code error;
    scanned.size = std::filesystem::file_size (file, error);
    if (error)
        scanned.size = 0;
    scanned.modified = std::filesystem::last_write_time (file, error);

    try
    {
        const auto info = readAudioFileInfo (file, readLimits);
        if (info.numFrames == 0)
        {
            scanned.reason = "the file holds no audio (0 frames)";
            return scanned;
        }
        if (info.numFrames * info.numChannels <= maxSamplesToMeasure)
        {
            // Decoding it whole also finds what only a decode can (a
            // truncated file, a NaN sample), as the loader would.
            scanned.facts = factsOf (readAudioFile (file, readLimits));
        }
        else
        {
            scanned.facts.channels = info.numChannels;
            scanned.facts.sampleRate = info.sampleRate;
            scanned.facts.frames = info.numFrames;
        }
        scanned.readable = true;
    }
    catch (const std::exception& failure)
    {
        scanned.reason = failure.what();
    }
    return scanned;
}

} // namespace partita
