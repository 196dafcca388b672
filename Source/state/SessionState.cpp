// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionState.h"

#include "ContentHash.h"
#include "MemoryAudioCodec.h"
#include "RestoredImpulseResponse.h"

#include <exception>

namespace partita
{

namespace
{
std::string summarise (std::vector<std::string> problems, const std::string& restoredName)
{
    if (!problems.empty())
    {
        auto text = "Session restored with problems: " + problems.front();
        if (problems.size() > 1)
            text += " (and " + std::to_string (problems.size() - 1) + " more)";
        return text;
    }
    return restoredName.empty() ? "Session restored (no IR)" : "Session restored with the IR '" + restoredName + "'";
}
} // namespace

SessionState::SessionState (ConvolverProcessor& processor)
    : dsp (processor)
{
}

std::vector<std::uint8_t> SessionState::save (const ProcessorParameters& parameters, std::string& problem)
{
    PluginState state;
    state.parameters = parameters;
    const std::scoped_lock lock (cacheLock);
    try
    {
        state.impulseResponse = savedImpulseResponse();
        if (state.impulseResponse.has_value())
            return serialiseState (state, encodedAudio);
    }
    catch (const std::exception& error)
    {
        problem = std::string ("The IR could not be saved with the session: ") + error.what();
        state.impulseResponse.reset();
        encodedAudio = {};
    }
    return serialiseState (state);
}

std::optional<SavedImpulseResponse> SessionState::savedImpulseResponse()
{
    const auto source = dsp.requestedImpulseResponse();
    if (source == nullptr || source->clip == nullptr)
        return std::nullopt;
    if (encodedAudio.audio != source->clip)
    {
        const auto hash = contentHash (*source->clip);
        // The same audio in another object needs no new encoding.
        if (encodedAudio.audio == nullptr || encodedAudio.hash != hash)
            encodedAudio.bytes = encodeLosslessAudio (*source->clip);
        encodedAudio.audio = source->clip;
        encodedAudio.hash = hash;
    }
    SavedImpulseResponse saved;
    saved.name = source->name;
    saved.originalPath = source->originalPath;
    saved.layoutHint = source->layoutHint;
    saved.audio = source->clip;
    saved.contentHash = encodedAudio.hash;
    return saved;
}

std::optional<ParsedState> SessionState::read (std::span<const std::uint8_t> bytes, std::string& error)
{
    try
    {
        return parseState (bytes);
    }
    catch (const std::exception& failure)
    {
        error = std::string ("The saved session could not be read: ") + failure.what();
        return std::nullopt;
    }
}

SessionState::Outcome SessionState::apply (
    ParsedState parsed, const std::function<ProcessorParameters (const ProcessorParameters&)>& applyParameters)
{
    // The processor gets the parameters first, so that the IR below is built
    // with the restored shaping rather than built twice.
    dsp.setParameters (applyParameters (parsed.state.parameters));

    std::vector<std::string> problems;
    Outcome outcome;
    if (parsed.state.impulseResponse.has_value())
    {
        auto restored = restoreImpulseResponse (*parsed.state.impulseResponse);
        if (!restored.problem.empty())
            problems.push_back (restored.problem);
        if (restored.audio == nullptr)
            dsp.unloadImpulseResponse();
        else if (dsp.loadImpulseResponse (*restored.audio, restored.name, restored.originalPath, restored.layoutHint)
                 == LoadOutcome::failed)
            problems.push_back (dsp.lastError());
        else
            outcome.impulseResponseName = restored.name;
    }
    else
    {
        dsp.unloadImpulseResponse();
    }
    // What matters most to the user first: the IR, then the rest.
    for (auto& problem : parsed.problems)
        problems.push_back (std::move (problem));

    // Built here, so that the host knows the session's latency when the
    // restore returns, not after a background build (Ardour 7 computes its
    // delay compensation, and with it an export's pre-roll, while it loads
    // the session).
    try
    {
        dsp.buildPendingNow();
    }
    catch (const std::exception&)
    {
        // A build that fails is reported through lastError(), like any load.
    }

    outcome.withProblems = !problems.empty();
    outcome.message = summarise (std::move (problems), outcome.impulseResponseName);
    return outcome;
}

} // namespace partita
