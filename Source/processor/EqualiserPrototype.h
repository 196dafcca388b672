// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MatchedBiquadDesigner.h"
#include "analysis/AnalogBiquad.h"

namespace partita
{

/** The shapes of the wet equaliser's bands. */
enum class EqualiserShape
{
    lowShelf,
    peak,
    highShelf,
};

/** A band's analogue prototype, with A = 10^(gainDb / 40) and s normalised
    to the band's frequency (the RBJ cookbook's prototypes):

        peak:       (s^2 + s A / q + 1) / (s^2 + s / (A q) + 1)
        low shelf:  A (s^2 + s sqrt(A) / q + A) / (A s^2 + s sqrt(A) / q + 1)
        high shelf: A (A s^2 + s sqrt(A) / q + 1) / (s^2 + s sqrt(A) / q + A)

    so a peak has gainDb at its frequency, a shelf gainDb at DC (low) or far
    above (high) and half of it at its frequency; q = 1/sqrt 2 is the
    steepest shelf without overshoot. A band and the same band at -gainDb
    are exact inverses. */
[[nodiscard]] AnalogBiquad equaliserPrototype (EqualiserShape shape, double frequency, double gainDb,
                                               double q) noexcept;

/** The band's digital section (MatchedBiquadDesigner): the prototype whose
    poles are the lower or sharper singularities is matched, and inverted
    when it is the band's inverse. At 0 dB the section is 1 to rounding,
    with the band's poles, so that a gain swept through 0 dB stays smooth
    (the band is bypassed only when it rests at 0 dB: EqualiserBand). */
[[nodiscard]] BiquadSection equaliserSection (const MatchedBiquadDesigner& designer, EqualiserShape shape,
                                              double frequency, double gainDb, double q) noexcept;

} // namespace partita
