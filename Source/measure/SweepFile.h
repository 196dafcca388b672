// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SweepSpec.h"
#include "io/AudioClip.h"
#include "io/OutputFormat.h"
#include "io/OverwritePolicy.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace partita
{

class SynchronizedSweep;

/** A sweep file read back: its samples and, when Partita wrote it, the spec
    it was generated from (found in the file's comment). */
struct SweepFile
{
    AudioClip audio;
    std::optional<SweepSpec> spec;
};

/** The machine-readable line stored in a sweep file's comment, e.g.
    "partita-sweep/1 start_hz=20 end_hz=20000 duration_s=10 rate_hz=48000
    level_dbfs=-12 fade_in_periods=1 fade_out_s=0.005 silence_s=3 repeats=1
    channels=1". Numbers are written with enough digits to round-trip exactly. */
std::string formatSweepMetadata (const SweepSpec& spec);

/** The spec in such a line; nullopt for anything else (another program's
    comment, a missing or malformed field, a later version's marker). */
std::optional<SweepSpec> parseSweepMetadata (std::string_view text);

/** Writes the whole sweep signal (every repeat and channel) with its spec in
    the file's comment (a WAV's LIST/INFO ICMT, a FLAC's or Ogg's Vorbis
    comment, an AIFF's annotation). Throws AudioFileError as writeAudioFile does. */
void writeSweepFile (const std::filesystem::path& path, const SynchronizedSweep& sweep, const OutputFormat& format,
                     OverwritePolicy overwrite = OverwritePolicy::refuse);

/** Reads a sweep file; throws AudioFileError as readAudioFile does. */
SweepFile readSweepFile (const std::filesystem::path& path);

} // namespace partita
