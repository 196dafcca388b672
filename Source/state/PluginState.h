// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"
#include "ir/IrLayout.h"
#include "processor/ProcessorParameters.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace partita
{

/** The IR as a saved state remembers it: enough to rebuild the same sound on a
    machine that has never seen the file. */
struct SavedImpulseResponse
{
    /** What the editor shows, usually the file name. */
    std::string name;
    /** Where the IR was loaded from, UTF-8; empty for a factory IR. Used when
        the embedded audio is missing or damaged. */
    std::string originalPath;
    /** contentHash() of the audio as loaded; tells intact audio from damaged. */
    std::optional<std::uint64_t> contentHash;
    /** The IR as loaded (before resampling or shaping), at its own rate. */
    std::shared_ptr<const AudioClip> audio;
    /** What the IR's file said about its layout (B-format and why), which
        the saved audio cannot say again: a session reloads with the layout
        it played with. Nothing for states of earlier versions. */
    IrLayoutHint layoutHint;
    /** The state ended (cut off or damaged) before the IR's audio: why there
        is none, for the message when the file cannot stand in either. */
    bool audioCutOff = false;
};

/** Everything a Partita session saves: the parameters and the IRs of the
    two slots.

    Threading: a plain value. */
struct PluginState
{
    ProcessorParameters parameters;
    /** Slot A's IR: the IR of states before the two slots. */
    std::optional<SavedImpulseResponse> impulseResponse;
    /** Slot B's IR; nothing in states of earlier versions (slot B empty). */
    std::optional<SavedImpulseResponse> impulseResponseB;
};

} // namespace partita
