// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "processor/ProcessorParameters.h"

#include <cstddef>
#include <vector>

namespace partita
{

/** The magnitude response of the wet path for the editor's plot: the spectrum
    of the shaped IR (its channels' powers averaged, smoothed over 1/6 octave)
    times the filters' response plus the wet gain, and the filters' response
    alone: the cuts at their slopes and the equaliser's bands, from the
    processor's own coefficients (processor/Biquad.h, EqualiserPrototype.h).
    JUCE-free so that a test can check it against closed forms.

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
    [[nodiscard]] std::vector<float> curveDb (const ProcessorParameters& parameters) const;

    /** The cuts' and the equaliser's response alone at frequencies(), in dB
        (floored at -120 dB). */
    [[nodiscard]] std::vector<float> filterCurveDb (const ProcessorParameters& parameters) const;

    /** The same at one frequency, in dB (not floored). */
    [[nodiscard]] double filterGainDb (const ProcessorParameters& parameters, double frequency) const;

    [[nodiscard]] const std::vector<float>& frequencies() const noexcept { return pointFrequencies; }
    [[nodiscard]] double sampleRate() const noexcept { return rate; }

private:
    /** |H|^2 of the cuts and bands at each frequency. */
    [[nodiscard]] std::vector<double> filterPower (const ProcessorParameters& parameters,
                                                   const std::vector<double>& at) const;

    double rate = 48000.0;
    std::vector<float> pointFrequencies;
    /** The IR's smoothed power at each point. */
    std::vector<double> irPower;
};

} // namespace partita
