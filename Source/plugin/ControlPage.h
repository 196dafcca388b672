// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ControlWrapping.h"
#include "ParameterControl.h"
#include "processor/ParameterTable.h"

#include <juce_audio_processors/juce_audio_processors.h>

#include <memory>
#include <span>
#include <vector>

namespace partita
{

/** The controls of one editor section (EditorPages), in editorColumn order,
    wrapped into as many rows as keep each control at least its minimum
    width (ControlWrapping).

    Screen readers meet it as a group named after the page ("Envelope"),
    so that moving into it says where the user is.

    Threading: message thread. */
class ControlPage final : public juce::Component
{
public:
    /** Whether the page shows its name at the left of its controls: the
        output row does, as no tab names it. */
    enum class Heading
    {
        hidden,
        shown,
    };

    /** A control for each of `rows` (any order: the page sorts them by
        editorColumn). */
    ControlPage (juce::AudioProcessorValueTreeState& state, EditorSection section,
                 std::span<const ParameterDefinition* const> rows, Heading heading);
    ~ControlPage() override;

    [[nodiscard]] EditorSection section() const noexcept { return shownSection; }
    [[nodiscard]] std::vector<ParameterControl*> controls() const;
    /** The controls' focus targets in reading order. */
    [[nodiscard]] std::vector<juce::Component*> focusTargets() const;

    /** The editor's scale (PartitaEditor::resized), for every control and
        the heading. */
    void setScale (float scale);

    /** The rows the controls need in `width` pixels at the current scale. */
    [[nodiscard]] int rowsNeeded (int width) const;

    /** The space between two rows. */
    static constexpr int rowGap = 4;
    /** The space left either side of each control. */
    static constexpr int sideMargin = 2;

    void resized() override;
    std::unique_ptr<juce::AccessibilityHandler> createAccessibilityHandler() override;

private:
    [[nodiscard]] std::vector<ControlWidth> widths() const;
    /** The heading's width, 0 when hidden. */
    [[nodiscard]] int headingWidth() const;

    EditorSection shownSection;
    Heading heading;
    juce::Label headingLabel;
    float scale = 1.0f;
    std::vector<std::unique_ptr<ParameterControl>> parameterControls;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (ControlPage)
};

} // namespace partita
