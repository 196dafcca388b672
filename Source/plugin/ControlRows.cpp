// SPDX-License-Identifier: GPL-3.0-or-later
#include "ControlRows.h"

#include "processor/ParameterTable.h"

namespace partita
{

ControlRows::ControlRows (juce::AudioProcessorValueTreeState& state)
{
    for (const auto* row : parametersInEditorOrder())
    {
        auto& controls = row->action == ParameterAction::shaping ? shapingControls : mixControls;
        controls.push_back (std::make_unique<ParameterControl> (state, row->id));
    }
    for (auto& control : shapingControls)
        addAndMakeVisible (*control);
    for (auto& control : mixControls)
        addAndMakeVisible (*control);
}

ControlRows::~ControlRows() = default;

std::vector<juce::Component*> ControlRows::focusTargets() const
{
    std::vector<juce::Component*> targets;
    for (const auto* row : { &shapingControls, &mixControls })
        for (const auto& control : *row)
            targets.push_back (&control->focusTarget());
    return targets;
}

void ControlRows::setScale (float scale)
{
    for (const auto* row : { &shapingControls, &mixControls })
        for (const auto& control : *row)
            control->setScale (scale);
}

void ControlRows::resized()
{
    auto area = getLocalBounds();
    const auto rowHeight = (area.getHeight() - rowGap) / 2;
    layOut (area.removeFromBottom (rowHeight), mixControls);
    area.removeFromBottom (rowGap);
    layOut (area.removeFromBottom (rowHeight), shapingControls);
}

void ControlRows::layOut (juce::Rectangle<int> area, Row& row)
{
    float totalWeight = 0.0f;
    for (const auto& control : row)
        totalWeight += control->widthWeight();
    const auto unit = static_cast<float> (area.getWidth()) / totalWeight;
    auto left = static_cast<float> (area.getX());
    for (auto& control : row)
    {
        const auto right = left + unit * control->widthWeight();
        control->setBounds (juce::Rectangle<int> (juce::roundToInt (left), area.getY(),
                                                  juce::roundToInt (right) - juce::roundToInt (left), area.getHeight())
                                .reduced (2, 0));
        left = right;
    }
}

std::unique_ptr<juce::AccessibilityHandler> ControlRows::createAccessibilityHandler()
{
    return createIgnoredAccessibilityHandler (*this);
}

} // namespace partita
