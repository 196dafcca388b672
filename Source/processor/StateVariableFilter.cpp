// SPDX-License-Identifier: GPL-3.0-or-later
#include "StateVariableFilter.h"

#include "analysis/AnalogBiquad.h"

#include <cmath>
#include <numbers>

namespace partita
{

void StateVariableFilter::setSection (const BiquadSection& section, double sampleRate) noexcept
{
    // H(p) = (c2 p^2 + c1 p + c0) / (p^2 + k p + 1) = c2 HP + c1 BP + c0 LP
    // with HP = v0 - k v1 - v2, BP = v1, LP = v2.
    const auto analogue = AnalogBiquad::fromDigital (section, sampleRate);
    const double g = std::tan (std::numbers::pi * analogue.f0 / sampleRate);
    const double k = 1.0 / analogue.q;
    gain1 = 1.0 / (1.0 + g * (g + k));
    gain2 = g * gain1;
    gain3 = g * gain2;
    mixInput = analogue.c2;
    mixBand = analogue.c1 - analogue.c2 * k;
    mixLow = analogue.c0 - analogue.c2;
}

void StateVariableFilter::resetIfNotFinite() noexcept
{
    if (!std::isfinite (state1) || !std::isfinite (state2))
        reset();
}

} // namespace partita
