// SPDX-License-Identifier: GPL-3.0-or-later
#include "PluginProcessor.h"

#include "FactoryImpulseResponses.h"
#include "ParameterLayout.h"
#include "PluginEditor.h"
#include "state/ContentHash.h"
#include "state/IrReadLimits.h"
#include "state/MemoryAudioCodec.h"
#include "state/RestoredImpulseResponse.h"

#include <algorithm>
#include <climits>
#include <exception>
#include <utility>

namespace partita
{
namespace
{
std::string describeLayout (std::size_t channels)
{
    switch (channels)
    {
        case 1:
            return "mono";
        case 2:
            return "stereo";
        case 4:
            return "true stereo";
        default:
            return std::to_string (channels) + " channels";
    }
}

std::string describeLoaded (const ImpulseResponseInfo& info)
{
    const auto seconds =
        info.originalSampleRate > 0.0 ? static_cast<double> (info.originalFrames) / info.originalSampleRate : 0.0;
    return "Loaded '" + info.name + "': " + describeLayout (info.numChannels) + ", "
           + juce::String (info.originalSampleRate, 0).toStdString() + " Hz, " + juce::String (seconds, 2).toStdString()
           + " s";
}
} // namespace

juce::AudioProcessor::BusesProperties PartitaAudioProcessor::defaultBuses()
{
    return BusesProperties()
        .withInput ("Input", juce::AudioChannelSet::stereo(), true)
        .withOutput ("Output", juce::AudioChannelSet::stereo(), true);
}

PartitaAudioProcessor::PartitaAudioProcessor()
    : PartitaAudioProcessor (Options {})
{
}

PartitaAudioProcessor::PartitaAudioProcessor (Options options)
    : juce::AudioProcessor (defaultBuses())
    , parameters (*this, nullptr, "PartitaParameters", createParameterLayout())
    , bridge (parameters)
    , recent (options.settingsFile)
    , fileLoader ([this] (ImpulseResponseFileLoader::Loaded loaded) { handleLoaded (std::move (loaded)); },
                  [this] (const std::string& message) { handleLoadFailure (message); })
{
    dsp.setParameters (bridge.read());
    statusMessage.set ("No IR loaded: load a file, drop one here, or pick a factory IR",
                       StatusMessage::Severity::information);
    if (options.initialImpulseResponse == InitialImpulseResponse::factoryDefault)
        loadDefaultImpulseResponse();
    startTimerHz (15);
}

PartitaAudioProcessor::~PartitaAudioProcessor()
{
    stopTimer();
}

const juce::String PartitaAudioProcessor::getName() const
{
    return JucePlugin_Name;
}

// Audio --------------------------------------------------------------------------

void PartitaAudioProcessor::prepareToPlay (double sampleRate, int maximumExpectedSamplesPerBlock)
{
    applyRebuildMode (isNonRealtime());
    dsp.setParameters (bridge.read());

    const auto inputs = static_cast<std::size_t> (std::max (0, getTotalNumInputChannels()));
    const auto outputs = static_cast<std::size_t> (std::max (0, getTotalNumOutputChannels()));
    // Before the DSP publishes its new timing: a timer tick on the message
    // thread during prepare() must not turn the new tail into seconds at the
    // old (or no) rate and then consider it seen.
    preparedSampleRate = sampleRate;
    try
    {
        dsp.prepare (sampleRate, static_cast<std::size_t> (std::max (1, maximumExpectedSamplesPerBlock)), inputs,
                     outputs);
        preparedChannels = std::max (inputs, outputs);
        preparedOutputs = outputs;
    }
    catch (const std::exception& error)
    {
        preparedChannels = 0;
        statusMessage.set (std::string ("Cannot run: ") + error.what(), StatusMessage::Severity::error);
    }

    // The host reads the latency right after prepareToPlay: tell it now, not
    // at the next timer tick.
    refreshFromConvolver();
}

void PartitaAudioProcessor::releaseResources()
{
    dsp.releaseResources();
}

bool PartitaAudioProcessor::isBusesLayoutSupported (const BusesLayout& layouts) const
{
    const auto input = layouts.getMainInputChannelSet();
    const auto output = layouts.getMainOutputChannelSet();
    const auto mono = juce::AudioChannelSet::mono();
    const auto stereo = juce::AudioChannelSet::stereo();
    return (input == mono && output == mono) || (input == mono && output == stereo)
           || (input == stereo && output == stereo);
}

void PartitaAudioProcessor::processBlock (juce::AudioBuffer<float>& buffer, juce::MidiBuffer&)
{
    dsp.setBypassed (false);
    process (buffer);
}

void PartitaAudioProcessor::processBlockBypassed (juce::AudioBuffer<float>& buffer, juce::MidiBuffer&)
{
    // Not JUCE's default (the input passed through at once): the dry input
    // delayed by the reported latency, ramped in and out, with the engines
    // still running so the reverb resumes without a gap.
    dsp.setBypassed (true);
    process (buffer);
}

void PartitaAudioProcessor::process (juce::AudioBuffer<float>& buffer)
{
    juce::ScopedNoDenormals noDenormals;
    const auto numSamples = buffer.getNumSamples();
    const auto numChannels = static_cast<std::size_t> (buffer.getNumChannels());

    if (preparedChannels == 0 || numChannels < preparedChannels)
    {
        buffer.clear();
        return;
    }

    dsp.setParameters (bridge.read());
    dsp.process (buffer.getArrayOfWritePointers(), static_cast<std::size_t> (numSamples));

    for (auto channel = preparedOutputs; channel < numChannels; ++channel)
        buffer.clear (static_cast<int> (channel), 0, numSamples);
}

void PartitaAudioProcessor::setNonRealtime (bool isNonRealtime) noexcept
{
    juce::AudioProcessor::setNonRealtime (isNonRealtime);
    applyRebuildMode (isNonRealtime);
}

void PartitaAudioProcessor::applyRebuildMode (bool offline) noexcept
{
    // Wait-free: JUCE's LV2 wrapper calls setNonRealtime from the audio thread.
    dsp.setRebuildMode (offline ? RebuildMode::synchronous : RebuildMode::background);
}

double PartitaAudioProcessor::getTailLengthSeconds() const
{
    return tailSeconds.load();
}

juce::AudioProcessorEditor* PartitaAudioProcessor::createEditor()
{
    // The host takes ownership of the editor (JUCE's API hands over a raw pointer).
    return std::make_unique<PartitaEditor> (*this).release();
}

// Reporting ----------------------------------------------------------------------

void PartitaAudioProcessor::timerCallback()
{
    refreshFromConvolver();
}

void PartitaAudioProcessor::refreshFromConvolver()
{
    const std::scoped_lock guard (refreshLock);

    const auto rate = preparedSampleRate.load();
    if (const auto version = dsp.timingVersion(); version != seenTimingVersion)
    {
        const auto timing = dsp.reportedTiming();
        const auto latency = static_cast<int> (std::min<std::size_t> (timing.latencySamples, INT_MAX));
        if (latency != getLatencySamples())
            setLatencySamples (latency); // also tells the host
        // The tail is in seconds: it waits for a rate.
        if (rate > 0.0)
        {
            seenTimingVersion = version;
            tailSeconds = static_cast<double> (timing.tailSamples) / rate;
        }
    }

    if (const auto version = dsp.impulseResponseVersion(); version != seenImpulseResponseVersion)
    {
        seenImpulseResponseVersion = version;
        settleRequest();
        const auto error = dsp.lastError();
        const std::scoped_lock awaitedGuard (awaitedLock);
        if (!error.empty())
        {
            if (statusMessage.snapshot().text != error)
                statusMessage.set (error, StatusMessage::Severity::error);
            awaitedName.clear();
        }
        else if (!awaitedName.empty())
        {
            if (const auto info = dsp.impulseResponseInfo(); info != nullptr && info->name == awaitedName)
            {
                statusMessage.set (describeLoaded (*info), StatusMessage::Severity::information);
                awaitedName.clear();
            }
        }
    }

    // The recent list is a JUCE object of the message thread; elsewhere
    // (prepareToPlay on a host's audio device thread) it waits for the timer.
    if (!juce::MessageManager::existsAndIsCurrentThread())
        return;
    std::vector<std::string> readFiles;
    {
        const std::scoped_lock awaitedGuard (awaitedLock);
        readFiles.swap (filesToRemember);
    }
    for (const auto& path : readFiles)
        recent.add (juce::File (juce::String::fromUTF8 (path.c_str())));
}

// IR loading ----------------------------------------------------------------------

void PartitaAudioProcessor::loadImpulseResponseFile (const juce::File& file)
{
    {
        const std::scoped_lock guard (awaitedLock);
        awaitedName = file.getFileName().toStdString();
    }
    statusMessage.set ("Loading '" + file.getFileName().toStdString() + "' ...", StatusMessage::Severity::information);
    fileLoader.loadFile (pathFromUtf8 (file.getFullPathName().toStdString()));
}

void PartitaAudioProcessor::loadFactoryImpulseResponse (std::size_t index)
{
    const auto& factory = factoryImpulseResponses();
    if (index >= factory.size())
        return;

    const auto& ir = factory[index];
    {
        const std::scoped_lock guard (awaitedLock);
        awaitedName = ir.displayName;
    }
    statusMessage.set ("Loading the factory IR '" + ir.displayName + "' ...", StatusMessage::Severity::information);
    fileLoader.loadFromMemory (ir.bytes, ir.displayName);
}

void PartitaAudioProcessor::loadDefaultImpulseResponse()
{
    const auto* ir = defaultFactoryImpulseResponse();
    if (ir == nullptr)
        return;
    try
    {
        auto clip = std::make_shared<const AudioClip> (readAudioFromMemory (ir->bytes, irReadLimits, ir->displayName));
        const auto hash = contentHash (*clip);
        {
            const std::scoped_lock guard (awaitedLock);
            awaitedName = ir->displayName;
        }
        statusMessage.set ("Loading the factory IR '" + ir->displayName + "' ...",
                           StatusMessage::Severity::information);
        request ({ std::move (clip), ir->displayName, {}, hash, 0 });
    }
    catch (const std::exception& error)
    {
        // Never expected (the factory files are tested); the instance then starts with no IR.
        statusMessage.set (std::string ("The default factory IR could not be loaded: ") + error.what(),
                           StatusMessage::Severity::warning);
    }
}

void PartitaAudioProcessor::unloadImpulseResponse()
{
    fileLoader.cancelPending();
    {
        const std::scoped_lock guard (awaitedLock);
        awaitedName.clear();
    }
    request ({});
    statusMessage.set ("No IR loaded: the wet path passes the input through", StatusMessage::Severity::information);
}

bool PartitaAudioProcessor::waitForPendingLoads (std::chrono::milliseconds timeout)
{
    return fileLoader.waitUntilIdle (timeout);
}

void PartitaAudioProcessor::handleLoaded (ImpulseResponseFileLoader::Loaded loaded)
{
    origins.remember (loaded.hash, loaded.path);
    {
        const std::scoped_lock guard (awaitedLock);
        awaitedName = loaded.name;
        if (!loaded.path.empty())
            filesToRemember.push_back (loaded.path);
    }

    request ({ std::make_shared<const AudioClip> (std::move (loaded.clip)), loaded.name, loaded.path, loaded.hash, 0 });
}

bool PartitaAudioProcessor::request (RequestedImpulseResponse next)
{
    const auto audio = next.audio;
    const auto name = next.name;
    next.versionBefore = dsp.impulseResponseVersion();
    {
        const std::scoped_lock guard (requestLock);
        requested = std::move (next);
    }

    if (audio == nullptr)
    {
        dsp.unloadImpulseResponse();
        return true;
    }

    if (dsp.loadImpulseResponse (*audio, name) == LoadOutcome::failed)
    {
        {
            const std::scoped_lock guard (requestLock);
            requested.reset();
        }
        statusMessage.set (dsp.lastError(), StatusMessage::Severity::error);
        const std::scoped_lock guard (awaitedLock);
        awaitedName.clear();
        return false;
    }
    return true;
}

void PartitaAudioProcessor::settleRequest()
{
    const std::scoped_lock guard (requestLock);
    if (!requested.has_value() || dsp.impulseResponseVersion() == requested->versionBefore)
        return;

    // A refusal keeps the previous IR playing: the DSP is then the truth.
    if (!dsp.lastError().empty())
    {
        requested.reset();
        return;
    }

    const auto info = dsp.impulseResponseInfo();
    const bool built = requested->audio == nullptr
                           ? info == nullptr
                           : info != nullptr && info->source != nullptr && info->name == requested->name
                                 && contentHash (*info->source) == requested->hash;
    if (built)
        requested.reset();
}

void PartitaAudioProcessor::handleLoadFailure (const std::string& message)
{
    {
        const std::scoped_lock guard (awaitedLock);
        awaitedName.clear();
    }
    statusMessage.set ("Could not load the IR; the previous one keeps playing: " + message,
                       StatusMessage::Severity::error);
}

// State ------------------------------------------------------------------------------

std::vector<std::uint8_t> PartitaAudioProcessor::stateBytes()
{
    PluginState state;
    state.parameters = bridge.read();

    // The IR asked for, if its build has not been seen yet; else the one built.
    settleRequest();
    std::optional<RequestedImpulseResponse> toSave;
    {
        const std::scoped_lock guard (requestLock);
        toSave = requested;
    }
    if (!toSave.has_value())
    {
        toSave.emplace();
        if (const auto info = dsp.impulseResponseInfo(); info != nullptr && info->source != nullptr)
            toSave = RequestedImpulseResponse { info->source, info->name, {}, 0, 0 };
    }

    const std::scoped_lock guard (saveLock);
    if (toSave->audio != nullptr)
    {
        try
        {
            if (encodedAudio.audio != toSave->audio)
            {
                const auto hash = contentHash (*toSave->audio);
                // The same audio in another object (the DSP's copy of a request) needs no new encoding.
                if (encodedAudio.audio == nullptr || encodedAudio.hash != hash)
                    encodedAudio.bytes = encodeLosslessAudio (*toSave->audio);
                encodedAudio.audio = toSave->audio;
                encodedAudio.hash = hash;
            }

            SavedImpulseResponse saved;
            saved.name = toSave->name;
            saved.audio = toSave->audio;
            saved.contentHash = encodedAudio.hash;
            saved.originalPath = origins.pathFor (encodedAudio.hash);
            state.impulseResponse = std::move (saved);
            return serialiseState (state, encodedAudio);
        }
        catch (const std::exception& error)
        {
            // Never expected (only finite audio is ever requested), but a
            // state without the IR beats no state.
            statusMessage.set (std::string ("The IR could not be saved with the session: ") + error.what(),
                               StatusMessage::Severity::warning);
            state.impulseResponse.reset();
            encodedAudio = {};
        }
    }
    return serialiseState (state);
}

void PartitaAudioProcessor::getStateInformation (juce::MemoryBlock& destData)
{
    try
    {
        const auto bytes = stateBytes();
        destData.replaceAll (bytes.data(), bytes.size());
    }
    catch (const std::exception& error)
    {
        statusMessage.set (std::string ("The session could not be saved: ") + error.what(),
                           StatusMessage::Severity::error);
    }
}

void PartitaAudioProcessor::setStateInformation (const void* data, int sizeInBytes)
{
    if (data == nullptr || sizeInBytes <= 0)
    {
        statusMessage.set ("The host restored an empty session; nothing was changed", StatusMessage::Severity::warning);
        return;
    }

    try
    {
        restoreState ({ static_cast<const std::uint8_t*> (data), static_cast<std::size_t> (sizeInBytes) });
    }
    catch (const std::exception& error)
    {
        statusMessage.set (std::string ("The session could not be restored: ") + error.what(),
                           StatusMessage::Severity::error);
    }
}

bool PartitaAudioProcessor::restoreState (std::span<const std::uint8_t> bytes)
{
    ParsedState parsed;
    try
    {
        parsed = parseState (bytes);
    }
    catch (const std::exception& error)
    {
        statusMessage.set (std::string ("The saved session could not be read: ") + error.what(),
                           StatusMessage::Severity::error);
        return false;
    }

    // A file still being read from before must not replace the session's IR.
    fileLoader.cancelPending();

    // The DSP gets the parameters at once, so the IR below is built with the
    // restored shaping rather than built twice.
    // Read back what the host parameters hold (their normalised round trip
    // may move a value by a rounding step): processBlock passes those on, and
    // the IR must not be rebuilt for that step at the first block.
    bridge.apply (parsed.state.parameters);
    dsp.setParameters (bridge.read());

    std::string irProblem;
    std::string buildError;
    std::string restoredName;
    if (parsed.state.impulseResponse.has_value())
    {
        const auto restored = restoreImpulseResponse (*parsed.state.impulseResponse);
        irProblem = restored.problem;
        if (restored.audio != nullptr)
        {
            const auto hash = contentHash (*restored.audio);
            origins.remember (hash, restored.originalPath);
            if (request ({ restored.audio, restored.name, restored.originalPath, hash, 0 }))
                restoredName = restored.name;
            else
                buildError = dsp.lastError();
        }
        else
        {
            request ({});
        }
    }
    else
    {
        request ({});
    }

    // What matters most to the user first: the IR, then the rest.
    std::vector<std::string> problems;
    for (auto* problem : { &irProblem, &buildError })
        if (!problem->empty())
            problems.push_back (*problem);
    for (auto& problem : parsed.problems)
        problems.push_back (std::move (problem));

    {
        const std::scoped_lock guard (awaitedLock);
        awaitedName.clear();
    }
    // The restored IR and shaping are built here, so that the host knows the
    // session's latency when this returns, not at a timer tick after the
    // background build (Ardour 7 computes its delay compensation, and with it
    // an export's pre-roll, while it loads the session).
    try
    {
        dsp.buildPendingNow();
    }
    catch (const std::exception&)
    {
        // A build that fails is reported through lastError(), like any load.
    }
    refreshFromConvolver();

    if (!problems.empty())
    {
        auto text = "Session restored with problems: " + problems.front();
        if (problems.size() > 1)
            text += " (and " + std::to_string (problems.size() - 1) + " more)";
        statusMessage.set (text, StatusMessage::Severity::warning);
    }
    else
    {
        statusMessage.set (restoredName.empty() ? "Session restored (no IR)"
                                                : "Session restored with the IR '" + restoredName + "'",
                           StatusMessage::Severity::information);
    }
    return true;
}

} // namespace partita

// The entry point every JUCE plugin wrapper calls.
juce::AudioProcessor* JUCE_CALLTYPE createPluginFilter()
{
    return std::make_unique<partita::PartitaAudioProcessor>().release();
}
