// SPDX-License-Identifier: GPL-3.0-or-later
#include "factory/CabinetModel.h"

#include "FactoryReference.h"

#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <numbers>

using namespace partita;

namespace
{
constexpr double rate = 48000.0;
using Complex = std::complex<double>;

/** The analogue frequency that the bilinear transform, prewarped at f0,
    maps the digital frequency f to: s = j tan (pi f / fs) / tan (pi f0 / fs). */
Complex warped (double hz, double f0)
{
    return { 0.0, std::tan (std::numbers::pi * hz / rate) / std::tan (std::numbers::pi * f0 / rate) };
}

/** The cabinet's designed response at hz from its parts' analogue prototypes. */
double designedMagnitude (const CabinetDesign& design, double hz)
{
    const auto w = 2.0 * std::numbers::pi * hz / rate;
    Complex response = 1.0 + design.combGain * std::polar (1.0, -w * static_cast<double> (design.combDelaySamples));

    auto s = warped (hz, design.resonanceHz);
    response *= s * s / (s * s + s / design.resonanceQ + 1.0);
    for (const auto& peak : design.peaks)
    {
        s = warped (hz, peak.hz);
        const auto a = std::pow (10.0, peak.gainDb / 40.0);
        response *= (s * s + s * a / peak.q + 1.0) / (s * s + s / (a * peak.q) + 1.0);
    }
    s = warped (hz, design.rollOffHz);
    for (std::size_t i = 0; i < design.rollOffSections; ++i)
        response *= 1.0 / (s * s + s / design.rollOffQ + 1.0);
    return std::abs (response);
}

CabinetDesign closedBack()
{
    CabinetDesign design;
    design.resonanceHz = 110.0;
    design.resonanceQ = 1.4;
    design.combDelaySamples = 73;
    design.combGain = 0.3;
    design.peaks = { { 450.0, 1.4, -4.0 }, { 2800.0, 1.6, 5.0 } };
    design.rollOffHz = 5000.0;
    design.rollOffQ = 0.8;
    return design;
}

double decibels (double magnitude)
{
    return 20.0 * std::log10 (magnitude);
}
} // namespace

TEST (CabinetModel, ItsResponseFollowsTheDesignAtEveryFeature)
{
    const auto design = closedBack();
    const auto ir = CabinetModel (design, rate).render();
    ASSERT_EQ (ir.numChannels(), 1u);
    const auto& h = ir.channels.front();

    // Relative to 1 kHz, since the IR is scaled to a peak of -1 dBFS.
    const auto reference =
        decibels (test::magnitudeAt (h, 1000.0, rate)) - decibels (designedMagnitude (design, 1000.0));
    const auto notch = rate / (2.0 * static_cast<double> (design.combDelaySamples));
    for (const auto hz : { 55.0, 110.0, 220.0, 450.0, notch, 2800.0, 3.0 * notch, 5000.0, 8000.0 })
    {
        const auto measured = decibels (test::magnitudeAt (h, hz, rate)) - reference;
        EXPECT_NEAR (measured, decibels (designedMagnitude (design, hz)), 0.1) << hz << " Hz";
    }
}

TEST (CabinetModel, TheSpeakerResonanceStandsQAboveTheFlatResponse)
{
    // A design with only the resonance: |H| = Q at f0 and 1 far above.
    CabinetDesign design;
    design.resonanceHz = 100.0;
    design.resonanceQ = 2.0;
    design.combGain = 0.0;
    design.rollOffSections = 0;
    const auto h = CabinetModel (design, rate).render().channels.front();
    const auto atResonance = test::magnitudeAt (h, 100.0, rate);
    const auto wellAbove = test::magnitudeAt (h, 4000.0, rate);
    EXPECT_NEAR (decibels (atResonance / wellAbove), decibels (2.0), 0.05);
}

TEST (CabinetModel, TheBackWallReflectionCutsNotchesAtOddMultiplesOfHalfItsInverseDelay)
{
    // Only the comb: notches of depth (1 - g) / (1 + g) at fs / (2 D), peaks at fs / D.
    CabinetDesign design;
    design.resonanceHz = 10.0;
    design.resonanceQ = 0.5;
    design.combDelaySamples = 60;
    design.combGain = 0.5;
    design.rollOffSections = 0;
    const auto h = CabinetModel (design, rate).render().channels.front();
    const auto notch = test::magnitudeAt (h, 400.0, rate);
    const auto peak = test::magnitudeAt (h, 800.0, rate);
    EXPECT_NEAR (decibels (notch / peak), decibels (0.5 / 1.5), 0.05);
}
