// SPDX-License-Identifier: GPL-3.0-or-later
#include "state/ParameterScale.h"

#include "processor/ParameterTable.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

namespace partita
{
namespace
{
struct ScaleCase
{
    const char* name;
    ParameterRange range;
    float centre;
    std::vector<float> userValues; // values a user types or a preset holds
};

std::vector<ScaleCase> pluginScales()
{
    return {
        { "mix", parameterRow ("mix").range, 0.0f, { 60.0f, 70.0f, 33.3f, 0.5f, 99.9f, 12.25f } },
        { "wetGain", parameterRow ("wetGain").range, 0.0f, { -3.0f, -2.0f, 1.0f, -0.1f, 6.5f, -59.9f, 23.99f } },
        { "preDelay", parameterRow ("preDelay").range, 100.0f, { 25.0f, 7.0f, 12.0f, 0.3f, 333.3f, 499.0f } },
        { "irStart", parameterRow ("irStart").range, 300.0f, { 1.0f, 2.0f, 20.0f, 1234.5f, 0.01f } },
        { "stretch", parameterRow ("stretch").range, 100.0f, { 110.0f, 130.0f, 75.5f, 199.0f } },
        { "lowCut",
          parameterRow ("lowCut").range,
          std::sqrt (20.0f * 2000.0f),
          { 120.0f, 80.0f, 150.0f, 28.1f, 1999.0f } },
        { "highCut",
          parameterRow ("highCut").range,
          std::sqrt (1000.0f * 20000.0f),
          { 12000.0f, 9000.0f, 12130.0f, 1000.5f } },
        { "width", parameterRow ("width").range, 0.0f, { 140.0f, 160.0f, 0.1f, 199.9f } },
    };
}

// Reported from Ardour: after one save and reload, mix 60 came back as
// 60.0000038, wet gain -3 as -3.0000038, pre-delay 25 as 24.999998 and low
// cut 120 as 120.0000458, because a host keeps the normalised float.
TEST (ParameterScale, ValuesAUserSetComeBackExactlyFromTheHostsNormalisedValue)
{
    for (const auto& scale : pluginScales())
    {
        const ParameterScale mapping (scale.range.minimum, scale.range.maximum, scale.centre);
        auto values = scale.userValues;
        values.insert (values.end(), { scale.range.minimum, scale.range.maximum, scale.range.defaultValue });
        for (const auto value : values)
            EXPECT_EQ (mapping.fromNormalised (mapping.toNormalised (value)), value) << scale.name << " " << value;
    }
}

TEST (ParameterScale, EveryValueItReturnsIsAFixedPointOfTheRoundTrip)
{
    std::mt19937 random (7);
    std::uniform_real_distribution<float> normalised (0.0f, 1.0f);
    for (const auto& scale : pluginScales())
    {
        const ParameterScale mapping (scale.range.minimum, scale.range.maximum, scale.centre);
        for (int i = 0; i < 20000; ++i)
        {
            // Include normalised values near 0, where floats are densest.
            const auto n = i % 4 == 0 ? std::ldexp (normalised (random), -(i % 40)) : normalised (random);
            const auto value = mapping.fromNormalised (n);
            ASSERT_EQ (mapping.fromNormalised (mapping.toNormalised (value)), value) << scale.name << " n=" << n;
        }
    }
}

TEST (ParameterScale, FollowsTheSkewForCentreLaw)
{
    // value = min + (max - min) * n^(1 / skew), skew = log 0.5 / log ((centre - min) / (max - min)),
    // computed here in long double from the closed form.
    for (const auto& scale : pluginScales())
    {
        const ParameterScale mapping (scale.range.minimum, scale.range.maximum, scale.centre);
        const long double min = scale.range.minimum;
        const long double span = static_cast<long double> (scale.range.maximum) - min;
        const bool skewed = scale.centre > scale.range.minimum && scale.centre < scale.range.maximum;
        const long double skew = skewed ? std::log (0.5L) / std::log ((scale.centre - min) / span) : 1.0L;
        for (int i = 1; i < 100; ++i)
        {
            const auto n = static_cast<float> (i) / 100.0f;
            const auto expected = min + span * std::pow (static_cast<long double> (n), 1.0L / skew);
            EXPECT_NEAR (static_cast<double> (mapping.fromNormalised (n)), static_cast<double> (expected),
                         static_cast<double> (span) * 1.0e-6)
                << scale.name << " n=" << n;
        }
        if (skewed)
        {
            EXPECT_NEAR (mapping.toNormalised (scale.centre), 0.5f, 1.0e-6f) << scale.name;
        }
    }
}

TEST (ParameterScale, IsMonotonicAndClampsOutOfRangeAndNaN)
{
    for (const auto& scale : pluginScales())
    {
        const ParameterScale mapping (scale.range.minimum, scale.range.maximum, scale.centre);
        float previous = mapping.fromNormalised (0.0f);
        EXPECT_EQ (previous, scale.range.minimum);
        for (int i = 1; i <= 4096; ++i)
        {
            const auto value = mapping.fromNormalised (static_cast<float> (i) / 4096.0f);
            ASSERT_GE (value, previous) << scale.name;
            previous = value;
        }
        EXPECT_EQ (previous, scale.range.maximum);
        EXPECT_EQ (mapping.fromNormalised (-1.0f), scale.range.minimum);
        EXPECT_EQ (mapping.fromNormalised (2.0f), scale.range.maximum);
        EXPECT_EQ (mapping.fromNormalised (std::nanf ("")), scale.range.minimum);
        EXPECT_EQ (mapping.toNormalised (std::nanf ("")), 0.0f);
        EXPECT_EQ (mapping.toNormalised (scale.range.maximum + 1.0f), 1.0f);
    }
}
} // namespace
} // namespace partita
