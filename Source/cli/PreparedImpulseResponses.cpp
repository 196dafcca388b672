// SPDX-License-Identifier: GPL-3.0-or-later
#include "PreparedImpulseResponses.h"

#include "io/AudioFileError.h"
#include "io/QuotedText.h"
#include "ir/BFormatDecoder.h"
#include "ir/ImpulseResponsePreparation.h"
#include "ir/ImpulseResponseReadLimits.h"
#include "ir/IrLayoutDetection.h"

namespace partita
{

PreparedImpulseResponses::PreparedImpulseResponses (const std::filesystem::path& irFile,
                                                    IrNormalisation irNormalisation,
                                                    const IrLayoutSettings& irLayoutSettings)
    : file (irFile)
    , normalisation (irNormalisation)
    , layoutSettings (irLayoutSettings)
    , reader (std::in_place, irFile, impulseResponseReadLimits())
    , header (reader->info())
{
    if (header.numFrames == 0)
        throw AudioFileError (quoted (file) + " holds no samples");

    const auto name = file.filename().u8string();
    const auto hint = detectIrLayout ({ reinterpret_cast<const char*> (name.data()), name.size() }, header.numChannels,
                                      header.ambisonicBFormat);
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

void PreparedImpulseResponses::prepare (std::span<const double> rates)
{
    if (reader)
    {
        // Decoded before the normalisation, which then levels what is heard.
        samples = applyIrLayout (reader->readRest(), resolvedLayout, layoutSettings, file.string());
        reader.reset();
    }
    for (const auto rate : rates)
        if (!prepared.contains (rate))
            prepared.emplace (rate, std::make_shared<const AudioClip> (
                                        prepareImpulseResponse (samples, rate, normalisation, file.string())));
}

std::shared_ptr<const AudioClip> PreparedImpulseResponses::at (double rate) const
{
    if (const auto found = prepared.find (rate); found != prepared.end())
        return found->second;
    return std::make_shared<const AudioClip> (prepareImpulseResponse (samples, rate, normalisation, file.string()));
}

} // namespace partita
