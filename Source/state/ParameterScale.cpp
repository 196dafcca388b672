// SPDX-License-Identifier: GPL-3.0-or-later
#include "ParameterScale.h"

#include <algorithm>
#include <cmath>

namespace partita
{
namespace
{
/** Decimal places tried for the shortest value: beyond float's 7 significant
    digits a shorter value cannot exist. */
constexpr int maxDecimals = 9;
/** Float neighbours of the plain conversion tried when no short value maps
    back (only where normalised floats are denser than values, near 0). */
constexpr int neighboursTried = 8;
} // namespace

ParameterScale::ParameterScale (float minimumValue, float maximumValue, float centre) noexcept
    : minimum (minimumValue)
    , maximum (maximumValue)
{
    if (centre > minimum && centre < maximum)
        skew = std::log (0.5) / std::log ((static_cast<double> (centre) - lowest()) / span());
}

float ParameterScale::toNormalised (float value) const noexcept
{
    if (!(value > minimum)) // also NaN
        return 0.0f;
    if (!(value < maximum))
        return 1.0f;
    const auto proportion = (static_cast<double> (value) - lowest()) / span();
    return static_cast<float> (skew == 1.0 ? proportion : std::pow (proportion, skew));
}

double ParameterScale::curveValue (double normalised) const noexcept
{
    const auto proportion = skew == 1.0 || normalised <= 0.0 ? normalised : std::exp (std::log (normalised) / skew);
    return lowest() + span() * proportion;
}

bool ParameterScale::findShortestValue (float normalised, float& found) const noexcept
{
    const auto exact = curveValue (normalised);
    double scale = 1.0;
    for (int decimals = 0; decimals <= maxDecimals; ++decimals, scale *= 10.0)
    {
        // The lower of the two neighbours first, so the choice depends on the
        // normalised value alone.
        for (const auto rounded : { std::floor (exact * scale), std::ceil (exact * scale) })
        {
            const auto candidate = static_cast<float> (rounded / scale);
            if (candidate >= minimum && candidate <= maximum && toNormalised (candidate) == normalised)
            {
                found = candidate;
                return true;
            }
        }
    }

    auto candidate = static_cast<float> (exact);
    for (int step = 0; step <= neighboursTried; ++step)
    {
        for (const auto direction : { -1.0f, 1.0f })
        {
            auto neighbour = candidate;
            for (int i = 0; i < step; ++i)
                neighbour = std::nextafter (neighbour, direction * 3.0e38f);
            if (neighbour >= minimum && neighbour <= maximum && toNormalised (neighbour) == normalised)
            {
                found = neighbour;
                return true;
            }
        }
    }
    return false;
}

float ParameterScale::fromNormalised (float normalised) const noexcept
{
    if (!(normalised > 0.0f)) // also NaN
        return minimum;
    if (!(normalised < 1.0f))
        return maximum;

    float value = 0.0f;
    if (findShortestValue (normalised, value))
        return value;

    // No value maps to this normalised float: take the value the plain
    // conversion gives, and of the values that map where it maps, the
    // shortest, so that the result is still a fixed point.
    const auto plain = std::clamp (static_cast<float> (curveValue (normalised)), minimum, maximum);
    if (findShortestValue (toNormalised (plain), value))
        return value;
    return plain;
}

} // namespace partita
