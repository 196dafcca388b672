// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "processor/ImpulseResponseInfo.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <memory>
#include <optional>
#include <vector>

namespace partita
{

/** The loaded IR, one lane per channel: its waveform (min/max per pixel
    column), its envelope (RMS per column, 60 dB from the lane's edge to its
    centre) and the parts the trim parameters cut off, shaded. Over them, when
    the envelope page shapes the IR, the envelope's gain (attack x reverb
    time x early/late, IrEnvelopeCurve::gainAt, the very curve the IR was
    multiplied by) as one line across the plot, in dB from +12 at its top to
    -60 at its bottom, with 0 dB dotted. Shows the IR as
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
    /** The envelope's line, one point per pixel column of the plot where the
        IR plays (none when the envelope is flat or no IR is shown). */
    [[nodiscard]] std::vector<juce::Point<float>> envelopeGainPoints() const;
    /** Where Max IR length cuts the IR the view shows, in the file's time
        (through the trim, the reverse and the stretch it was built with);
        nothing when the cap cuts nothing. What it cuts off is shaded. */
    [[nodiscard]] std::optional<float> lengthCapX() const;
    /** The line's height for a gain in dB (+12 at the plot's top, -60 at its bottom). */
    [[nodiscard]] float yForGainDb (double gainDb) const;

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
    void paintLengthCap (juce::Graphics& g, juce::Rectangle<float> area) const;
    /** The shown IR's file length in ms (an IR must be shown). */
    [[nodiscard]] double sourceDurationMs() const;
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
    void paintEnvelopeGain (juce::Graphics& g) const;

    std::shared_ptr<const ImpulseResponseInfo> shownInfo;
    std::vector<std::vector<Column>> columns;
    float trimStartMs = 0.0f;
    float trimEndMs = 0.0f;
    bool isReversed = false;
    float scale = 1.0f;
};

} // namespace partita
