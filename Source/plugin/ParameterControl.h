// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <juce_audio_processors/juce_audio_processors.h>

#include <memory>
#include <string_view>

namespace partita
{

/** One host parameter on the editor: a captioned rotary knob with a value box
    (float parameters), a toggle (bool) or a drop-down (choice), attached to
    the AudioProcessorValueTreeState so host automation and the control move
    together. Every control takes the keyboard focus: arrows move a knob,
    space or Enter flip a toggle, the value box takes typed values.

    Threading: message thread. */
class ParameterControl final : public juce::Component
{
public:
    ParameterControl (juce::AudioProcessorValueTreeState& state, std::string_view parameterId);
    ~ParameterControl() override;

    /** The component that takes the focus, for the editor's focus order. */
    [[nodiscard]] juce::Component& focusTarget() noexcept;
    /** The parameter's ID (the table's row). */
    [[nodiscard]] const juce::String& parameterId() const noexcept { return id; }
    /** Its share of a row's width: a choice box shows its choice's whole
        name ("B-format AmbiX", "Zero latency"), a knob only a short value. */
    [[nodiscard]] float widthWeight() const noexcept { return choice != nullptr ? 1.6f : 1.0f; }

    /** The editor's scale (PartitaEditor::resized): the caption's text, the
        value box and the toggle and choice heights. The value box's and the
        choice's text follow PartitaLookAndFeel's scale. */
    void setScale (float scale);

    /** The narrowest width, at the current scale, that keeps every text of
        the control whole on one line: the caption, the value box, the
        toggle's name or the choice's longest name beside its arrow. The
        layout (ControlPage) never goes below it. */
    [[nodiscard]] int minimumWidth() const;

    void resized() override;

private:
    /** A choice box is this much narrower than the control (resized). */
    static constexpr int choiceInset = 4;

    [[nodiscard]] int scaled (int size) const;

    juce::String id;
    juce::Label caption;
    float scale = 1.0f;
    std::unique_ptr<juce::Slider> knob;
    std::unique_ptr<juce::ToggleButton> toggle;
    std::unique_ptr<juce::ComboBox> choice;
    std::unique_ptr<juce::AudioProcessorValueTreeState::SliderAttachment> knobAttachment;
    std::unique_ptr<juce::AudioProcessorValueTreeState::ButtonAttachment> toggleAttachment;
    std::unique_ptr<juce::AudioProcessorValueTreeState::ComboBoxAttachment> choiceAttachment;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (ParameterControl)
};

} // namespace partita
