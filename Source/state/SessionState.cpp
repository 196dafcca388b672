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
std::shared_ptr<const ImpulseResponseSource> restoredSource (const std::optional<SavedImpulseResponse>& saved,
                                                             std::string_view slotPrefix,
                                                             std::vector<std::string>& problems)
{
    if (!saved.has_value())
        return nullptr;
    auto restored = restoreImpulseResponse (*saved);
    if (!restored.problem.empty())
        problems.push_back (std::string (slotPrefix) + restored.problem);
    if (restored.audio == nullptr)
        return nullptr;
    auto source = std::make_shared<ImpulseResponseSource>();
    source->clip = std::move (restored.audio);
    source->name = std::move (restored.name);
    source->originalPath = std::move (restored.originalPath);
    source->layoutHint = restored.layoutHint;
    return source;
}
} // namespace

std::string SessionState::loadRestoredSlots (const PluginState& state, std::vector<std::string>& problems)
{
    ImpulseResponseSlots slots;
    slots.a = restoredSource (state.impulseResponse, {}, problems);
    slots.b = restoredSource (state.impulseResponseB, "slot B: ", problems);

    // Built here in either mode, so that a failure is known before the
    // restore returns (a failed build leaves the slots as they were).
    const auto loaded = [this] (const ImpulseResponseSlots& wanted)
    {
        dsp.loadImpulseResponses (wanted);
        try
        {
            dsp.buildPendingNow();
        }
        catch (const std::exception&)
        {
            // Reported through lastError(), like any load.
        }
        return dsp.requestedImpulseResponse (IrSlot::a) == wanted.a
               && dsp.requestedImpulseResponse (IrSlot::b) == wanted.b;
    };

    if (!loaded (slots))
    {
        problems.push_back (dsp.lastError());
        // Slot B may be what cannot be played (its layout with slot A's):
        // slot A then plays as it would without it.
        if (slots.a == nullptr || slots.b == nullptr)
            return {};
        slots.b = nullptr;
        if (!loaded (slots))
            return {};
    }
    return slots.a != nullptr ? slots.a->name : slots.b != nullptr ? slots.b->name : std::string {};
}

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
        state.impulseResponse = savedImpulseResponse (IrSlot::a, encodedAudio);
        state.impulseResponseB = savedImpulseResponse (IrSlot::b, encodedAudio.slotB);
        if (state.impulseResponse.has_value() || state.impulseResponseB.has_value())
            return serialiseState (state, encodedAudio);
    }
    catch (const std::exception& error)
    {
        problem = std::string ("The IR could not be saved with the session: ") + error.what();
        state.impulseResponse.reset();
        state.impulseResponseB.reset();
        encodedAudio = {};
    }
    return serialiseState (state);
}

std::optional<SavedImpulseResponse> SessionState::savedImpulseResponse (IrSlot slot, EncodedAudio& encoded)
{
    const auto source = dsp.requestedImpulseResponse (slot);
    if (source == nullptr || source->clip == nullptr)
        return std::nullopt;
    if (encoded.audio != source->clip)
    {
        const auto hash = contentHash (*source->clip);
        // The same audio in another object needs no new encoding.
        if (encoded.audio == nullptr || encoded.hash != hash)
            encoded.bytes = encodeLosslessAudio (*source->clip);
        encoded.audio = source->clip;
        encoded.hash = hash;
    }
    SavedImpulseResponse saved;
    saved.name = source->name;
    saved.originalPath = source->originalPath;
    saved.layoutHint = source->layoutHint;
    saved.audio = source->clip;
    saved.contentHash = encoded.hash;
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
    outcome.impulseResponseName = loadRestoredSlots (parsed.state, problems);
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
