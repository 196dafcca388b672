// SPDX-License-Identifier: GPL-3.0-or-later
#include "PartitaLookAndFeel.h"

#include <algorithm>

namespace partita
{

const juce::Colour PartitaLookAndFeel::background { 0xff15181d };
const juce::Colour PartitaLookAndFeel::panel { 0xff1f242b };
const juce::Colour PartitaLookAndFeel::accent { 0xff5fb3d9 };
const juce::Colour PartitaLookAndFeel::text { 0xffe4e8ee };
const juce::Colour PartitaLookAndFeel::dimText { 0xff8d96a3 };
const juce::Colour PartitaLookAndFeel::warning { 0xffe0b14a };
const juce::Colour PartitaLookAndFeel::error { 0xffff6b5e };
const juce::Colour PartitaLookAndFeel::pagePanel { 0xff1b2026 };

namespace
{
const juce::Identifier pageTabProperty { "partitaPageTab" };
} // namespace

void PartitaLookAndFeel::markAsPageTab (juce::Button& button)
{
    button.getProperties().set (pageTabProperty, true);
}

bool PartitaLookAndFeel::isPageTab (const juce::Button& button)
{
    return button.getProperties()[pageTabProperty];
}

PartitaLookAndFeel::PartitaLookAndFeel()
{
    setColourScheme (
        { background, panel, panel.brighter (0.1f), dimText, text, accent, juce::Colours::black, accent, text });
    setColour (juce::Slider::rotarySliderFillColourId, accent);
    setColour (juce::Slider::rotarySliderOutlineColourId, panel.brighter (0.25f));
    setColour (juce::Slider::thumbColourId, text);
    // The value boxes take typed values: an outline says so (JUCE's default
    // look drew one before this look reached them).
    setColour (juce::Slider::textBoxOutlineColourId, text.withAlpha (0.6f));
    setColour (juce::Slider::textBoxTextColourId, text);
    setColour (juce::Label::textColourId, text);
    setColour (juce::TextButton::buttonColourId, panel.brighter (0.12f));
    setColour (juce::TextButton::textColourOffId, text);
    setColour (juce::ComboBox::backgroundColourId, panel.brighter (0.12f));
    setColour (juce::ComboBox::outlineColourId, panel.brighter (0.3f));
    setColour (juce::ToggleButton::tickColourId, accent);
    setColour (juce::ToggleButton::textColourId, text);
}

float PartitaLookAndFeel::textHeight (float heightAtDefaultSize, float scale)
{
    return std::max (minimumTextHeight, heightAtDefaultSize * scale);
}

juce::Font PartitaLookAndFeel::getTextButtonFont (juce::TextButton&, int buttonHeight)
{
    return juce::Font (std::max (minimumTextHeight, 0.57f * static_cast<float> (buttonHeight)));
}

juce::Font PartitaLookAndFeel::getLabelFont (juce::Label& label)
{
    if (dynamic_cast<juce::Slider*> (label.getParentComponent()) != nullptr)
        return juce::Font (textHeight (15.0f, scale));
    return label.getFont();
}

int PartitaLookAndFeel::comboArrowWidth (int boxHeight)
{
    return std::max (12, juce::roundToInt (0.8f * static_cast<float> (boxHeight)));
}

juce::Font PartitaLookAndFeel::getComboBoxFont (juce::ComboBox&)
{
    return juce::Font (textHeight (15.0f, scale));
}

void PartitaLookAndFeel::positionComboBoxText (juce::ComboBox& box, juce::Label& label)
{
    // 1 + 5 + 2 of the comboBoxTextPadding left of the arrow; the box's other edge pixel right of it.
    label.setBounds (1, 1, box.getWidth() - comboArrowWidth (box.getHeight()) - 1, box.getHeight() - 2);
    label.setBorderSize ({ 1, 5, 1, 2 });
    label.setFont (getComboBoxFont (box));
}

void PartitaLookAndFeel::drawFocusRing (juce::Graphics& g, juce::Rectangle<float> bounds)
{
    g.setColour (accent.brighter (0.4f));
    g.drawRoundedRectangle (bounds.reduced (1.0f), 4.0f, 2.0f);
}

void PartitaLookAndFeel::drawButtonBackground (juce::Graphics& g, juce::Button& button,
                                               const juce::Colour& backgroundColour, bool isMouseOverButton,
                                               bool isButtonDown)
{
    if (isPageTab (button))
    {
        const auto bounds = button.getLocalBounds().toFloat();
        const auto selected = button.getToggleState();
        if (selected || isMouseOverButton)
        {
            juce::Path shape;
            shape.addRoundedRectangle (bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight(), 5.0f, 5.0f,
                                       true, true, false, false);
            g.setColour (selected ? pagePanel : pagePanel.withAlpha (0.6f));
            g.fillPath (shape);
        }
        if (selected)
        {
            g.setColour (accent);
            g.fillRect (bounds.withHeight (std::max (2.0f, bounds.getHeight() * 0.1f)).reduced (4.0f, 0.0f));
        }
        if (button.hasKeyboardFocus (false))
            drawFocusRing (g, bounds);
        return;
    }
    LookAndFeel_V4::drawButtonBackground (g, button, backgroundColour, isMouseOverButton, isButtonDown);
    if (button.hasKeyboardFocus (false))
        drawFocusRing (g, button.getLocalBounds().toFloat());
}

void PartitaLookAndFeel::drawButtonText (juce::Graphics& g, juce::TextButton& button, bool isMouseOverButton,
                                         bool isButtonDown)
{
    if (!isPageTab (button))
    {
        LookAndFeel_V4::drawButtonText (g, button, isMouseOverButton, isButtonDown);
        return;
    }
    const auto selected = button.getToggleState();
    auto font = getTextButtonFont (button, button.getHeight());
    g.setFont (selected ? font.boldened() : font);
    g.setColour (selected || isMouseOverButton ? text : dimText);
    g.drawText (button.getButtonText(), button.getLocalBounds(), juce::Justification::centred, false);
}

void PartitaLookAndFeel::drawToggleButton (juce::Graphics& g, juce::ToggleButton& button, bool isHighlighted,
                                           bool isDown)
{
    // LookAndFeel_V4's, with the text at the editor's scale instead of at most 15 px.
    const auto fontSize = std::min (textHeight (15.0f, scale), static_cast<float> (button.getHeight()) * 0.75f);
    const auto tickWidth = fontSize * 1.1f;
    drawTickBox (g, button, 4.0f, (static_cast<float> (button.getHeight()) - tickWidth) * 0.5f, tickWidth, tickWidth,
                 button.getToggleState(), button.isEnabled(), isHighlighted, isDown);
    g.setColour (button.findColour (juce::ToggleButton::textColourId));
    g.setFont (fontSize);
    if (!button.isEnabled())
        g.setOpacity (0.5f);
    g.drawFittedText (button.getButtonText(),
                      button.getLocalBounds().withTrimmedLeft (juce::roundToInt (tickWidth) + 10).withTrimmedRight (2),
                      juce::Justification::centredLeft, 10);
    if (button.hasKeyboardFocus (false))
        drawFocusRing (g, button.getLocalBounds().toFloat());
}

void PartitaLookAndFeel::drawRotarySlider (juce::Graphics& g, int x, int y, int width, int height,
                                           float sliderPosProportional, float rotaryStartAngle, float rotaryEndAngle,
                                           juce::Slider& slider)
{
    LookAndFeel_V4::drawRotarySlider (g, x, y, width, height, sliderPosProportional, rotaryStartAngle, rotaryEndAngle,
                                      slider);
    if (slider.hasKeyboardFocus (false))
        drawFocusRing (g, juce::Rectangle<int> (x, y, width, height).toFloat());
}

void PartitaLookAndFeel::drawComboBox (juce::Graphics& g, int width, int height, bool, int, int, int, int,
                                       juce::ComboBox& box)
{
    const auto bounds = juce::Rectangle<int> (0, 0, width, height).toFloat();
    constexpr float cornerSize = 3.0f;
    g.setColour (box.findColour (juce::ComboBox::backgroundColourId));
    g.fillRoundedRectangle (bounds, cornerSize);
    g.setColour (box.findColour (juce::ComboBox::outlineColourId));
    g.drawRoundedRectangle (bounds.reduced (0.5f), cornerSize, 1.0f);

    const auto arrowWidth = static_cast<float> (comboArrowWidth (height));
    const auto arrowZone = bounds.withLeft (bounds.getRight() - arrowWidth).reduced (arrowWidth * 0.25f, 0.0f);
    const auto drop = arrowZone.getWidth() * 0.3f;
    juce::Path arrow;
    arrow.startNewSubPath (arrowZone.getX(), arrowZone.getCentreY() - drop * 0.5f);
    arrow.lineTo (arrowZone.getCentreX(), arrowZone.getCentreY() + drop * 0.5f);
    arrow.lineTo (arrowZone.getRight(), arrowZone.getCentreY() - drop * 0.5f);
    g.setColour (box.findColour (juce::ComboBox::arrowColourId).withAlpha (box.isEnabled() ? 0.9f : 0.2f));
    g.strokePath (arrow, juce::PathStrokeType (2.0f));

    if (box.hasKeyboardFocus (false))
        drawFocusRing (g, juce::Rectangle<int> (0, 0, width, height).toFloat());
}

} // namespace partita
