// SPDX-License-Identifier: GPL-3.0-or-later
#include "MeasurePanel.h"

#include "io/AudioFileWriter.h"
#include "plugin/PartitaLookAndFeel.h"
#include "state/RestoredImpulseResponse.h"

#include <cmath>
#include <exception>

namespace partita
{
namespace
{
/** The reference box's first item: no loopback. */
constexpr int noReferenceId = 1;
/** Channel items: id = channel + this. */
constexpr int channelIdOffset = 2;

void setUpSlider (juce::Slider& slider, double minimum, double maximum, double interval, double value,
                  const juce::String& suffix, const juce::String& title, bool logarithmic = false)
{
    slider.setSliderStyle (juce::Slider::LinearHorizontal);
    slider.setTextBoxStyle (juce::Slider::TextBoxRight, false, 80, 22);
    slider.setRange (minimum, maximum, interval);
    if (logarithmic)
        slider.setSkewFactorFromMidPoint (std::sqrt (minimum * maximum));
    slider.setValue (value, juce::dontSendNotification);
    slider.setTextValueSuffix (suffix);
    slider.setTitle (title);
}

juce::String decibels (double value)
{
    return std::isfinite (value) ? juce::String (value, 1) + " dB" : juce::String ("above any noise");
}
} // namespace

MeasurePanel::MeasurePanel (MeasureChannels channels, Callbacks callbacks)
    : device (std::move (channels))
    , hooks (std::move (callbacks))
{
    setLookAndFeel (&lookAndFeel);
    setTitle ("Measure");
    for (auto* label :
         { &outputLabel, &inputLabel, &referenceLabel, &startLabel, &endLabel, &lengthLabel, &levelLabel })
    {
        label->setColour (juce::Label::textColourId, PartitaLookAndFeel::dimText);
        addAndMakeVisible (*label);
    }
    outputLabel.attachToComponent (&outputBox, false);
    inputLabel.attachToComponent (&inputBox, false);
    referenceLabel.attachToComponent (&referenceBox, false);
    outputBox.setTitle ("Output channel");
    inputBox.setTitle ("Input channel");
    referenceBox.setTitle ("Loopback reference input");
    outputBox.setTooltip ("The output the loudspeaker is on: the sweep plays there");
    inputBox.setTooltip ("The input the measuring microphone is on");
    referenceBox.setTooltip ("An input wired straight to the output (a loopback cable): its recording removes the "
                             "interface's latency and response from the IR");

    setUpSlider (startSlider, 10.0, 1000.0, 1.0, 20.0, " Hz", "Start frequency", true);
    setUpSlider (endSlider, 1000.0, 24000.0, 10.0, 20000.0, " Hz", "End frequency", true);
    setUpSlider (lengthSlider, 1.0, 60.0, 0.5, 10.0, " s", "Sweep length");
    setUpSlider (levelSlider, -40.0, -1.0, 0.5, -12.0, " dBFS", "Sweep level");
    lengthSlider.setTooltip ("A longer sweep gives more peak-to-noise ratio (3 dB per doubling); 3 s of silence "
                             "follow it for the room's decay");
    levelSlider.setTooltip ("Start low and raise it until the meter reaches about -12 dB; never into clipping");

    for (auto* component : std::initializer_list<juce::Component*> {
             &deviceLabel, &outputBox, &inputBox, &referenceBox, &startSlider, &endSlider, &lengthSlider, &levelSlider,
             &measureButton, &stopButton, &status, &irView, &result, &useButton, &saveButton })
        addAndMakeVisible (component);
    addChildComponent (clipWarning);

    clipWarning.setText ("The input clipped: lower the sweep's level or the input's gain, and measure again",
                         juce::dontSendNotification);
    clipWarning.setColour (juce::Label::textColourId, PartitaLookAndFeel::error);
    result.setColour (juce::Label::textColourId, PartitaLookAndFeel::text);
    result.setFont (juce::Font (15.0f, juce::Font::bold));
    deviceLabel.setColour (juce::Label::textColourId, PartitaLookAndFeel::dimText);

    measureButton.setTooltip ("Play the sweep on the output and record the input (the plugin is muted meanwhile)");
    useButton.setTooltip ("Load the measured IR into Partita, crossfaded like any IR; it is saved with the session");
    saveButton.setTooltip ("Write the measured IR as a WAV file (32-bit float)");
    measureButton.onClick = [this] { startMeasuring(); };
    stopButton.onClick = [this] { stopMeasuring(); };
    useButton.onClick = [this] { useAsIr(); };
    saveButton.onClick = [this] { chooseSaveFile(); };

    fillChannelBoxes();
    setStatus ("Set the channels and the sweep, then Measure");
    refreshButtons();
    setSize (defaultWidth, defaultHeight);
    startTimerHz (30);
}

MeasurePanel::~MeasurePanel()
{
    stopTimer();
    if (audioRunning && measurement.recorder() != nullptr && hooks.stopAudio)
        hooks.stopAudio (*measurement.recorder());
    setLookAndFeel (nullptr);
}

void MeasurePanel::setChannels (MeasureChannels channels)
{
    if (audioRunning)
        stopMeasuring();
    device = std::move (channels);
    fillChannelBoxes();
    refreshButtons();
}

void MeasurePanel::fillChannelBoxes()
{
    const auto fill = [] (juce::ComboBox& box, const juce::StringArray& names, bool withNone)
    {
        const auto previous = box.getSelectedId();
        box.clear (juce::dontSendNotification);
        if (withNone)
            box.addItem ("None", noReferenceId);
        for (int i = 0; i < names.size(); ++i)
            box.addItem (names[i], i + channelIdOffset);
        if (previous != 0 && box.indexOfItemId (previous) >= 0)
            box.setSelectedId (previous, juce::dontSendNotification);
        else
            box.setSelectedItemIndex (0, juce::dontSendNotification);
    };
    fill (outputBox, device.outputs, false);
    fill (inputBox, device.inputs, false);
    fill (referenceBox, device.inputs, true);
    deviceLabel.setText (device.deviceName.isEmpty()
                             ? juce::String ("No audio device is open: choose one in Options > Audio Settings")
                             : "Device: " + device.deviceName + " at " + juce::String (device.sampleRate, 0)
                                   + " Hz (the sweep is made at this rate)",
                         juce::dontSendNotification);
    if (device.sampleRate > 0.0)
        endSlider.setRange (1000.0, std::floor (device.sampleRate * 0.5), 10.0);
}

MeasurementSettings MeasurePanel::settings() const
{
    MeasurementSettings chosen;
    chosen.startHz = startSlider.getValue();
    chosen.endHz = endSlider.getValue();
    chosen.durationSeconds = lengthSlider.getValue();
    chosen.levelDbfs = levelSlider.getValue();
    chosen.routing.outputChannel = outputBox.getSelectedId() - channelIdOffset;
    chosen.routing.inputChannel = inputBox.getSelectedId() - channelIdOffset;
    if (referenceBox.getSelectedId() >= channelIdOffset)
        chosen.routing.referenceChannel = referenceBox.getSelectedId() - channelIdOffset;
    return chosen;
}

void MeasurePanel::setSettings (const MeasurementSettings& chosen)
{
    startSlider.setValue (chosen.startHz, juce::dontSendNotification);
    endSlider.setValue (chosen.endHz, juce::dontSendNotification);
    lengthSlider.setValue (chosen.durationSeconds, juce::dontSendNotification);
    levelSlider.setValue (chosen.levelDbfs, juce::dontSendNotification);
    outputBox.setSelectedId (chosen.routing.outputChannel + channelIdOffset, juce::dontSendNotification);
    inputBox.setSelectedId (chosen.routing.inputChannel + channelIdOffset, juce::dontSendNotification);
    referenceBox.setSelectedId (chosen.routing.referenceChannel.has_value()
                                    ? *chosen.routing.referenceChannel + channelIdOffset
                                    : noReferenceId,
                                juce::dontSendNotification);
}

void MeasurePanel::startMeasuring()
{
    if (audioRunning)
        return;
    const auto chosen = settings();
    if (device.deviceName.isEmpty() || chosen.routing.outputChannel < 0 || chosen.routing.inputChannel < 0)
    {
        setStatus ("No output or input channel: open a device with both in Options > Audio Settings", true);
        return;
    }
    if (chosen.routing.referenceChannel == chosen.routing.inputChannel)
    {
        setStatus ("The loopback reference must be another input than the microphone's", true);
        return;
    }
    irView.setImpulseResponse ({}, device.sampleRate);
    result.setText ({}, juce::dontSendNotification);
    clipWarning.setVisible (false);
    try
    {
        auto& recorder = measurement.start (chosen, device.sampleRate);
        juce::String whyNot;
        if (!hooks.startAudio || !hooks.startAudio (recorder, whyNot))
        {
            measurement.cancel();
            setStatus ("Could not start the measurement: " + whyNot, true);
            refreshButtons();
            return;
        }
        audioRunning = true;
        name = "Measured " + juce::Time::getCurrentTime().formatted ("%Y-%m-%d %H-%M-%S");
        setStatus ("Measuring: keep quiet ...");
    }
    catch (const std::exception& error)
    {
        setStatus (error.what(), true);
    }
    refreshButtons();
}

void MeasurePanel::stopMeasuring()
{
    if (audioRunning && measurement.recorder() != nullptr && hooks.stopAudio)
        hooks.stopAudio (*measurement.recorder());
    audioRunning = false;
    measurement.cancel();
    setStatus ("Stopped");
    refreshButtons();
}

void MeasurePanel::update()
{
    if (auto* recorder = measurement.recorder())
    {
        const auto peak = recorder->takeInputPeak();
        const auto level = peak > 0.0f ? 20.0f * std::log10 (peak) : -120.0f;
        // The meter falls back at about 20 dB a second (at 30 updates a
        // second), as meters do, so a peak can be read.
        meterLevelDb = std::max (level, meterLevelDb - 0.7f);
        if (recorder->hasClipped())
            clipWarning.setVisible (true);
        repaint (meterArea);
    }

    const auto before = measurement.state();
    const auto now = measurement.update();
    if (audioRunning && now != MeasurementSession::State::recording)
    {
        // The recording is whole: the device plays the plugin again.
        if (hooks.stopAudio && measurement.recorder() != nullptr)
            hooks.stopAudio (*measurement.recorder());
        audioRunning = false;
    }
    if (now == MeasurementSession::State::recording)
    {
        const auto seconds = measurement.recordingSeconds();
        const auto done = measurement.recorder()->progress();
        setStatus ("Measuring: keep quiet ... " + juce::String (juce::roundToInt ((1.0 - done) * seconds)) + " s left");
    }
    if (now == before)
        return;
    if (now == MeasurementSession::State::deconvolving)
        setStatus ("Deconvolving the recording ...");
    else if (now == MeasurementSession::State::finished)
        showResult();
    else if (now == MeasurementSession::State::failed)
        setStatus ("The measurement failed: " + juce::String::fromUTF8 (measurement.error().c_str()), true);
    refreshButtons();
}

void MeasurePanel::showResult()
{
    const auto* measured = measurement.result();
    if (measured == nullptr)
        return;
    const auto& ir = measured->impulseResponse;
    irView.setImpulseResponse (ir.channels.front(), ir.sampleRate);
    const auto t30 = measured->t30.reliable() && std::isfinite (measured->t30.seconds)
                         ? juce::String (measured->t30.seconds, 2) + " s"
                         : juce::String ("not reliable (") + juce::String::fromUTF8 (measured->t30.flag.c_str()) + ")";
    result.setText ("Peak to noise " + decibels (measured->peakToNoiseDb) + "    T30 " + t30 + "    latency "
                        + juce::String (measured->latencySeconds * 1000.0, 1) + " ms (removed)",
                    juce::dontSendNotification);
    setStatus ("Measured " + juce::String (static_cast<double> (ir.numFrames()) / ir.sampleRate, 2)
               + " s of IR: Use as IR to play it, Save... to keep it");
}

void MeasurePanel::useAsIr()
{
    if (const auto* measured = measurement.result(); measured != nullptr && hooks.useAsIr)
    {
        hooks.useAsIr (*measured, name);
        setStatus ("Loaded into Partita as '" + name + "'");
    }
}

bool MeasurePanel::saveTo (const juce::File& file)
{
    const auto* measured = measurement.result();
    if (measured == nullptr)
        return false;
    try
    {
        writeAudioFile (pathFromUtf8 (file.getFullPathName().toStdString()), measured->impulseResponse, OutputFormat {},
                        OverwritePolicy::replace);
        setStatus ("Saved the IR to '" + file.getFullPathName() + "'");
        return true;
    }
    catch (const std::exception& error)
    {
        setStatus (error.what(), true);
        return false;
    }
}

void MeasurePanel::chooseSaveFile()
{
    chooser = std::make_unique<juce::FileChooser> (
        "Save the measured IR",
        juce::File::getSpecialLocation (juce::File::userDocumentsDirectory).getChildFile (name + ".wav"), "*.wav");
    const auto chooserFlags = juce::FileBrowserComponent::saveMode | juce::FileBrowserComponent::canSelectFiles
                              | juce::FileBrowserComponent::warnAboutOverwriting;
    chooser->launchAsync (chooserFlags,
                          [weakThis = juce::WeakReference<MeasurePanel> (this)] (const juce::FileChooser& fc)
                          {
                              if (auto* live = weakThis.get(); live != nullptr && fc.getResult() != juce::File())
                                  live->saveTo (fc.getResult().withFileExtension (".wav"));
                          });
}

void MeasurePanel::setStatus (const juce::String& text, bool isError)
{
    status.setText (text, juce::dontSendNotification);
    status.setColour (juce::Label::textColourId, isError ? PartitaLookAndFeel::error : PartitaLookAndFeel::text);
}

void MeasurePanel::refreshButtons()
{
    const auto state = measurement.state();
    const auto busy = audioRunning || state == MeasurementSession::State::deconvolving;
    measureButton.setEnabled (!busy && device.deviceName.isNotEmpty());
    stopButton.setEnabled (audioRunning);
    const auto hasResult = measurement.result() != nullptr;
    useButton.setEnabled (hasResult);
    saveButton.setEnabled (hasResult);
    for (auto* control : std::initializer_list<juce::Component*> { &outputBox, &inputBox, &referenceBox, &startSlider,
                                                                   &endSlider, &lengthSlider, &levelSlider })
        control->setEnabled (!busy);
}

void MeasurePanel::paint (juce::Graphics& g)
{
    g.fillAll (PartitaLookAndFeel::background);
    g.setColour (PartitaLookAndFeel::text);
    g.setFont (juce::Font (20.0f, juce::Font::bold));
    g.drawText ("Measure a room", getLocalBounds().reduced (14, 8).removeFromTop (28),
                juce::Justification::centredLeft);

    // The input meter: -60 to 0 dBFS, green up to -12, amber to -3, red above.
    g.setColour (PartitaLookAndFeel::panel);
    g.fillRect (meterArea);
    const auto fraction = juce::jlimit (0.0f, 1.0f, (meterLevelDb + 60.0f) / 60.0f);
    const auto colour = meterLevelDb > -3.0f    ? PartitaLookAndFeel::error
                        : meterLevelDb > -12.0f ? PartitaLookAndFeel::warning
                                                : juce::Colour (0xff5fc77a);
    g.setColour (colour);
    g.fillRect (meterArea.withWidth (juce::roundToInt (static_cast<float> (meterArea.getWidth()) * fraction)));
    // The level in words at the meter's right end, where the bar reaches
    // only near full scale.
    g.setColour (PartitaLookAndFeel::text);
    g.setFont (juce::Font (12.0f));
    g.drawText ("Input " + (meterLevelDb > -120.0f ? juce::String (meterLevelDb, 1) + " dBFS" : juce::String ("-inf")),
                meterArea.reduced (6, 0), juce::Justification::centredRight);
}

void MeasurePanel::resized()
{
    auto area = getLocalBounds().reduced (14, 8);
    area.removeFromTop (30);
    deviceLabel.setBounds (area.removeFromTop (22));
    area.removeFromTop (24); // the channel boxes' labels above them

    const auto thirds = area.getWidth() / 3;
    auto channelRow = area.removeFromTop (26);
    outputBox.setBounds (channelRow.removeFromLeft (thirds).reduced (4, 0));
    inputBox.setBounds (channelRow.removeFromLeft (thirds).reduced (4, 0));
    referenceBox.setBounds (channelRow.reduced (4, 0));
    area.removeFromTop (10);

    const auto half = area.getWidth() / 2;
    const auto sliderRow =
        [&area, half] (juce::Label& leftLabel, juce::Slider& left, juce::Label& rightLabel, juce::Slider& right)
    {
        auto row = area.removeFromTop (28);
        auto leftHalf = row.removeFromLeft (half);
        leftLabel.setBounds (leftHalf.removeFromLeft (60));
        left.setBounds (leftHalf.reduced (4, 2));
        rightLabel.setBounds (row.removeFromLeft (60));
        right.setBounds (row.reduced (4, 2));
        area.removeFromTop (4);
    };
    sliderRow (startLabel, startSlider, endLabel, endSlider);
    sliderRow (lengthLabel, lengthSlider, levelLabel, levelSlider);
    area.removeFromTop (8);

    auto buttons = area.removeFromTop (30);
    measureButton.setBounds (buttons.removeFromLeft (110).reduced (2));
    stopButton.setBounds (buttons.removeFromLeft (80).reduced (2));
    buttons.removeFromLeft (8);
    status.setBounds (buttons);
    area.removeFromTop (6);
    meterArea = area.removeFromTop (18).reduced (4, 0);
    clipWarning.setBounds (area.removeFromTop (22));
    area.removeFromTop (4);

    auto bottom = area.removeFromBottom (32);
    saveButton.setBounds (bottom.removeFromRight (100).reduced (2));
    useButton.setBounds (bottom.removeFromRight (110).reduced (2));
    result.setBounds (area.removeFromBottom (28));
    irView.setBounds (area.reduced (0, 4));
}

} // namespace partita
