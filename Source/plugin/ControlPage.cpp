// SPDX-License-Identifier: GPL-3.0-or-later
#include "ControlPage.h"

#include "EditorPages.h"
#include "PartitaLookAndFeel.h"

#include <algorithm>
#include <cmath>

namespace partita
{
namespace
{
/** A row of controls is never taller than this at the default size: a page
    with fewer rows than the tallest page centres them rather than growing
    its knobs without end. */
constexpr int tallestRowAtDefaultSize = 120;
} // namespace

ControlPage::ControlPage (juce::AudioProcessorValueTreeState& state, EditorSection section,
                          std::span<const ParameterDefinition* const> rows, Heading headingShown)
    : shownSection (section)
    , heading (headingShown)
{
    setTitle (EditorPages::title (section));
    setDescription (EditorPages::description (section));

    std::vector<const ParameterDefinition*> ordered (rows.begin(), rows.end());
    std::stable_sort (ordered.begin(), ordered.end(),
                      [] (const ParameterDefinition* a, const ParameterDefinition* b)
                      { return a->editorColumn < b->editorColumn; });
    int order = 1;
    for (const auto* row : ordered)
    {
        auto& control = *parameterControls.emplace_back (std::make_unique<ParameterControl> (state, row->id));
        // Within the page, Tab follows the columns, whatever rows they wrap into.
        control.setExplicitFocusOrder (order++);
        addAndMakeVisible (control);
    }

    if (heading == Heading::shown)
    {
        headingLabel.setText (EditorPages::title (section), juce::dontSendNotification);
        headingLabel.setColour (juce::Label::textColourId, PartitaLookAndFeel::dimText);
        headingLabel.setJustificationType (juce::Justification::centredLeft);
        headingLabel.setBorderSize ({ 1, 2, 1, 2 });
        // The group says the name to screen readers already.
        headingLabel.setAccessible (false);
        addAndMakeVisible (headingLabel);
    }
}

ControlPage::~ControlPage() = default;

std::vector<ParameterControl*> ControlPage::controls() const
{
    std::vector<ParameterControl*> result;
    for (const auto& control : parameterControls)
        result.push_back (control.get());
    return result;
}

std::vector<juce::Component*> ControlPage::focusTargets() const
{
    std::vector<juce::Component*> targets;
    for (const auto& control : parameterControls)
        targets.push_back (&control->focusTarget());
    return targets;
}

void ControlPage::setScale (float newScale)
{
    scale = newScale;
    headingLabel.setFont (juce::Font (PartitaLookAndFeel::textHeight (15.0f, scale), juce::Font::bold));
    for (auto& control : parameterControls)
        control->setScale (scale);
    resized();
}

std::vector<ControlWidth> ControlPage::widths() const
{
    std::vector<ControlWidth> result;
    for (const auto& control : parameterControls)
        result.push_back ({ control->minimumWidth() + 2 * sideMargin, control->widthWeight() });
    return result;
}

int ControlPage::headingWidth() const
{
    if (heading == Heading::hidden)
        return 0;
    return static_cast<int> (std::ceil (headingLabel.getFont().getStringWidthFloat (headingLabel.getText())))
           + headingLabel.getBorderSize().getLeftAndRight() + 6;
}

int ControlPage::rowsNeeded (int width) const
{
    return ControlWrapping::rowsNeeded (widths(), width - headingWidth());
}

void ControlPage::resized()
{
    auto area = getLocalBounds();
    if (heading == Heading::shown)
        headingLabel.setBounds (area.removeFromLeft (headingWidth()));

    const auto claims = widths();
    const auto rows = ControlWrapping::rowsNeeded (claims, area.getWidth());
    if (rows == 0)
        return;
    const auto tallest = juce::roundToInt (static_cast<float> (tallestRowAtDefaultSize) * scale);
    const auto rowHeight = std::min (tallest, (area.getHeight() - (rows - 1) * rowGap) / rows);
    const auto used = rows * rowHeight + (rows - 1) * rowGap;
    const auto block = area.withSizeKeepingCentre (area.getWidth(), used);

    const auto bounds = ControlWrapping::layOut (claims, block, rowHeight, rowGap);
    for (std::size_t index = 0; index < parameterControls.size(); ++index)
        parameterControls[index]->setBounds (bounds[index].reduced (sideMargin, 0));
}

std::unique_ptr<juce::AccessibilityHandler> ControlPage::createAccessibilityHandler()
{
    return std::make_unique<juce::AccessibilityHandler> (*this, juce::AccessibilityRole::group);
}

} // namespace partita
