// SPDX-License-Identifier: GPL-3.0-or-later
#include "MeasureWindow.h"

#include "plugin/PartitaLookAndFeel.h"
#include "plugin/PluginProcessor.h"

namespace partita
{

MeasureWindow::MeasureWindow (juce::StandalonePluginHolder& holder)
    : juce::DocumentWindow ("Measure", PartitaLookAndFeel::background, juce::DocumentWindow::closeButton)
    , pluginHolder (holder)
{
    auto owned = std::make_unique<MeasurePanel> (channelsOf (holder.deviceManager), callbacks());
    panel = owned.get();
    setContentOwned (owned.release(), true);
    setUsingNativeTitleBar (true);
    setResizable (false, false);
    holder.deviceManager.addChangeListener (this);
    centreWithSize (getWidth(), getHeight());
}

MeasureWindow::~MeasureWindow()
{
    pluginHolder.deviceManager.removeChangeListener (this);
    // The panel stops a measurement under way through the callbacks.
    clearContentComponent();
}

MeasureChannels MeasureWindow::channelsOf (juce::AudioDeviceManager& deviceManager)
{
    MeasureChannels channels;
    auto* device = deviceManager.getCurrentAudioDevice();
    if (device == nullptr)
        return channels;
    channels.deviceName = device->getName();
    channels.sampleRate = device->getCurrentSampleRate();
    // The callback sees the active channels only, in order: the lists hold
    // those, so an item's index is the callback's channel number.
    const auto active = [] (const juce::StringArray& names, const juce::BigInteger& bits)
    {
        juce::StringArray shown;
        for (int i = 0; i < names.size(); ++i)
            if (bits[i])
                shown.add (juce::String (i + 1) + ": " + names[i]);
        return shown;
    };
    channels.outputs = active (device->getOutputChannelNames(), device->getActiveOutputChannels());
    channels.inputs = active (device->getInputChannelNames(), device->getActiveInputChannels());
    return channels;
}

MeasurePanel::Callbacks MeasureWindow::callbacks()
{
    MeasurePanel::Callbacks hooks;
    hooks.startAudio = [this] (SweepRecorder& recorder, juce::String& whyNot)
    {
        auto& devices = pluginHolder.deviceManager;
        if (devices.getCurrentAudioDevice() == nullptr)
        {
            whyNot = "no audio device is open";
            return false;
        }
        // The plugin is silent while the sweep plays (see the class comment).
        pluginHolder.stopPlaying();
        devices.addAudioCallback (&recorder);
        return true;
    };
    hooks.stopAudio = [this] (SweepRecorder& recorder)
    {
        pluginHolder.deviceManager.removeAudioCallback (&recorder);
        pluginHolder.startPlaying();
    };
    hooks.useAsIr = [this] (const MeasuredImpulseResponse& measured, const juce::String& name)
    {
        auto* partita = dynamic_cast<PartitaAudioProcessor*> (pluginHolder.processor.get());
        if (partita == nullptr)
            return;
        ImpulseResponseFileLoader::Computed computed {
            measured.impulseResponse,
            "measured, peak to noise " + juce::String (measured.peakToNoiseDb, 1).toStdString() + " dB"
        };
        partita->loadComputedImpulseResponse (name.toStdString(), "Loading the measured IR ...",
                                              [computed] { return computed; });
    };
    return hooks;
}

void MeasureWindow::changeListenerCallback (juce::ChangeBroadcaster*)
{
    if (panel != nullptr)
        panel->setChannels (channelsOf (pluginHolder.deviceManager));
}

void MeasureWindow::closeButtonPressed()
{
    if (panel != nullptr)
        panel->stopMeasuring();
    setVisible (false);
}

} // namespace partita
