// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <vector>

namespace partita
{

/** A biquad for the generators, designed by the bilinear transform of an
    analogue prototype with the centre (or corner) frequency prewarped, as in
    R. Bristow-Johnson's cookbook: the digital response at frequency f is the
    prototype's at tan(pi f / fs) / tan(pi f0 / fs), a closed form the tests
    compare with. Runs over a whole signal in place, forwards, or forwards
    and backwards (zero phase, squared magnitude).

    Threading: immutable after design; run() keeps its state on the stack. */
class SecondOrderFilter
{
public:
    /** s^2 / (s^2 + s/q + 1): a resonant high-pass (q = 1/sqrt 2: Butterworth). */
    static SecondOrderFilter highPass (double hz, double q, double sampleRate);
    /** 1 / (s^2 + s/q + 1). */
    static SecondOrderFilter lowPass (double hz, double q, double sampleRate);
    /** (s^2 + s A/q + 1) / (s^2 + s/(A q) + 1), A = 10^(gainDb/40): gainDb at hz. */
    static SecondOrderFilter peak (double hz, double q, double gainDb, double sampleRate);
    /** RBJ shelves (slope 1): gainDb below (low) or above (high) hz. */
    static SecondOrderFilter lowShelf (double hz, double gainDb, double sampleRate);
    static SecondOrderFilter highShelf (double hz, double gainDb, double sampleRate);

    void run (std::vector<double>& signal) const noexcept;
    /** Forwards, then backwards: zero phase, the magnitude squared. */
    void runZeroPhase (std::vector<double>& signal) const noexcept;

    /** Several sections in cascade, forwards then backwards, all sections
        in one loop over the samples: each section's recursion waits only
        for its own previous output, so the sections overlap in the
        processor and a cascade of four costs little more than one. */
    static void runCascadeZeroPhase (const std::array<SecondOrderFilter, 4>& sections, std::vector<double>& signal);

private:
    void runReversed (std::vector<double>& signal) const noexcept;
    template <typename Iterator>
    static void runCascade (const std::array<SecondOrderFilter, 4>& sections, Iterator begin, Iterator end);

    double b0 = 1.0, b1 = 0.0, b2 = 0.0, a1 = 0.0, a2 = 0.0;
};

} // namespace partita
