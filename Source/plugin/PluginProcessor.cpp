// SPDX-License-Identifier: GPL-3.0-or-later
#include "PluginProcessor.h"

#include "ParameterLayout.h"
#include "PluginEditor.h"

#include <algorithm>
#include <climits>
#include <exception>
#include <utility>

namespace partita
{

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
    , browser (options.settingsFile)
{
    dsp.setParameters (bridge.read());
    statusMessage.set ("No IR loaded: load a file, drop one here, or pick a factory IR",
                       StatusMessage::Severity::information);
    if (options.initialImpulseResponse == InitialImpulseResponse::factoryDefault)
        loading.loadDefault();
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
    dsp.setHostTempo (hostTempo());
    dsp.process (buffer.getArrayOfWritePointers(), static_cast<std::size_t> (numSamples));

    for (auto channel = preparedOutputs; channel < numChannels; ++channel)
        buffer.clear (static_cast<int> (channel), 0, numSamples);
}

double PartitaAudioProcessor::hostTempo() const noexcept
{
    // JUCE's play heads fill a PositionInfo on the stack: no allocation.
    if (auto* head = getPlayHead(); head != nullptr)
        if (const auto position = head->getPosition(); position.hasValue())
            if (const auto bpm = position->getBpm(); bpm.hasValue())
                return *bpm;
    return PreDelayTime::defaultTempo;
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

juce::AudioProcessorEditor* PartitaAudioProcessor::createEditor()
{
    // The host takes ownership of the editor (JUCE's API hands over a raw pointer).
    return std::make_unique<PartitaEditor> (*this).release();
}

// Reporting ----------------------------------------------------------------------

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
        // The standalone app runs without an audio device until one is
        // chosen: the IR is shown at its own rate meanwhile, and played at
        // the device's once one opens.
        const bool noDevice = wrapperType == wrapperType_Standalone && rate <= 0.0;
        loading.status().processorChanged (
            dsp, noDevice ? ". No audio device is open: choose one under Options > Audio Settings" : "");
    }

    // The recent list is a JUCE object of the message thread; elsewhere
    // (prepareToPlay on a host's audio device thread) it waits for the timer.
    if (!juce::MessageManager::existsAndIsCurrentThread())
        return;
    for (const auto& path : loading.status().takeFilesRead())
        recent.add (juce::File (juce::String::fromUTF8 (path.c_str())));
}

// State ------------------------------------------------------------------------------

std::vector<std::uint8_t> PartitaAudioProcessor::stateBytes()
{
    std::string problem;
    auto bytes = session.save (bridge.read(), problem);
    if (!problem.empty())
        statusMessage.set (problem, StatusMessage::Severity::warning);
    return bytes;
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
    std::string error;
    auto parsed = SessionState::read (bytes, error);
    if (!parsed.has_value())
    {
        statusMessage.set (error, StatusMessage::Severity::error);
        return false;
    }
    // A file still being read from before must not replace the session's IR.
    loading.cancelPending();
    const auto outcome = session.apply (std::move (*parsed),
                                        [this] (const ProcessorParameters& values)
                                        {
                                            bridge.apply (values);
                                            return bridge.read();
                                        });
    loading.status().stopAwaiting();
    refreshFromConvolver();
    statusMessage.set (outcome.message,
                       outcome.withProblems ? StatusMessage::Severity::warning : StatusMessage::Severity::information);
    return true;
}

} // namespace partita

// The entry point every JUCE plugin wrapper calls.
juce::AudioProcessor* JUCE_CALLTYPE createPluginFilter()
{
    return std::make_unique<partita::PartitaAudioProcessor>().release();
}
