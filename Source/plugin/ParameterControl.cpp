// SPDX-License-Identifier: GPL-3.0-or-later
#include "ParameterControl.h"

#include "PartitaLookAndFeel.h"

#include <stdexcept>

namespace partita
{

ParameterControl::ParameterControl (juce::AudioProcessorValueTreeState& state, std::string_view parameterId)
{
    const juce::String id (parameterId.data(), parameterId.size());
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
        choice->setBounds (area.withSizeKeepingCentre (area.getWidth() - 4, scaled (26)));
    else
        knob->setBounds (area);
}

} // namespace partita
