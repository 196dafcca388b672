// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BiquadSection.h"

#include <span>
#include <vector>

namespace partita
{

/** A Butterworth band-pass between two band edges, for octave and
    third-octave analysis to IEC 61260-1 class 1: the Butterworth low-pass
    prototype of order N, turned into a band-pass (s -> (s^2 + w0^2) / (B s),
    N biquads) whose edges are prewarped so that the digital filter's -3 dB
    points fall exactly on the band's edges, and brought to the sample rate
    by the bilinear transform (each section through AnalogBiquad).

    N = 3 (sixth order) is the lowest order whose skirts meet class 1 (one
    octave from an octave band's centre it attenuates 19.7 dB, where class 1
    asks for 16.6 to 17.5), and is used wherever it meets it. Near Nyquist the
    bilinear transform squeezes the upper skirt (more attenuation) but
    widens the lower one: for a band whose upper edge lies above a fifth of
    the sample rate (8 kHz at 44.1 and 48 kHz) the lower skirt of order 3
    falls 0.1 to 1.1 dB short of class 1 two and three octaves down, and N =
    4 (eighth order) is used instead.

    Threading: immutable after construction; filter() is a pure function. */
class BandPassFilter
{
public:
    /** lowerEdgeHz < upperEdgeHz < sampleRate / 2. */
    BandPassFilter (double lowerEdgeHz, double upperEdgeHz, double sampleRate);

    /** |H(e^(j 2 pi f / fs))| of the sections in cascade. */
    [[nodiscard]] double magnitudeAt (double frequencyHz) const noexcept;

    /** The group delay at frequencyHz, in seconds (the phase's slope,
        numerically): how far a filter run backwards moves a band's energy
        ahead in time. */
    [[nodiscard]] double groupDelayAt (double frequencyHz) const noexcept;

    /** The signal filtered backwards in time: the reversed signal through the
        sections, reversed back. See the .cpp for why. */
    [[nodiscard]] std::vector<double> filterTimeReversed (std::span<const double> signal) const;
    /** The same into `output` (resized to the signal's length), so that a
        caller filtering many bands can keep one buffer. */
    void filterTimeReversed (std::span<const double> signal, std::vector<double>& output) const;

    [[nodiscard]] const std::vector<BiquadSection>& sections() const noexcept { return cascade; }

private:
    std::vector<BiquadSection> cascade;
    double rate;
};

} // namespace partita
