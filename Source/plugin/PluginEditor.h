// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AnalysisPage.h"
#include "BrowserPanel.h"
#include "ControlRows.h"
#include "EditorFileActions.h"
#include "EditorHeader.h"
#include "EditorInfoLine.h"
#include "FrequencyResponseView.h"
#include "IrWaveformView.h"
#include "MessageBar.h"
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

    It lays out and polls; its parts do the rest: EditorHeader (title and
    buttons), EditorFileActions (what the buttons and drops do with files),
    EditorInfoLine (the IR, latency and CPU in words), the two views,
    ControlRows (every parameter, on pages by section, with the output row
    always shown) and MessageBar. The views share the width by the shown
    page: the EQ page gives the frequency response the larger part, the
    envelope page the waveform.

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
    [[nodiscard]] juce::String impulseResponseText() const { return infoLine.impulseResponseText(); }
    [[nodiscard]] AnalysisPage& analysis() noexcept { return analysisPage; }
    /** Where Tab goes, in order: the header's buttons, the browser's
        controls (when it is shown), the shown page's controls, the response
        view. */
    [[nodiscard]] std::vector<juce::Component*> focusOrder();

    /** Shows or hides the IR browser (the header's Browser button, Ctrl+B),
        remembered in the user's settings. Showing it widens the window by
        the browser's width (and hiding it narrows it again), so that the
        views and controls keep their room. */
    void setBrowserShown (bool shown);
    [[nodiscard]] bool isBrowserShown() const { return browser.isVisible(); }
    [[nodiscard]] BrowserPanel& browserPanel() noexcept { return browser; }

    static constexpr int defaultWidth = 1000;
    /** Wide enough for the IR page's ten controls in one row, its two
        choices showing their whole names ("B-format AmbiX") beside legible
        captions; a page with more controls wraps (ControlPage). */
    static constexpr int minimumWidth = 900;
    static constexpr int minimumHeight = 560;
    static constexpr int defaultHeight = 660;
    static constexpr int maximumWidth = 2400;
    static constexpr int maximumHeight = 1600;
    /** With the browser shown the window is this much wider: the browser
        takes 3 parts of 13 (300 px of 1300 at the default size). */
    static constexpr double browserWidening = 1.3;

private:
    /** The smaller of the editor's width (less the browser's, when shown)
        and height over the default size's: 1 at 1000 x 660, 0.78 at the
        smallest size, 2.4 at the largest. */
    [[nodiscard]] float scale() const;
    /** The browser's width, while it is shown: 3/13 of the editor's. */
    [[nodiscard]] int browserWidth() const;
    /** The waveform's percentage of the views' width while `page` is shown. */
    [[nodiscard]] static int waveformShare (EditorSection page);
    /** A row of controls at the default size, at the least: a knob still a
        knob between its caption and its value box. */
    static constexpr int minimumRowHeight = 84;

    void timerCallback() override;
    void globalFocusChanged (juce::Component* focusedComponent) override;

    void showImpulseResponse();
    void showParameters();
    /** The explicit focus orders from focusOrder(), after the browser was
        shown or hidden. */
    void updateFocusOrder();

    PartitaAudioProcessor& partita;
    PartitaLookAndFeel lookAndFeel;
    juce::TooltipWindow tooltips { this, 600 };

    /** Before the header, whose buttons call it. */
    EditorFileActions actions;
    EditorHeader header { actions };
    EditorInfoLine infoLine;
    IrWaveformView waveform;
    FrequencyResponseView frequencyResponse;
    ControlRows controls;
    /** The analysis page's plot (in the views' place) and table (in the page's panel). */
    AnalysisPage analysisPage;
    BrowserPanel browser;
    MessageBar messageBar;

    std::uint64_t shownMessageVersion = ~std::uint64_t { 0 };
    std::shared_ptr<const ImpulseResponseInfo> shownInfo;
    bool hasShownInfo = false;
    bool dragIsOver = false;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (PartitaEditor)
};

} // namespace partita
