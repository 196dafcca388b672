// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "IrReadLimits.h"
#include "PluginState.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace partita
{

/** The version serialiseState writes. A reader of version n reads states of
    every version: chunks it does not know are skipped, parameters a state
    lacks keep their defaults. */
inline constexpr std::uint32_t currentStateVersion = 1;

/** Bytes of the state: the plugin's getStateInformation, the editor's preset
    export and the file `partita render --state` reads are all exactly this.

    Layout (all integers little-endian):

        "PRTASTAT"            8 bytes, identifies a Partita state
        version               u32
        chunks until the end: id (4 ASCII bytes), size (u32), size bytes

        PARM  u32 count, then count x (u8 id length, id, f64 value): the
              parameters by their stable IDs (the parameter table) in their own units
        IRNM  the IR's display name, UTF-8
        IRPA  the IR's original path, UTF-8
        IRHA  u64 contentHash of the IR's audio
        IRRT  f64 the IR's exact sample rate (the audio file's header holds it
              rounded to whole Hz)
        IRAU  the IR's audio as a complete FLAC or WAV file (encodeLosslessAudio)
        IRLY  u8 layout, u8 reason: what the IR's file said about its layout
              (IrLayoutHint, the enums' values); only when it said something,
              so that states without a hint keep their bytes
        IRSB  slot B's IR, only when slot B holds one: its own chunks IRNM,
              IRPA, IRHA, IRLY, IRRT and IRAU as above, then "END ". One chunk,
              so that versions before the two slots skip it whole (and play
              slot A alone), and damage inside it costs only slot B
        "END "  empty, last: a state without it was cut off

    Throws std::invalid_argument when the IR's audio cannot be encoded (no
    samples, non-finite samples).

    Threading: a pure function; any thread but the audio thread. */
std::vector<std::uint8_t> serialiseState (const PluginState& state);

/** One IR's audio, encoded (see EncodedAudioCache). */
struct EncodedAudio
{
    std::shared_ptr<const AudioClip> audio;
    std::uint64_t hash = 0;
    std::vector<std::uint8_t> bytes;
};

/** The IR audio of the last save, encoded, for hosts that save often (some
    ask for the state after every parameter change): reused while the state's
    IR audio is the same object. Slot A's in the base, slot B's in slotB. */
struct EncodedAudioCache : EncodedAudio
{
    EncodedAudio slotB;
};

/** As serialiseState, reusing (and updating) the cache. The bytes are the
    same as without it. */
std::vector<std::uint8_t> serialiseState (const PluginState& state, EncodedAudioCache& cache);

/** What parseState could make of some bytes. */
struct ParsedState
{
    PluginState state;
    /** The version that wrote the state. */
    std::uint32_t version = 0;
    /** One line each, for the editor's message line: what was damaged,
        missing or ignored. Empty for an intact state of this version. */
    std::vector<std::string> problems;
};

/** Reads a state, keeping whatever is intact: every size is checked against
    the bytes that remain before it is used, a damaged chunk costs only what it
    held (a cut-off state keeps the chunks before the cut), the IR's audio is
    decoded with the limits checked before allocation. Throws StateError only
    when the bytes are not a Partita state at all (too short, wrong
    identifier, version 0).

    Threading: a pure function; any thread but the audio thread. */
ParsedState parseState (std::span<const std::uint8_t> bytes, const AudioReadLimits& limits = irReadLimits);

} // namespace partita
