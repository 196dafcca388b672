// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "WetPathResponse.h"
#include "processor/ImpulseResponseInfo.h"
#include "processor/ParameterTable.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <memory>
#include <vector>

namespace partita
{

/** Plots the magnitude response of the current wet path (WetPathResponse) on
    a log frequency axis, 60 dB tall, its top following the curve's peak.

    Threading: message thread. */
class FrequencyResponseView final : public juce::Component
{
public:
    FrequencyResponseView();

    /** The IR as shaped (null: no IR). Runs an FFT when the IR changed. */
    void setImpulseResponse (std::shared_ptr<const ImpulseResponseInfo> info);
    void setFilters (float lowCutHz, float highCutHz, float wetGainDb);
    /** The editor's scale (PartitaEditor::resized): the labels' text and the
        margins they need. */
    void setScale (float scale);

    void paint (juce::Graphics&) override;

private:
    /** Where a frequency and a level sit on the plot: log frequency across,
        rangeDb down from topDb (the curve's peak rounded up to 6 dB). */
    struct PlotScale
    {
        static constexpr float rangeDb = 60.0f;

        juce::Rectangle<float> plot;
        float lowestLog = 0.0f;
        float highestLog = 0.0f;
        float topDb = 0.0f;

        [[nodiscard]] float x (float hz) const;
        [[nodiscard]] float y (float db) const;
    };

    void updateCurve();
    /** The labels are as large as the graphics context's font. */
    static void paintFrequencyGrid (juce::Graphics& g, const PlotScale& scale, float highestHz);
    static void paintLevelGrid (juce::Graphics& g, const PlotScale& scale, float labelX);

    WetPathResponse response;
    std::shared_ptr<const ImpulseResponseInfo> shownInfo;
    bool hasInfo = false;
    float lowCut = parameterRow ("lowCut").range.defaultValue;
    float highCut = parameterRow ("highCut").range.defaultValue;
    float wetGain = parameterRow ("wetGain").range.defaultValue;
    std::vector<float> curve;
    float textScale = 1.0f;
};

} // namespace partita
