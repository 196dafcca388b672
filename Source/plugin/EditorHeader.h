// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

#include <array>
#include <functional>

namespace partita
{

class EditorFileActions;

/** The editor's top bar: the title and the buttons that load, pick, unload,
    import and export, each handing its click to EditorFileActions.

    A layout group only: it draws nothing of its own and is hidden from screen
    readers, so the buttons read as the editor's, as they did before the bar
    was a component.

    Threading: message thread. */
class EditorHeader final : public juce::Component, private juce::Timer
{
public:
    explicit EditorHeader (EditorFileActions& actions);

    /** The buttons in reading order, for the editor's focus order. */
    [[nodiscard]] std::array<juce::Component*, 9> buttons() const;

    /** The Browser button's click (the editor shows or hides the panel). */
    std::function<void()> onBrowserButton;
    /** Shows on the Browser button whether the panel is shown. */
    void setBrowserShown (bool shown);

    /** The editor's scale (PartitaEditor::resized): sets the title's size and
        the buttons' widths (their text follows their height). */
    void setScale (float scale);

    void resized() override;
    std::unique_ptr<juce::AccessibilityHandler> createAccessibilityHandler() override;

    /** Shows what slot B holds on its button ("B: name" or "Slot B"); the
        header's timer does it four times a second. */
    void refreshSlotNames();

private:
    /** Follows slot B's IR (a load, a restore, a clear) on its button. */
    void timerCallback() override;

    EditorFileActions& fileActions;
    juce::Label title;
    juce::TextButton loadButton { "Load IR..." };
    juce::TextButton factoryButton { "Factory IRs" };
    juce::TextButton recentButton { "Recent" };
    juce::TextButton unloadButton { "Unload" };
    /** Slot B's name and its menu: load into B, clear B, clear A. */
    juce::TextButton slotButton { "Slot B" };
    juce::TextButton importButton { "Import preset..." };
    juce::TextButton exportButton { "Export preset..." };
    /** Deconvolve a recording of a sweep; the sweep it is of. */
    juce::TextButton measureButton { "Measure" };
    /** Shows and hides the IR browser (Ctrl+B). */
    juce::TextButton browserButton { "Browser" };
    float scale = 1.0f;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (EditorHeader)
};

} // namespace partita
