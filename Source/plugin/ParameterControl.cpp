// SPDX-License-Identifier: GPL-3.0-or-later
#include "ParameterControl.h"

#include "PartitaLookAndFeel.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace partita
{

ParameterControl::ParameterControl (juce::AudioProcessorValueTreeState& state, std::string_view parameterId)
    : id (parameterId.data(), parameterId.size())
{
    auto* parameter = state.getParameter (id);
    if (parameter == nullptr)
        throw std::logic_error ("no parameter '" + id.toStdString() + "'");

    const auto name = parameter->getName (64);
    setTitle (name);
    caption.setText (name, juce::dontSendNotification);
    caption.setJustificationType (juce::Justification::centred);
    caption.setInterceptsMouseClicks (false, false);
    // The whole width for the name: a row holds ten controls at the smallest size.
    caption.setBorderSize ({ 1, 1, 1, 1 });

    if (dynamic_cast<juce::AudioParameterBool*> (parameter) != nullptr)
    {
        toggle = std::make_unique<juce::ToggleButton> (name);
        toggle->setTitle (name);
        toggle->setWantsKeyboardFocus (true);
        addAndMakeVisible (*toggle);
        toggleAttachment = std::make_unique<juce::AudioProcessorValueTreeState::ButtonAttachment> (state, id, *toggle);
        return;
    }

    addAndMakeVisible (caption);

    if (auto* choiceParameter = dynamic_cast<juce::AudioParameterChoice*> (parameter))
    {
        choice = std::make_unique<juce::ComboBox> (name);
        choice->setTitle (name);
        choice->addItemList (choiceParameter->choices, 1);
        choice->setWantsKeyboardFocus (true);
        addAndMakeVisible (*choice);
        choiceAttachment =
            std::make_unique<juce::AudioProcessorValueTreeState::ComboBoxAttachment> (state, id, *choice);
        return;
    }

    knob = std::make_unique<juce::Slider> (juce::Slider::RotaryHorizontalVerticalDrag, juce::Slider::TextBoxBelow);
    knob->setTitle (name);
    knob->setTextBoxStyle (juce::Slider::TextBoxBelow, false, 78, 18);
    knob->setWantsKeyboardFocus (true);
    knob->setDoubleClickReturnValue (true, parameter->convertFrom0to1 (parameter->getDefaultValue()));
    addAndMakeVisible (*knob);
    knobAttachment = std::make_unique<juce::AudioProcessorValueTreeState::SliderAttachment> (state, id, *knob);
}

ParameterControl::~ParameterControl() = default;

void ParameterControl::setScale (float newScale)
{
    scale = newScale;
    caption.setFont (juce::Font (PartitaLookAndFeel::textHeight (15.0f, scale)));
    if (knob != nullptr)
        knob->setTextBoxStyle (juce::Slider::TextBoxBelow, false, scaled (78), scaled (18));
    resized();
}

int ParameterControl::scaled (int size) const
{
    return juce::roundToInt (static_cast<float> (size) * scale);
}

int ParameterControl::minimumWidth() const
{
    // The same fonts and borders as the control draws with (resized, and
    // PartitaLookAndFeel's value box, choice and toggle).
    const juce::Font font (PartitaLookAndFeel::textHeight (15.0f, scale));
    const auto textWidth = [&font] (const juce::String& text)
    { return static_cast<int> (std::ceil (font.getStringWidthFloat (text))); };

    int inner = 0;
    if (toggle != nullptr)
    {
        const auto fontSize = std::min (font.getHeight(), static_cast<float> (scaled (28)) * 0.75f);
        const auto tickWidth = static_cast<int> (std::ceil (fontSize * 1.1f));
        inner = 4 + tickWidth + 10 + textWidth (toggle->getButtonText()) + 2;
    }
    else
    {
        inner = textWidth (caption.getText()) + caption.getBorderSize().getLeftAndRight();
        if (choice != nullptr)
        {
            int longest = 0;
            for (int item = 0; item < choice->getNumItems(); ++item)
                longest = std::max (longest, textWidth (choice->getItemText (item)));
            inner = std::max (inner, longest + PartitaLookAndFeel::comboBoxTextPadding
                                         + PartitaLookAndFeel::comboArrowWidth (scaled (26)) + choiceInset);
        }
        else
        {
            inner = std::max (inner, scaled (78));
        }
    }
    return inner;
}

juce::Component& ParameterControl::focusTarget() noexcept
{
    if (knob != nullptr)
        return *knob;
    if (toggle != nullptr)
        return *toggle;
    return *choice;
}

void ParameterControl::resized()
{
    auto area = getLocalBounds();
    if (toggle != nullptr)
    {
        toggle->setBounds (area.withSizeKeepingCentre (area.getWidth(), scaled (28)));
        return;
    }

    caption.setBounds (area.removeFromTop (juce::roundToInt (caption.getFont().getHeight()) + 3));
    if (choice != nullptr)
        choice->setBounds (area.withSizeKeepingCentre (area.getWidth() - choiceInset, scaled (26)));
    else
        knob->setBounds (area);
}

} // namespace partita
