// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "processor/ImpulseResponseInfo.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <memory>
#include <vector>

namespace partita
{

/** The loaded IR, one lane per channel: its waveform (min/max per pixel
    column), its envelope (RMS per column, 60 dB from the lane's edge to its
    centre) and the parts the trim parameters cut off, shaded. Shows the IR as
    loaded, so that trimming reads in the file's own time. The channels'
    names stand in a gutter left of the plot, where no trim line can cross
    them, in text that scales with the editor.

    Threading: message thread. */
class IrWaveformView final : public juce::Component
{
public:
    IrWaveformView();

    void setImpulseResponse (std::shared_ptr<const ImpulseResponseInfo> info);
    void setTrim (float startMs, float endMs, bool reversed);
    /** The editor's scale (PartitaEditor::resized): sets the text's size. */
    void setScale (float scale);

    /** Where the waveforms, the shading and the trim lines are drawn. */
    [[nodiscard]] juce::Rectangle<int> plotArea() const;
    /** Where each channel's name is drawn, in its font (labelFont). */
    [[nodiscard]] std::vector<juce::Rectangle<float>> channelLabelAreas() const;
    [[nodiscard]] juce::Font labelFont() const;

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    struct Column
    {
        float minimum = 0.0f;
        float maximum = 0.0f;
        float rms = 0.0f;
    };

    void computeColumns();
    [[nodiscard]] float peakOverChannels() const;
    /** The channels of the IR shown (none when there is none). */
    [[nodiscard]] std::size_t numChannels() const;
    /** A lane's name: L and R, the true-stereo paths or W X Y Z by layout. */
    [[nodiscard]] juce::String laneName (std::size_t channel) const;
    [[nodiscard]] juce::Rectangle<int> laneArea (std::size_t channel) const;
    [[nodiscard]] int gutterWidth() const;
    static void paintLane (juce::Graphics& g, juce::Rectangle<float> lane, const std::vector<Column>& data, float peak);
    static juce::Path envelopePath (juce::Rectangle<float> lane, const std::vector<Column>& data, float peak);
    void paintTrim (juce::Graphics& g, juce::Rectangle<float> area, double durationMs) const;

    std::shared_ptr<const ImpulseResponseInfo> shownInfo;
    std::vector<std::vector<Column>> columns;
    float trimStartMs = 0.0f;
    float trimEndMs = 0.0f;
    bool isReversed = false;
    float scale = 1.0f;
};

} // namespace partita
