// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PluginStateFormat.h"
#include "processor/ConvolverProcessor.h"

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace partita
{

/** A running processor's session as state bytes, and back: what the plugin's
    getStateInformation and setStateInformation do, without JUCE. A save
    holds the parameters given and the IR the processor was last asked to
    play (ConvolverProcessor::requestedImpulseResponse: a host may save
    before a background build is done), with its audio encoded once and
    reused while it stays the same (hosts save often). A restore gives the
    processor the session's parameters and IR and builds it at once, so that
    the host knows the session's latency when the restore returns.

    Threading: save() from any non-audio thread (the encoding cache has a
    lock of its own); read() anywhere; apply() from one non-audio thread at a
    time (the host's state calls). */
class SessionState
{
public:
    /** What a restore did, in one line for the editor's message bar. */
    struct Outcome
    {
        std::string message;
        /** Something was damaged, missing or could not be used. */
        bool withProblems = false;
        /** The IR now loaded (slot A's, else slot B's); empty for none. */
        std::string impulseResponseName;
    };

    explicit SessionState (ConvolverProcessor& processor);

    /** The state's bytes for these parameter values. An IR that cannot be
        encoded (never expected: only finite audio is loaded) is left out,
        with the reason in `problem`: a state without it beats none. */
    [[nodiscard]] std::vector<std::uint8_t> save (const ProcessorParameters& parameters, std::string& problem);

    /** Parses the bytes; nullopt, with the reason in `error`, when they are
        not a Partita state at all. */
    [[nodiscard]] static std::optional<ParsedState> read (std::span<const std::uint8_t> bytes, std::string& error);

    /** Restores a parsed state. applyParameters hands the values to the host
        and returns what it holds then (its normalised round trip may move a
        value by a rounding step, and the processor must play what the host
        will keep sending). */
    Outcome apply (ParsedState parsed,
                   const std::function<ProcessorParameters (const ProcessorParameters&)>& applyParameters);

private:
    /** Encodes the IR of a slot for a save, or reuses its last encoding. */
    std::optional<SavedImpulseResponse> savedImpulseResponse (IrSlot slot, EncodedAudio& encoded);
    /** Gives the processor the restored IRs of both slots, built once; a
        slot B that cannot be played with slot A is left out, so that slot A
        still plays. Adds what went wrong to problems. */
    std::string loadRestoredSlots (const PluginState& state, std::vector<std::string>& problems);

    ConvolverProcessor& dsp;
    std::mutex cacheLock;
    EncodedAudioCache encodedAudio;
};

} // namespace partita
