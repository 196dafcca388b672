// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImpulseResponseFileLoader.h"
#include "measure/SweepSpec.h"

#include <filesystem>
#include <string>

namespace partita
{

/** The sweep a recording made elsewhere (in a DAW) is of, when the recording
    does not say it itself: a sweep file (Partita's, with its spec in the
    metadata, or any other, inverted from its samples), or Partita's default
    sweep (`partita sweep`'s defaults) at the recording's rate. */
struct SweepChoice
{
    /** Empty: the default sweep. */
    std::filesystem::path file;

    /** "Partita's default sweep (20 Hz to 20 kHz, 10 s)" or the file's name. */
    [[nodiscard]] std::string describe() const;
};

/** "Deconvolve recording..." in the plugin: a recording of a sweep turned
    into its IR by the measurement library (SweepDeconvolver), the interface's
    latency removed and the end found from the noise floor, with one line for
    the message bar on how it went: the peak-to-noise ratio and the latency
    of each channel (the lowest and the range when there are several).

    The sweep: the one named in the recording's own metadata when it carries
    Partita's (a recording made by writing over a copy of the sweep file
    keeps it), else `sweep`.

    Threading: a pure computation that reads files; run it off the audio and
    message threads (the plugin runs it on the IR file loader's thread).
    Throws MeasurementError or AudioFileError with one line. */
ImpulseResponseFileLoader::Computed deconvolveRecording (const std::filesystem::path& recording,
                                                         const SweepChoice& sweep);

/** The default sweep at a rate: `partita sweep`'s defaults (SweepSpec). */
SweepSpec defaultSweepSpec (double sampleRate);

} // namespace partita
