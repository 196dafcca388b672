// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

namespace partita
{

/** The editor's colours, and a visible focus ring on every control that has
    the keyboard focus (JUCE's default look shows none, which leaves keyboard
    users guessing where Tab went).

    Threading: message thread. */
class PartitaLookAndFeel final : public juce::LookAndFeel_V4
{
public:
    PartitaLookAndFeel();

    static const juce::Colour background;
    static const juce::Colour panel;
    static const juce::Colour accent;
    static const juce::Colour text;
    static const juce::Colour dimText;
    static const juce::Colour warning;
    static const juce::Colour error;

    /** Page tabs (markAsPageTab) are drawn as tabs over the page's panel:
        the selected one in the panel's colour with an accent line, joined
        to the panel below; the others flat. */
    void drawButtonBackground (juce::Graphics&, juce::Button&, const juce::Colour& backgroundColour,
                               bool isMouseOverButton, bool isButtonDown) override;
    void drawButtonText (juce::Graphics&, juce::TextButton&, bool isMouseOverButton, bool isButtonDown) override;
    void drawToggleButton (juce::Graphics&, juce::ToggleButton&, bool isHighlighted, bool isDown) override;
    void drawRotarySlider (juce::Graphics&, int x, int y, int width, int height, float sliderPosProportional,
                           float rotaryStartAngle, float rotaryEndAngle, juce::Slider&) override;
    void drawComboBox (juce::Graphics&, int width, int height, bool isButtonDown, int buttonX, int buttonY, int buttonW,
                       int buttonH, juce::ComboBox&) override;
    /** In proportion to the button's height, without JUCE's 16 px cap, so
        that the buttons' text grows with the editor. */
    juce::Font getTextButtonFont (juce::TextButton&, int buttonHeight) override;
    /** A knob's value box: its text at the editor's scale. */
    juce::Font getLabelFont (juce::Label&) override;
    juce::Font getComboBoxFont (juce::ComboBox&) override;
    /** The choice's name gets all the box but an arrow zone in proportion
        to the box's height (drawComboBox). */
    void positionComboBoxText (juce::ComboBox&, juce::Label&) override;

    /** The editor's scale (PartitaEditor::resized), for the text that JUCE's
        controls draw themselves (value boxes, choices, toggles). */
    void setScale (float newScale) { scale = newScale; }

    /** The smallest text the editor draws: legible at its smallest size. */
    static constexpr float minimumTextHeight = 12.0f;

    /** A text height for the editor's scale (the editor's size over its
        default size, PartitaEditor::resized): the height at the default size
        times scale, never below minimumTextHeight. */
    static float textHeight (float heightAtDefaultSize, float scale);

    /** A choice box's arrow zone at its right: in proportion to the box's
        height rather than JUCE's fixed 30 px, so that the name of the choice
        keeps the width (positionComboBoxText). */
    static int comboArrowWidth (int boxHeight);
    /** A choice box's width beside its name and its arrow zone: the name's
        borders and the box's edges (positionComboBoxText). */
    static constexpr int comboBoxTextPadding = 8;

    /** Draws a button as a page tab (EditorPageTabs). */
    static void markAsPageTab (juce::Button&);
    [[nodiscard]] static bool isPageTab (const juce::Button&);
    /** The colour of the panel a page's controls sit on, and of its tab. */
    static const juce::Colour pagePanel;

    /** The ring drawn around a focused control's bounds. */
    static void drawFocusRing (juce::Graphics&, juce::Rectangle<float> bounds);

private:
    float scale = 1.0f;
};

} // namespace partita
