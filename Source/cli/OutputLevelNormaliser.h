// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RenderOptions.h"
#include "io/AudioClip.h"

#include <filesystem>
#include <optional>
#include <string>

namespace partita
{

/** What normaliseOutputLevel did to a clip. */
struct OutputLevelOutcome
{
    /** The gain applied, in dB; nothing when the clip was left as it was. */
    std::optional<double> gainDb;
    /** For a loudness target: the clip's integrated loudness after the gain,
        in LUFS. */
    std::optional<double> loudness;
    /** Why the clip could not be normalised, one line for the user ("warning:
        ..."); empty when it was. */
    std::string warning;
};

/** --normalize-output: measures the whole clip (its sample peak, or its
    integrated loudness per ITU-R BS.1770-4 with bs1770ChannelWeights) and
    scales every channel by the one gain that brings the measure to the
    target. A clip with nothing to measure (silent, below the -70 LUFS gate,
    shorter than one 400 ms loudness block, or holding non-finite samples)
    is left as it is, with a warning naming `output`. */
OutputLevelOutcome normaliseOutputLevel (AudioClip& clip, const OutputNormalisation& normalisation,
                                         const std::filesystem::path& output);

} // namespace partita
