// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/AnalogBiquad.h"
#include "analysis/BiquadSection.h"

#include <array>
#include <cstddef>

namespace partita
{

/** Designs a digital biquad whose magnitude follows an analogue prototype's
    across the audio band, without the bilinear transform's cramping near
    Nyquist (a plain RBJ peak at 12 kHz and 48 kHz is several dB off its
    prototype at 10 kHz).

    The method extends Vicanek's "matched second-order digital filters"
    (2016). The poles are the prototype's, mapped by impulse invariance
    (z = e^(sT)), so a resonance keeps its frequency and bandwidth. With
    phi = sin^2 (w / 2), any biquad's squared magnitude is
        |H|^2 = (B0 (1 - phi) + B1 phi + B2 4 phi (1 - phi)) / (same in A),
    linear in the numerator's B's. B0 is set by the prototype's gain at DC,
    and one constraint makes the gain exact at the pole frequency (or
    0.45 fs above it); the last degree of freedom is the least-squares fit
    of the relative error on 24 log-spaced frequencies up to 12 kHz (or
    fs / 4), where Vicanek matches Nyquist instead. The numerator is then
    factored back into minimum-phase b's.

    Use it for prototypes whose poles are the lower or sharper singularities
    (a boosting peak or low shelf, a cutting high shelf) and invert for the
    others (EqualiserPrototype.h): then the poles carry the shape. Measured
    against the prototypes over the equaliser's settings, within 0.1 dB up
    to 10 kHz at 48 and 96 kHz (EqualiserDesignTest).

    Threading: construction computes the grid; design() is noexcept, does
    not allocate and may run on the audio thread. */
class MatchedBiquadDesigner
{
public:
    explicit MatchedBiquadDesigner (double sampleRate = 48000.0) noexcept;

    /** The matched section; when the fitted numerator cannot be factored (no
        setting of the equaliser's ranges does that) the bilinear transform
        prewarped at the prototype's f0. */
    [[nodiscard]] BiquadSection design (const AnalogBiquad& prototype) const noexcept;

    [[nodiscard]] double sampleRate() const noexcept { return rate; }

private:
    static constexpr std::size_t gridSize = 24;

    struct GridPoint
    {
        double frequency;
        /** sin^2 (pi f / fs) and its complement. */
        double phi;
    };

    double rate;
    std::array<GridPoint, gridSize> grid {};
};

} // namespace partita
