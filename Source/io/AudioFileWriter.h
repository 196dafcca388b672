// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AudioClip.h"
#include "OutputFormat.h"

#include <filesystem>

namespace partita
{

enum class OverwritePolicy
{
    refuse,
    replace,
};

/** Writes a clip. The data goes to a temporary file beside the target, which is
    renamed over the target only once it is complete, so a failed or interrupted
    write never leaves a half-written file under the output's name. Throws
    AudioFileError with a one-line message (target exists and policy is refuse,
    folder missing or not writable, disk full, ...). Samples beyond full scale
    are clipped in fixed-point formats, never wrapped: full scale is
    2^(bits-1), as readers divide by, so +1.0 becomes the largest code
    (1 - 2^(1-bits)) and -1.0 the smallest; samples are rounded to the
    nearest code, without dither. NaN cannot be written to a
    fixed-point format nor NaN or infinity to Vorbis (AudioFileError); float
    formats store every value as it is. Throws std::invalid_argument for a
    clip without channels, with channels of unequal length, or whose sample
    rate is not a positive whole number. */
void writeAudioFile (const std::filesystem::path& path, const AudioClip& clip, const OutputFormat& format,
                     OverwritePolicy overwrite = OverwritePolicy::refuse);

} // namespace partita
