// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FrequencyResponseView.h"
#include "IrWaveformView.h"
#include "MessageBar.h"
#include "ParameterControl.h"
#include "PartitaLookAndFeel.h"

#include <juce_audio_processors/juce_audio_processors.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace partita
{

class PartitaAudioProcessor;

/** The Partita editor: IR loading (file chooser, drag and drop, recent files,
    factory IRs), preset import and export, the IR's waveform and the wet
    path's frequency response, latency and CPU, every parameter, and a message
    line. Resizable; every control is reachable with Tab in reading order and
    works from the keyboard (space or Enter presses a button).

    It only reads from the processor on a timer and calls its message-thread
    methods: closing it never disturbs audio.

    Threading: message thread. */
class PartitaEditor final : public juce::AudioProcessorEditor,
                            public juce::FileDragAndDropTarget,
                            private juce::Timer,
                            private juce::FocusChangeListener
{
public:
    explicit PartitaEditor (PartitaAudioProcessor& owner);
    ~PartitaEditor() override;

    void paint (juce::Graphics&) override;
    void paintOverChildren (juce::Graphics&) override;
    void resized() override;
    bool keyPressed (const juce::KeyPress& key) override;

    bool isInterestedInFileDrag (const juce::StringArray& files) override;
    void fileDragEnter (const juce::StringArray& files, int x, int y) override;
    void fileDragExit (const juce::StringArray& files) override;
    void filesDropped (const juce::StringArray& files, int x, int y) override;

    /** Polls the processor now (the timer does it 10 times a second). */
    void refresh();

    /** For tests and the screenshot tool. */
    [[nodiscard]] juce::String messageText() const { return messageBar.text(); }
    [[nodiscard]] juce::String impulseResponseText() const { return irInfo.getText(); }
    [[nodiscard]] std::vector<juce::Component*> focusOrder() const;

    static constexpr int defaultWidth = 1000;
    static constexpr int defaultHeight = 660;

private:
    void timerCallback() override;
    void globalFocusChanged (juce::Component* focusedComponent) override;

    void chooseFile();
    void showFactoryMenu();
    void showRecentMenu();
    void exportPreset();
    void importPreset();
    void loadDroppedFile (const juce::File& file);

    PartitaAudioProcessor& partita;
    PartitaLookAndFeel lookAndFeel;
    juce::TooltipWindow tooltips { this, 600 };

    juce::Label title;
    juce::TextButton loadButton { "Load IR..." };
    juce::TextButton factoryButton { "Factory IRs" };
    juce::TextButton recentButton { "Recent" };
    juce::TextButton unloadButton { "Unload" };
    juce::TextButton importButton { "Import preset..." };
    juce::TextButton exportButton { "Export preset..." };
    juce::Label performance;
    juce::Label irInfo;
    IrWaveformView waveform;
    FrequencyResponseView frequencyResponse;
    std::vector<std::unique_ptr<ParameterControl>> shapingControls;
    std::vector<std::unique_ptr<ParameterControl>> mixControls;
    MessageBar messageBar;

    std::unique_ptr<juce::FileChooser> chooser;
    std::uint64_t shownMessageVersion = ~std::uint64_t { 0 };
    std::shared_ptr<const ImpulseResponseInfo> shownInfo;
    bool hasShownInfo = false;
    bool dragIsOver = false;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (PartitaEditor)
};

} // namespace partita
