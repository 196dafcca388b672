// SPDX-License-Identifier: GPL-3.0-or-later
#include "plugin/WetPathResponse.h"

#include "processor/ParameterTable.h"

#include <gtest/gtest.h>

#include <cmath>

namespace partita
{
namespace
{
float valueAt (const WetPathResponse& response, const std::vector<float>& curve, float hz)
{
    const auto& frequencies = response.frequencies();
    std::size_t nearest = 0;
    for (std::size_t i = 0; i < frequencies.size(); ++i)
        if (std::abs (std::log (frequencies[i] / hz)) < std::abs (std::log (frequencies[nearest] / hz)))
            nearest = i;
    return curve[nearest];
}

constexpr float off20 = parameterRow ("lowCut").range.minimum;
constexpr float off20k = parameterRow ("highCut").range.maximum;
} // namespace

TEST (WetPathResponse, AUnitImpulseIsFlatAtZeroDecibels)
{
    WetPathResponse response;
    response.setImpulseResponse ({ { 1.0f } }, 48000.0);
    for (const auto db : response.curveDb (off20, off20k, 0.0f))
        EXPECT_NEAR (db, 0.0f, 1.0e-4f);
}

TEST (WetPathResponse, AHalfAmplitudeTapAndTheWetGainShiftTheCurve)
{
    WetPathResponse response;
    response.setImpulseResponse ({ { 0.5f } }, 48000.0);
    for (const auto db : response.curveDb (off20, off20k, 6.0f))
        EXPECT_NEAR (db, 6.0f + 20.0f * std::log10 (0.5f), 1.0e-3f);
}

TEST (WetPathResponse, TheLowCutIsAButterworthHighPassMinusThreeDecibelsAtItsCutoff)
{
    WetPathResponse response;
    response.setImpulseResponse ({}, 48000.0);
    const auto curve = response.curveDb (1000.0f, off20k, 0.0f);
    EXPECT_NEAR (valueAt (response, curve, 1000.0f), -3.01f, 0.3f);
    // Second order: 40 dB a decade below the cutoff.
    EXPECT_NEAR (valueAt (response, curve, 100.0f), -40.0f, 1.0f);
    EXPECT_NEAR (valueAt (response, curve, 15000.0f), 0.0f, 0.1f);
}

TEST (WetPathResponse, TheHighCutIsAButterworthLowPassMinusThreeDecibelsAtItsCutoff)
{
    WetPathResponse response;
    response.setImpulseResponse ({}, 96000.0);
    const auto curve = response.curveDb (off20, 2000.0f, 0.0f);
    EXPECT_NEAR (valueAt (response, curve, 2000.0f), -3.01f, 0.3f);
    EXPECT_NEAR (valueAt (response, curve, 100.0f), 0.0f, 0.1f);
    EXPECT_LT (valueAt (response, curve, 20000.0f), -38.0f);
}

TEST (WetPathResponse, ShowsTheCombOfTwoTaps)
{
    // h = d[n] + d[n - 48] at 48 kHz: |H| = 2 |cos (pi f / 1000)|, nulls at 500, 1500 ... Hz.
    std::vector<float> h (49, 0.0f);
    h[0] = 1.0f;
    h[48] = 1.0f;
    WetPathResponse response;
    response.setImpulseResponse ({ h }, 48000.0);
    const auto curve = response.curveDb (off20, off20k, 0.0f);
    // Smoothing over 1/6 octave averages the comb at high frequencies; low
    // down, where the teeth are wider than the band, the peaks show.
    EXPECT_NEAR (valueAt (response, curve, 1000.0f), 6.0f, 1.5f);
    EXPECT_LT (valueAt (response, curve, 500.0f), 0.0f);
}
} // namespace partita
