// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AudioFileReader.h"
#include "SndfileHandle.h"

namespace partita::detail
{

/** The header facts of an opened file in the words `partita info` and the
    messages use: "WAV", "FLAC", "24-bit PCM", "32-bit float"; libsndfile's
    own name for a format we do not name ourselves; whether a WAV file says
    it holds ambisonic B-format (its WAVE_FORMAT_EXTENSIBLE sub-format). */
AudioFileInfo describeAudioFile (SNDFILE* handle, const SF_INFO& info);

} // namespace partita::detail
