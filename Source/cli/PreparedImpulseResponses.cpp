// SPDX-License-Identifier: GPL-3.0-or-later
#include "PreparedImpulseResponses.h"

#include "io/AudioFileError.h"
#include "io/QuotedText.h"
#include "ir/ImpulseResponsePreparation.h"
#include "ir/ImpulseResponseReadLimits.h"

namespace partita
{

PreparedImpulseResponses::PreparedImpulseResponses (const std::filesystem::path& irFile,
                                                    IrNormalisation irNormalisation)
    : file (irFile)
    , normalisation (irNormalisation)
    , reader (std::in_place, irFile, impulseResponseReadLimits())
    , header (reader->info())
{
    if (header.numFrames == 0)
        throw AudioFileError (quoted (file) + " holds no samples");
}

void PreparedImpulseResponses::prepare (std::span<const double> rates)
{
    if (reader)
    {
        samples = reader->readRest();
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
