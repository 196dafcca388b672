// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "IrReadLimits.h"
#include "PluginState.h"

#include <filesystem>
#include <memory>
#include <string>

namespace partita
{

/** The IR a saved state comes back with, and how it was found. */
struct RestoredImpulseResponse
{
    /** Null when neither the embedded audio nor the original file could be
        used: the session then plays without an IR. */
    std::shared_ptr<const AudioClip> audio;
    std::string name;
    std::string originalPath;
    /** The saved one (the file's sub-format is not read again). */
    IrLayoutHint layoutHint;
    /** One line for the editor when the IR is not exactly the one saved (or
        is missing); empty when it is. */
    std::string problem;
};

/** Picks the IR to play for a saved one, in this order: the embedded audio
    when its fingerprint matches; else the file at the original path when its
    fingerprint matches (the state's audio was damaged); else whichever of the
    two could be read, with a problem saying so; else nothing, with a problem.
    Reads the file through readAudioFile with the limits. Never throws for a
    bad state or file.

    Threading: any thread but the audio thread (it may read a file). */
RestoredImpulseResponse restoreImpulseResponse (const SavedImpulseResponse& saved,
                                                const AudioReadLimits& limits = irReadLimits);

/** A path from the UTF-8 text a state holds, and back. */
std::filesystem::path pathFromUtf8 (const std::string& text);
std::string utf8FromPath (const std::filesystem::path& path);

} // namespace partita
