// SPDX-License-Identifier: GPL-3.0-or-later
#include "EqualiserPrototype.h"

#include <cmath>

namespace partita
{

AnalogBiquad equaliserPrototype (EqualiserShape shape, double frequency, double gainDb, double q) noexcept
{
    // AnalogBiquad is normalised to its pole frequency: the shelves' poles
    // sit at f / sqrt(A) (low) and f sqrt(A) (high), with the band's q.
    const double a = std::pow (10.0, gainDb / 40.0);
    const double rootA = std::sqrt (a);
    AnalogBiquad prototype;
    switch (shape)
    {
        case EqualiserShape::peak:
            prototype = { frequency, a * q, 1.0, a / q, 1.0 };
            break;
        case EqualiserShape::lowShelf:
            prototype = { frequency / rootA, q, 1.0, a / q, a * a };
            break;
        case EqualiserShape::highShelf:
            prototype = { frequency * rootA, q, a * a, a / q, 1.0 };
            break;
    }
    return prototype;
}

BiquadSection equaliserSection (const MatchedBiquadDesigner& designer, EqualiserShape shape, double frequency,
                                double gainDb, double q) noexcept
{
    // A boost's poles are its peak (or a low shelf's lower corner); a high
    // shelf's lower corner is its poles when it cuts.
    const bool poleShaped = shape == EqualiserShape::highShelf ? gainDb < 0.0 : gainDb > 0.0;
    if (poleShaped)
        return designer.design (equaliserPrototype (shape, frequency, gainDb, q));

    const auto inverse = designer.design (equaliserPrototype (shape, frequency, -gainDb, q));
    return { 1.0 / inverse.b0, inverse.a1 / inverse.b0, inverse.a2 / inverse.b0, inverse.b1 / inverse.b0,
             inverse.b2 / inverse.b0 };
}

} // namespace partita
