// SPDX-License-Identifier: GPL-3.0-or-later
#include "StateVariableFilter.h"

#include "analysis/AnalogBiquad.h"

#include <cmath>
#include <numbers>

namespace partita
{

void StateVariableFilter::setSection (const BiquadSection& section, double sampleRate,
                                      std::size_t glideSamples) noexcept
{
    // H(p) = (c2 p^2 + c1 p + c0) / (p^2 + k p + 1) = c2 HP + c1 BP + c0 LP
    // with HP = v0 - k v1 - v2, BP = v1, LP = v2.
    const auto analogue = AnalogBiquad::fromDigital (section, sampleRate);
    target.g = std::tan (std::numbers::pi * analogue.f0 / sampleRate);
    target.k = 1.0 / analogue.q;
    target.mixInput = analogue.c2;
    target.mixBand = analogue.c1 - analogue.c2 * target.k;
    target.mixLow = analogue.c0 - analogue.c2;
    setGains (target);

    if (glideSamples == 0)
    {
        now = target;
        glideLeft = 0;
        return;
    }
    // g, k and the mixes move in straight lines (the gains follow from g
    // and k on every sample, so that every point of the glide is a stable
    // filter).
    const auto samples = static_cast<double> (glideSamples);
    step.g = (target.g - now.g) / samples;
    step.k = (target.k - now.k) / samples;
    step.mixInput = (target.mixInput - now.mixInput) / samples;
    step.mixBand = (target.mixBand - now.mixBand) / samples;
    step.mixLow = (target.mixLow - now.mixLow) / samples;
    glideLeft = glideSamples;
}

void StateVariableFilter::glide() noexcept
{
    if (--glideLeft == 0)
    {
        state1 *= now.k / target.k;
        now = target;
        return;
    }
    now.g += step.g;
    const double previousK = now.k;
    now.k += step.k;
    state1 *= previousK / now.k;
    now.mixInput += step.mixInput;
    now.mixBand += step.mixBand;
    now.mixLow += step.mixLow;
    setGains (now);
}

void StateVariableFilter::setGains (Coefficients& c) const noexcept
{
    c.gain1 = 1.0 / (1.0 + c.g * (c.g + c.k));
    c.gain2 = c.g * c.gain1;
    c.gain3 = c.g * c.gain2;
}

void StateVariableFilter::resetIfNotFinite() noexcept
{
    if (!std::isfinite (state1) || !std::isfinite (state2))
        reset();
}

} // namespace partita
