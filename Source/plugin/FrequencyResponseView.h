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

    void paint (juce::Graphics&) override;

private:
    void updateCurve();

    WetPathResponse response;
    std::shared_ptr<const ImpulseResponseInfo> shownInfo;
    bool hasInfo = false;
    float lowCut = parameterRow ("lowCut").range.defaultValue;
    float highCut = parameterRow ("highCut").range.defaultValue;
    float wetGain = parameterRow ("wetGain").range.defaultValue;
    std::vector<float> curve;
};

} // namespace partita
