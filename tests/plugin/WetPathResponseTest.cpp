// SPDX-License-Identifier: GPL-3.0-or-later
#include "plugin/WetPathResponse.h"

#include "processor/ParameterTable.h"

#include <gtest/gtest.h>

#include <cmath>
#include <complex>

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

ProcessorParameters filters (float lowCutHz, float highCutHz, float wetGainDb)
{
    ProcessorParameters parameters;
    parameters.lowCutHz = lowCutHz;
    parameters.highCutHz = highCutHz;
    parameters.wetGainDb = wetGainDb;
    return parameters;
}

/** The RBJ cookbook's analogue peak, |H(j 2 pi f)| in dB, written out here. */
double analoguePeakDb (double f0, double gainDb, double q, double f)
{
    const double a = std::pow (10.0, gainDb / 40.0);
    const std::complex<double> s (0.0, f / f0);
    return 20.0 * std::log10 (std::abs ((s * s + s * (a / q) + 1.0) / (s * s + s / (a * q) + 1.0)));
}
} // namespace

TEST (WetPathResponse, AUnitImpulseIsFlatAtZeroDecibels)
{
    WetPathResponse response;
    response.setImpulseResponse ({ { 1.0f } }, 48000.0);
    for (const auto db : response.curveDb (filters (off20, off20k, 0.0f)))
        EXPECT_NEAR (db, 0.0f, 1.0e-4f);
}

TEST (WetPathResponse, AHalfAmplitudeTapAndTheWetGainShiftTheCurve)
{
    WetPathResponse response;
    response.setImpulseResponse ({ { 0.5f } }, 48000.0);
    for (const auto db : response.curveDb (filters (off20, off20k, 6.0f)))
        EXPECT_NEAR (db, 6.0f + 20.0f * std::log10 (0.5f), 1.0e-3f);
}

TEST (WetPathResponse, TheLowCutIsAButterworthHighPassMinusThreeDecibelsAtItsCutoff)
{
    WetPathResponse response;
    response.setImpulseResponse ({}, 48000.0);
    const auto curve = response.curveDb (filters (1000.0f, off20k, 0.0f));
    EXPECT_NEAR (valueAt (response, curve, 1000.0f), -3.01f, 0.3f);
    // Second order: 40 dB a decade below the cutoff.
    EXPECT_NEAR (valueAt (response, curve, 100.0f), -40.0f, 1.0f);
    EXPECT_NEAR (valueAt (response, curve, 15000.0f), 0.0f, 0.1f);
}

TEST (WetPathResponse, TheHighCutIsAButterworthLowPassMinusThreeDecibelsAtItsCutoff)
{
    WetPathResponse response;
    response.setImpulseResponse ({}, 96000.0);
    const auto curve = response.curveDb (filters (off20, 2000.0f, 0.0f));
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
    const auto curve = response.curveDb (filters (off20, off20k, 0.0f));
    // Smoothing over 1/6 octave averages the comb at high frequencies; low
    // down, where the teeth are wider than the band, the peaks show.
    EXPECT_NEAR (valueAt (response, curve, 1000.0f), 6.0f, 1.5f);
    EXPECT_LT (valueAt (response, curve, 500.0f), 0.0f);
}
TEST (WetPathResponse, DrawsTheCutAtItsSlope)
{
    WetPathResponse response;
    response.setImpulseResponse ({}, 48000.0);
    auto parameters = filters (2000.0f, off20k, 0.0f);
    parameters.lowCutSlope = CutSlope::fortyEightDecibels;
    // Eighth-order Butterworth: -3.01 dB at the cutoff, 48 dB an octave below.
    EXPECT_NEAR (response.filterGainDb (parameters, 2000.0), -3.0103, 1.0e-3);
    EXPECT_NEAR (response.filterGainDb (parameters, 1000.0), -48.2, 0.3);
}

TEST (WetPathResponse, DrawsTheEqualiserOnTheIrAndAlone)
{
    WetPathResponse response;
    response.setImpulseResponse ({ { 0.5f } }, 48000.0);
    auto parameters = filters (off20, off20k, 0.0f);
    parameters.peak2Hz = 9000.0f;
    parameters.peak2GainDb = 12.0f;
    parameters.peak2Q = 0.7f;
    for (const double f : { 1000.0, 5000.0, 9000.0, 10000.0 })
        EXPECT_NEAR (response.filterGainDb (parameters, f), analoguePeakDb (9000.0, 12.0, 0.7, f), 0.1) << f;
    const auto alone = response.filterCurveDb (parameters);
    const auto onTheIr = response.curveDb (parameters);
    EXPECT_NEAR (valueAt (response, alone, 9000.0f), 12.0f, 0.3f);
    EXPECT_NEAR (valueAt (response, onTheIr, 9000.0f), 12.0f + 20.0f * std::log10 (0.5f), 0.3f);
}
} // namespace partita
