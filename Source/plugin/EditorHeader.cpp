// SPDX-License-Identifier: GPL-3.0-or-later
#include "EditorHeader.h"

#include "EditorFileActions.h"
#include "PartitaLookAndFeel.h"

namespace partita
{
namespace
{
// At the editor's default size; they scale with it.
constexpr int titleWidth = 110;
constexpr float titleHeight = 22.0f;
constexpr int buttonWidth = 104;
/** "Unload" is a short word: a narrower button leaves room for the others. */
constexpr int unloadButtonWidth = 78;
/** "Measure" too. */
constexpr int measureButtonWidth = 86;
/** "Browser" too; with them the nine buttons fit the default width. */
constexpr int browserButtonWidth = 84;
/** How often slot B's button follows what slot B holds. */
constexpr int slotRefreshMilliseconds = 250;

void styleButton (juce::TextButton& button, const juce::String& tooltip)
{
    button.setTooltip (tooltip);
    button.setWantsKeyboardFocus (true);
    button.setMouseClickGrabsKeyboardFocus (true);
}
} // namespace

EditorHeader::EditorHeader (EditorFileActions& actions)
    : fileActions (actions)
{
    title.setText ("Partita", juce::dontSendNotification);
    title.setColour (juce::Label::textColourId, PartitaLookAndFeel::accent);
    addAndMakeVisible (title);

    styleButton (loadButton, "Choose an IR file (WAV, AIFF, FLAC, Ogg). You can also drop a file onto this window.");
    styleButton (factoryButton, "IRs that come with Partita");
    styleButton (recentButton, "IR files loaded lately");
    styleButton (unloadButton, "Play without an IR: empties both slots (the wet path passes the input through)");
    styleButton (slotButton, "The second IR slot, blended with the first by the Slots controls: load an IR into slot "
                             "B, or empty slot B or slot A");
    styleButton (importButton, "Load a preset file (.partita): parameters and IR");
    styleButton (exportButton, "Save the parameters and the IR as a preset file, e.g. for partita render --state");
    styleButton (measureButton, "Turn a recording of a sweep into an IR (Deconvolve recording...), or write Partita's "
                                "sweep to play in the room. Shift+drop a recording onto this window deconvolves it.");
    loadButton.onClick = [&actions] { actions.chooseImpulseResponse(); };
    factoryButton.onClick = [this, &actions] { actions.showFactoryMenu (factoryButton); };
    recentButton.onClick = [this, &actions] { actions.showRecentMenu (recentButton); };
    unloadButton.onClick = [&actions] { actions.unload(); };
    slotButton.onClick = [this, &actions] { actions.showSlotMenu (slotButton); };
    importButton.onClick = [&actions] { actions.importPreset(); };
    exportButton.onClick = [&actions] { actions.exportPreset(); };
    measureButton.onClick = [this, &actions] { actions.showMeasureMenu (measureButton); };
    styleButton (browserButton, "Show or hide the IR browser: your IR folders, the factory IRs and the recent files, "
                                "with search and step-through (Ctrl+B)");
    browserButton.setClickingTogglesState (false);
    browserButton.setColour (juce::TextButton::buttonOnColourId, PartitaLookAndFeel::accent.withAlpha (0.45f));
    browserButton.onClick = [this]
    {
        if (onBrowserButton)
            onBrowserButton();
    };
    for (auto* button : buttons())
        addAndMakeVisible (*button);
    setScale (1.0f);
    startTimer (slotRefreshMilliseconds);
}

void EditorHeader::refreshSlotNames()
{
    const auto name = fileActions.slotName (IrSlot::b);
    const auto text = name.empty() ? juce::String ("Slot B") : "B: " + juce::String::fromUTF8 (name.c_str());
    if (slotButton.getButtonText() != text)
        slotButton.setButtonText (text);
}

void EditorHeader::timerCallback()
{
    refreshSlotNames();
}

void EditorHeader::setScale (float newScale)
{
    scale = newScale;
    title.setFont (juce::Font (PartitaLookAndFeel::textHeight (titleHeight, scale), juce::Font::bold));
}

void EditorHeader::setBrowserShown (bool shown)
{
    browserButton.setToggleState (shown, juce::dontSendNotification);
}

std::array<juce::Component*, 9> EditorHeader::buttons() const
{
    // The buttons are this component's children: handing them out as
    // components to focus and lay out is what the editor needs them for.
    auto& self = const_cast<EditorHeader&> (*this);
    return { &self.loadButton, &self.factoryButton, &self.recentButton, &self.unloadButton,
             &self.slotButton, &self.importButton,  &self.exportButton, &self.measureButton,
             &self.browserButton };
}

void EditorHeader::resized()
{
    auto area = getLocalBounds();
    const auto scaled = [this] (int width) { return juce::roundToInt (static_cast<float> (width) * scale); };
    title.setBounds (area.removeFromLeft (scaled (titleWidth)));
    for (auto* button : buttons())
    {
        const auto width = button == &unloadButton    ? unloadButtonWidth
                           : button == &measureButton ? measureButtonWidth
                           : button == &browserButton ? browserButtonWidth
                                                      : buttonWidth;
        button->setBounds (area.removeFromLeft (scaled (width)).reduced (3, 2));
    }
}

std::unique_ptr<juce::AccessibilityHandler> EditorHeader::createAccessibilityHandler()
{
    return createIgnoredAccessibilityHandler (*this);
}

} // namespace partita
