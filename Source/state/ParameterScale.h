// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace partita
{

/** The mapping between a continuous parameter's value (in its own unit) and
    the normalised 0..1 float that hosts store, automate and send back.

    The curve is JUCE's "skew for centre" law: `centre` sits at 0.5 when it
    lies inside the range, else the mapping is linear. What this class adds is
    exactness: a host keeps a parameter as a normalised float, and the float
    grid of normalised values is coarser than the float grid of values (100 x
    0.6f is 60.0000038, not 60), so a plain conversion moves a value the user
    set each time a session is saved and reloaded. fromNormalised() therefore
    returns, of all the values that map to the same normalised float, the one
    with the fewest decimal digits: a value a user typed or a preset holds (60,
    -3, 25, 120) comes back exactly, and value -> normalised -> value is a
    fixed point for every value it returns.

    Threading: immutable after construction; any thread. */
class ParameterScale
{
public:
    ParameterScale (float minimum, float maximum, float centre) noexcept;

    [[nodiscard]] float toNormalised (float value) const noexcept;
    [[nodiscard]] float fromNormalised (float normalised) const noexcept;

private:
    /** The value on the curve, unrounded. */
    [[nodiscard]] double curveValue (double normalised) const noexcept;
    /** The value with the fewest decimals that maps to `normalised`, if any. */
    [[nodiscard]] bool findShortestValue (float normalised, float& found) const noexcept;

    [[nodiscard]] double lowest() const noexcept { return static_cast<double> (minimum); }
    [[nodiscard]] double span() const noexcept { return static_cast<double> (maximum) - lowest(); }

    float minimum;
    float maximum;
    double skew = 1.0;
};

} // namespace partita
