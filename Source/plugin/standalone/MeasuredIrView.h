// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

#include <vector>

namespace partita
{

/** The Measure window's picture of the measured IR: its level in dB (the
    largest magnitude in each pixel column, 0 dB at the IR's peak, down to
    -90 dB) against time, which shows the direct sound, the decay and where
    it meets the noise floor at a glance, better than a linear waveform
    whose tail would be invisible.

    Threading: message thread. */
class MeasuredIrView final : public juce::Component
{
public:
    MeasuredIrView();

    /** An empty IR clears the view. */
    void setImpulseResponse (const std::vector<double>& samples, double sampleRate);

    void paint (juce::Graphics&) override;

    static constexpr double floorDb = -90.0;

private:
    std::vector<double> shown;
    double rate = 48000.0;
};

} // namespace partita
