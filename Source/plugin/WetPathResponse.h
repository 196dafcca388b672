// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <vector>

namespace partita
{

/** The magnitude response of the wet path for the editor's plot: the spectrum
    of the shaped IR (its channels' powers averaged, smoothed over 1/6 octave)
    times the low- and high-cut filters' responses (the processor's own
    Butterworth coefficients, processor/Biquad.h) plus the wet gain. JUCE-free
    so that a test can check it against closed forms.

    Threading: one thread at a time (the editor's message thread); setting an
    IR runs an FFT of its length and allocates. */
class WetPathResponse
{
public:
    /** Points of the curve, log-spaced from 20 Hz to 20 kHz (or Nyquist). */
    static constexpr std::size_t numPoints = 240;

    /** An empty IR means "no IR": a unit impulse, 0 dB everywhere. */
    void setImpulseResponse (const std::vector<std::vector<float>>& channels, double sampleRate);

    /** The response at frequencies() in dB (floored at -120 dB). */
    [[nodiscard]] std::vector<float> curveDb (float lowCutHz, float highCutHz, float wetGainDb) const;

    [[nodiscard]] const std::vector<float>& frequencies() const noexcept { return pointFrequencies; }
    [[nodiscard]] double sampleRate() const noexcept { return rate; }

private:
    double rate = 48000.0;
    std::vector<float> pointFrequencies;
    /** The IR's smoothed power at each point. */
    std::vector<double> irPower;
};

} // namespace partita
