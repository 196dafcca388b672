// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ParameterControl.h"

#include <juce_audio_processors/juce_audio_processors.h>

#include <memory>
#include <vector>

namespace partita
{

/** Every parameter's control, in two rows made from the parameter table: on
    top what reshapes the IR (rebuilt on the loader thread), below what acts
    live on the signal, each row in the table's editor order. Adding a
    parameter to the table adds its control here with no edit.

    A layout group only, hidden from screen readers (the controls read as the
    editor's own).

    Threading: message thread. */
class ControlRows final : public juce::Component
{
public:
    explicit ControlRows (juce::AudioProcessorValueTreeState& state);
    ~ControlRows() override;

    /** The space between the two rows. */
    static constexpr int rowGap = 6;

    /** The controls' focus targets, top row then bottom row, left to right. */
    [[nodiscard]] std::vector<juce::Component*> focusTargets() const;

    /** The editor's scale (PartitaEditor::resized), for every control. */
    void setScale (float scale);

    void resized() override;
    std::unique_ptr<juce::AccessibilityHandler> createAccessibilityHandler() override;

private:
    using Row = std::vector<std::unique_ptr<ParameterControl>>;

    static void layOut (juce::Rectangle<int> area, Row& row);

    Row shapingControls;
    Row mixControls;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (ControlRows)
};

} // namespace partita
