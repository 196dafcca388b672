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
    loaded, so that trimming reads in the file's own time.

    Threading: message thread. */
class IrWaveformView final : public juce::Component
{
public:
    IrWaveformView();

    void setImpulseResponse (std::shared_ptr<const ImpulseResponseInfo> info);
    void setTrim (float startMs, float endMs, bool reversed);

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
    static void paintLane (juce::Graphics& g, juce::Rectangle<float> lane, const std::vector<Column>& data, float peak,
                           const juce::String& name);
    static juce::Path envelopePath (juce::Rectangle<float> lane, const std::vector<Column>& data, float peak);
    void paintTrim (juce::Graphics& g, juce::Rectangle<float> area, double durationMs) const;

    std::shared_ptr<const ImpulseResponseInfo> shownInfo;
    std::vector<std::vector<Column>> columns;
    float trimStartMs = 0.0f;
    float trimEndMs = 0.0f;
    bool isReversed = false;
};

} // namespace partita
