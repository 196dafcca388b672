// SPDX-License-Identifier: GPL-3.0-or-later
#include "PluginEditor.h"

#include "FactoryImpulseResponses.h"
#include "PluginProcessor.h"
#include "processor/ParameterTable.h"
#include "state/RestoredImpulseResponse.h"
#include "state/StateFile.h"

#include <algorithm>
#include <array>
#include <exception>

namespace partita
{
namespace
{
constexpr const char* presetExtension = ".partita";
constexpr const char* audioWildcard = "*.wav;*.wave;*.aif;*.aiff;*.aifc;*.flac;*.ogg;*.oga;*.w64;*.caf;*.rf64";

bool isAudioFile (const juce::File& file)
{
    return file.hasFileExtension ("wav;wave;aif;aiff;aifc;flac;ogg;oga;w64;caf;rf64");
}

bool isPresetFile (const juce::File& file)
{
    return file.hasFileExtension (presetExtension);
}

juce::String describeImpulseResponse (const ImpulseResponseInfo* info)
{
    if (info == nullptr)
        return "IR: none (the wet path passes the input through)";

    const auto seconds =
        info->originalSampleRate > 0.0 ? static_cast<double> (info->originalFrames) / info->originalSampleRate : 0.0;
    auto text = "IR: " + juce::String::fromUTF8 (info->name.c_str()) + "  |  "
                + juce::String (describeChannelLayout (info->numChannels)) + "  |  "
                + juce::String (info->originalSampleRate, 0) + " Hz  |  " + juce::String (seconds, 3) + " s ("
                + juce::String (static_cast<juce::int64> (info->originalFrames)) + " samples)";
    if (info->sampleRate != info->originalSampleRate || info->shapedFrames() != info->originalFrames)
        text += "  |  playing " + juce::String (static_cast<juce::int64> (info->shapedFrames())) + " at "
                + juce::String (info->sampleRate, 0) + " Hz";
    return text;
}

void styleButton (juce::TextButton& button, const juce::String& tooltip)
{
    button.setTooltip (tooltip);
    button.setWantsKeyboardFocus (true);
    button.setMouseClickGrabsKeyboardFocus (true);
}
} // namespace

PartitaEditor::PartitaEditor (PartitaAudioProcessor& owner)
    : juce::AudioProcessorEditor (owner)
    , partita (owner)
{
    setLookAndFeel (&lookAndFeel);
    setTitle ("Partita");
    setFocusContainerType (juce::Component::FocusContainerType::keyboardFocusContainer);

    title.setText ("Partita", juce::dontSendNotification);
    title.setFont (juce::Font (22.0f, juce::Font::bold));
    title.setColour (juce::Label::textColourId, PartitaLookAndFeel::accent);
    addAndMakeVisible (title);

    styleButton (loadButton, "Choose an IR file (WAV, AIFF, FLAC, Ogg). You can also drop a file onto this window.");
    styleButton (factoryButton, "IRs that come with Partita");
    styleButton (recentButton, "IR files loaded lately");
    styleButton (unloadButton, "Play without an IR (the wet path passes the input through)");
    styleButton (importButton, "Load a preset file (.partita): parameters and IR");
    styleButton (exportButton, "Save the parameters and the IR as a preset file, e.g. for partita render --state");
    loadButton.onClick = [this] { chooseFile(); };
    factoryButton.onClick = [this] { showFactoryMenu(); };
    recentButton.onClick = [this] { showRecentMenu(); };
    unloadButton.onClick = [this] { partita.unloadImpulseResponse(); };
    importButton.onClick = [this] { importPreset(); };
    exportButton.onClick = [this] { exportPreset(); };
    for (auto* button : { &loadButton, &factoryButton, &recentButton, &unloadButton, &importButton, &exportButton })
        addAndMakeVisible (*button);

    performance.setJustificationType (juce::Justification::centredRight);
    performance.setTooltip ("The latency the host compensates, and the time the convolution takes as a share of one "
                            "core's real time");
    performance.setColour (juce::Label::textColourId, PartitaLookAndFeel::dimText);
    addAndMakeVisible (performance);

    irInfo.setColour (juce::Label::textColourId, PartitaLookAndFeel::text);
    irInfo.setMinimumHorizontalScale (0.6f);
    addAndMakeVisible (irInfo);

    addAndMakeVisible (waveform);
    addAndMakeVisible (frequencyResponse);
    // One row of controls for what shapes the IR, one for the live signal
    // path, each in the table's editor order.
    for (const auto* row : parametersInEditorOrder())
    {
        auto& controls = row->action == ParameterAction::shaping ? shapingControls : mixControls;
        controls.push_back (std::make_unique<ParameterControl> (partita.parameterState(), row->id));
    }
    for (auto& control : shapingControls)
        addAndMakeVisible (*control);
    for (auto& control : mixControls)
        addAndMakeVisible (*control);

    addAndMakeVisible (messageBar);

    // Tab follows reading order: the buttons, then the controls row by row.
    int order = 1;
    for (auto* component : focusOrder())
        component->setExplicitFocusOrder (order++);

    setResizable (true, true);
    setResizeLimits (780, 560, 2400, 1600);
    setSize (defaultWidth, defaultHeight);

    juce::Desktop::getInstance().addFocusChangeListener (this);
    refresh();
    startTimerHz (10);
}

PartitaEditor::~PartitaEditor()
{
    stopTimer();
    juce::Desktop::getInstance().removeFocusChangeListener (this);
    setLookAndFeel (nullptr);
}

std::vector<juce::Component*> PartitaEditor::focusOrder() const
{
    std::vector<juce::Component*> order {
        const_cast<juce::TextButton*> (&loadButton),   const_cast<juce::TextButton*> (&factoryButton),
        const_cast<juce::TextButton*> (&recentButton), const_cast<juce::TextButton*> (&unloadButton),
        const_cast<juce::TextButton*> (&importButton), const_cast<juce::TextButton*> (&exportButton)
    };
    for (const auto& control : shapingControls)
        order.push_back (&control->focusTarget());
    for (const auto& control : mixControls)
        order.push_back (&control->focusTarget());
    return order;
}

// Layout ---------------------------------------------------------------------------

void PartitaEditor::paint (juce::Graphics& g)
{
    g.fillAll (PartitaLookAndFeel::background);
}

void PartitaEditor::paintOverChildren (juce::Graphics& g)
{
    if (dragIsOver)
    {
        g.setColour (PartitaLookAndFeel::accent.withAlpha (0.15f));
        g.fillAll();
        g.setColour (PartitaLookAndFeel::accent);
        g.drawRect (getLocalBounds(), 3);
    }
}

void PartitaEditor::resized()
{
    auto area = getLocalBounds().reduced (10);

    auto header = area.removeFromTop (32);
    title.setBounds (header.removeFromLeft (110));
    for (auto* button : { &loadButton, &factoryButton, &recentButton, &unloadButton, &importButton, &exportButton })
    {
        button->setBounds (header.removeFromLeft (button == &unloadButton ? 78 : 116).reduced (3, 2));
    }
    area.removeFromTop (4);
    auto infoRow = area.removeFromTop (22);
    performance.setBounds (infoRow.removeFromRight (330));
    irInfo.setBounds (infoRow);
    area.removeFromTop (4);

    messageBar.setBounds (area.removeFromBottom (28));
    area.removeFromBottom (8);

    const auto layRow = [] (juce::Rectangle<int> row, std::vector<std::unique_ptr<ParameterControl>>& controls)
    {
        const auto width = row.getWidth() / static_cast<int> (controls.size());
        for (auto& control : controls)
            control->setBounds (row.removeFromLeft (width).reduced (4, 0));
    };
    const auto rowHeight = std::clamp (area.getHeight() / 5, 96, 140);
    layRow (area.removeFromBottom (rowHeight), mixControls);
    area.removeFromBottom (6);
    layRow (area.removeFromBottom (rowHeight), shapingControls);
    area.removeFromBottom (8);

    const auto waveformWidth = area.getWidth() * 55 / 100;
    waveform.setBounds (area.removeFromLeft (waveformWidth));
    area.removeFromLeft (8);
    frequencyResponse.setBounds (area);
}

// Polling --------------------------------------------------------------------------

void PartitaEditor::timerCallback()
{
    refresh();
}

void PartitaEditor::refresh()
{
    if (const auto message = partita.status(); message.version != shownMessageVersion)
    {
        shownMessageVersion = message.version;
        messageBar.show (message);
    }

    auto info = partita.convolver().impulseResponseInfo();
    if (!hasShownInfo || info != shownInfo)
    {
        hasShownInfo = true;
        shownInfo = info;
        irInfo.setText (describeImpulseResponse (info.get()), juce::dontSendNotification);
        waveform.setImpulseResponse (info);
        frequencyResponse.setImpulseResponse (info);
    }

    const auto parameters = partita.currentParameters();
    waveform.setTrim (parameters.trimStartMs, parameters.trimEndMs, parameters.reverse);
    frequencyResponse.setFilters (parameters.lowCutHz, parameters.highCutHz, parameters.wetGainDb);

    const auto latency = partita.getLatencySamples();
    const auto rate = partita.getSampleRate();
    const auto latencyMs = rate > 0.0 ? 1000.0 * latency / rate : 0.0;
    performance.setText ("Latency " + juce::String (latency) + " samples (" + juce::String (latencyMs, 1)
                             + " ms)  |  CPU " + juce::String (100.0f * partita.convolver().cpuLoad(), 1) + " %",
                         juce::dontSendNotification);
}

void PartitaEditor::globalFocusChanged (juce::Component*)
{
    // JUCE's sliders and combo boxes do not repaint when the focus moves; the
    // focus rings must follow it.
    repaint();
}

// Keyboard -----------------------------------------------------------------------------

bool PartitaEditor::keyPressed (const juce::KeyPress& key)
{
    // JUCE's buttons answer Enter but not space; keyboard users expect both.
    if (key == juce::KeyPress::spaceKey)
    {
        if (auto* button = dynamic_cast<juce::Button*> (juce::Component::getCurrentlyFocusedComponent()))
        {
            if (isParentOf (button))
            {
                button->triggerClick();
                return true;
            }
        }
    }

    if (key == juce::KeyPress ('o', juce::ModifierKeys::commandModifier, 0))
    {
        chooseFile();
        return true;
    }
    return false;
}

// Loading ------------------------------------------------------------------------------

void PartitaEditor::chooseFile()
{
    chooser = std::make_unique<juce::FileChooser> ("Load an impulse response", juce::File(), audioWildcard);
    const auto chooserFlags = juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles;
    chooser->launchAsync (chooserFlags,
                          [safeThis = juce::Component::SafePointer<PartitaEditor> (this)] (const juce::FileChooser& fc)
                          {
                              if (safeThis == nullptr || fc.getResult() == juce::File())
                                  return;
                              safeThis->partita.loadImpulseResponseFile (fc.getResult());
                              safeThis->refresh();
                          });
}

void PartitaEditor::showFactoryMenu()
{
    juce::PopupMenu menu;
    const auto& factory = factoryImpulseResponses();
    for (std::size_t i = 0; i < factory.size(); ++i)
        menu.addItem (static_cast<int> (i) + 1, juce::String::fromUTF8 (factory[i].displayName.c_str()));

    menu.showMenuAsync (juce::PopupMenu::Options().withTargetComponent (factoryButton),
                        [safeThis = juce::Component::SafePointer<PartitaEditor> (this)] (int result)
                        {
                            if (safeThis == nullptr || result <= 0)
                                return;
                            safeThis->partita.loadFactoryImpulseResponse (static_cast<std::size_t> (result - 1));
                            safeThis->refresh();
                        });
}

void PartitaEditor::showRecentMenu()
{
    const auto files = partita.recentFiles().files();
    juce::PopupMenu menu;
    if (files.isEmpty())
        menu.addItem (-1, "No IR files loaded yet", false);
    for (int i = 0; i < files.size(); ++i)
        menu.addItem (i + 1, files[i].getFileName() + "  (" + files[i].getParentDirectory().getFullPathName() + ")");
    if (!files.isEmpty())
    {
        menu.addSeparator();
        menu.addItem (1000, "Clear the list");
    }

    menu.showMenuAsync (juce::PopupMenu::Options().withTargetComponent (recentButton),
                        [safeThis = juce::Component::SafePointer<PartitaEditor> (this), files] (int result)
                        {
                            if (safeThis == nullptr || result <= 0)
                                return;
                            if (result == 1000)
                                safeThis->partita.recentFiles().clear();
                            else if (result <= files.size())
                                safeThis->partita.loadImpulseResponseFile (files[result - 1]);
                            safeThis->refresh();
                        });
}

void PartitaEditor::exportPreset()
{
    chooser = std::make_unique<juce::FileChooser> (
        "Export the preset (parameters and IR)",
        juce::File::getSpecialLocation (juce::File::userDocumentsDirectory).getChildFile ("Partita preset.partita"),
        juce::String ("*") + presetExtension);
    const auto chooserFlags = juce::FileBrowserComponent::saveMode | juce::FileBrowserComponent::canSelectFiles
                              | juce::FileBrowserComponent::warnAboutOverwriting;
    chooser->launchAsync (
        chooserFlags,
        [safeThis = juce::Component::SafePointer<PartitaEditor> (this)] (const juce::FileChooser& fc)
        {
            if (safeThis == nullptr || fc.getResult() == juce::File())
                return;
            const auto file = fc.getResult().withFileExtension (presetExtension);
            try
            {
                writeStateFile (pathFromUtf8 (file.getFullPathName().toStdString()), safeThis->partita.stateBytes());
                safeThis->partita.showMessage ("Exported the preset to '" + file.getFullPathName().toStdString() + "'",
                                               StatusMessage::Severity::information);
            }
            catch (const std::exception& error)
            {
                safeThis->partita.showMessage (error.what(), StatusMessage::Severity::error);
            }
            safeThis->refresh();
        });
}

void PartitaEditor::importPreset()
{
    chooser =
        std::make_unique<juce::FileChooser> ("Import a preset", juce::File(), juce::String ("*") + presetExtension);
    const auto chooserFlags = juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles;
    chooser->launchAsync (chooserFlags,
                          [safeThis = juce::Component::SafePointer<PartitaEditor> (this)] (const juce::FileChooser& fc)
                          {
                              if (safeThis == nullptr || fc.getResult() == juce::File())
                                  return;
                              safeThis->loadDroppedFile (fc.getResult());
                          });
}

void PartitaEditor::loadDroppedFile (const juce::File& file)
{
    if (isPresetFile (file))
    {
        try
        {
            partita.restoreState (readStateFile (pathFromUtf8 (file.getFullPathName().toStdString())));
        }
        catch (const std::exception& error)
        {
            partita.showMessage (error.what(), StatusMessage::Severity::error);
        }
    }
    else
    {
        // Anything else goes to the loader, which says clearly what it cannot read.
        partita.loadImpulseResponseFile (file);
    }
    refresh();
}

// Drag and drop ------------------------------------------------------------------------

bool PartitaEditor::isInterestedInFileDrag (const juce::StringArray& files)
{
    for (const auto& path : files)
    {
        const juce::File file (path);
        if (isAudioFile (file) || isPresetFile (file))
            return true;
    }
    return false;
}

void PartitaEditor::fileDragEnter (const juce::StringArray&, int, int)
{
    dragIsOver = true;
    repaint();
}

void PartitaEditor::fileDragExit (const juce::StringArray&)
{
    dragIsOver = false;
    repaint();
}

void PartitaEditor::filesDropped (const juce::StringArray& files, int, int)
{
    dragIsOver = false;
    repaint();
    for (const auto& path : files)
    {
        const juce::File file (path);
        if (isAudioFile (file) || isPresetFile (file))
        {
            loadDroppedFile (file);
            return;
        }
    }
}

} // namespace partita
