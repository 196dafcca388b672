// SPDX-License-Identifier: GPL-3.0-or-later
// BS.1770 K-weighting at any rate: the published 48 kHz table, the prototype
// libebur128 derives from it, and the analogue response at other rates.
#include "analysis/KWeightingFilter.h"

#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <numbers>
#include <stdexcept>
#include <vector>

namespace partita
{
namespace
{
double decibels (double gain)
{
    return 20.0 * std::log10 (gain);
}

double digitalMagnitude (const BiquadSection& s, double frequency, double sampleRate)
{
    const auto z1 = std::polar (1.0, -2.0 * std::numbers::pi * frequency / sampleRate);
    return std::abs ((s.b0 + s.b1 * z1 + s.b2 * z1 * z1) / (1.0 + s.a1 * z1 + s.a2 * z1 * z1));
}

// libebur128's K-weighting parameters (ebur128.c, ebur128_init_filter),
// written out here so that the test does not use the code under test.
constexpr double shelfF0 = 1681.974450955533;
constexpr double shelfGainDb = 3.999843853973347;
constexpr double shelfQ = 0.7071752369554196;
constexpr double shelfVbExponent = 0.4996667741545416;
constexpr double highPassF0 = 38.13547087602444;
constexpr double highPassQ = 0.5003270373238773;

/** The analogue K-weighting from libebur128's parameters; the high-pass
    scaled as BS.1770's unnormalised 1, -2, 1 numerator scales it at 48 kHz. */
double analogueKWeighting (double frequency)
{
    const double vh = std::pow (10.0, shelfGainDb / 20.0);
    const double vb = std::pow (vh, shelfVbExponent);
    const std::complex<double> ps (0.0, frequency / shelfF0);
    const auto shelf = (vh * ps * ps + vb / shelfQ * ps + 1.0) / (ps * ps + ps / shelfQ + 1.0);

    const double k48 = std::tan (std::numbers::pi * highPassF0 / 48000.0);
    const double highPassGain = 1.0 + k48 / highPassQ + k48 * k48;
    const std::complex<double> ph (0.0, frequency / highPassF0);
    const auto highPass = highPassGain * ph * ph / (ph * ph + ph / highPassQ + 1.0);
    return std::abs (shelf * highPass);
}

TEST (KWeightingFilter, At48kHzTheSectionsAreThePublishedBs1770Table)
{
    const auto sections = kWeightingSections (48000.0);
    EXPECT_NEAR (sections[0].b0, 1.53512485958697, 1e-12);
    EXPECT_NEAR (sections[0].b1, -2.69169618940638, 1e-12);
    EXPECT_NEAR (sections[0].b2, 1.19839281085285, 1e-12);
    EXPECT_NEAR (sections[0].a1, -1.69065929318241, 1e-12);
    EXPECT_NEAR (sections[0].a2, 0.73248077421585, 1e-12);
    EXPECT_NEAR (sections[1].b0, 1.0, 1e-12);
    EXPECT_NEAR (sections[1].b1, -2.0, 1e-12);
    EXPECT_NEAR (sections[1].b2, 1.0, 1e-12);
    EXPECT_NEAR (sections[1].a1, -1.99004745483398, 1e-12);
    EXPECT_NEAR (sections[1].a2, 0.99007225036621, 1e-12);
}

TEST (KWeightingFilter, ThePrototypeHasLibebur128sParameters)
{
    const auto prototypes = kWeightingPrototypes();
    EXPECT_NEAR (prototypes[0].f0, shelfF0, 1e-6);
    EXPECT_NEAR (prototypes[0].q, shelfQ, 1e-9);
    EXPECT_NEAR (decibels (prototypes[0].c2), shelfGainDb, 1e-9);
    EXPECT_NEAR (prototypes[0].c0, 1.0, 1e-9);
    EXPECT_NEAR (prototypes[1].f0, highPassF0, 1e-6);
    EXPECT_NEAR (prototypes[1].q, highPassQ, 1e-9);
    EXPECT_NEAR (prototypes[1].c1, 0.0, 1e-12);
    EXPECT_NEAR (prototypes[1].c0, 0.0, 1e-12);
}

TEST (KWeightingFilter, At44100HzTheMagnitudeFollowsTheAnaloguePrototype)
{
    const auto sections = kWeightingSections (44100.0);
    // The bilinear transform bends the frequency axis away from f0: by about
    // 0.007 dB around 1 to 4 kHz at this rate (libebur128's design too).
    for (const double frequency : { 20.0, 50.0, 100.0, 500.0, 1000.0, 2000.0, 4000.0, 8000.0, 16000.0 })
    {
        const double digital =
            digitalMagnitude (sections[0], frequency, 44100.0) * digitalMagnitude (sections[1], frequency, 44100.0);
        EXPECT_NEAR (decibels (digital), decibels (analogueKWeighting (frequency)), 0.01) << frequency << " Hz";
    }
}

TEST (KWeightingFilter, TheFilterRunsTheSectionsItDesigned)
{
    // A steady 1 kHz sine through the filter comes out with the sections'
    // gain at 1 kHz, measured after the start-up transient has died.
    const double rate = 96000.0;
    const auto sections = kWeightingSections (rate);
    const double expected = digitalMagnitude (sections[0], 1000.0, rate) * digitalMagnitude (sections[1], 1000.0, rate);

    KWeightingFilter filter (rate);
    double peak = 0.0;
    for (int n = 0; n < 96000; ++n)
    {
        const double output = filter.processSample (std::sin (2.0 * std::numbers::pi * 1000.0 * n / rate));
        if (n >= 48000)
            peak = std::max (peak, std::abs (output));
    }
    EXPECT_NEAR (peak, expected, 1e-4);
}

TEST (KWeightingFilter, TheKWeightedEnergyOfAnImpulseIsItsSquaredResponseIntegrated)
{
    // Parseval: the energy of the filter's impulse response is the mean of
    // |H|^2 over the frequency circle, integrated here numerically.
    const double rate = 44100.0;
    const auto sections = kWeightingSections (rate);
    constexpr int steps = 400000;
    double integral = 0.0;
    for (int step = 0; step < steps; ++step)
    {
        const double frequency = (step + 0.5) / steps * rate / 2.0;
        const double magnitude =
            digitalMagnitude (sections[0], frequency, rate) * digitalMagnitude (sections[1], frequency, rate);
        integral += magnitude * magnitude;
    }
    integral /= steps;

    std::vector<double> impulse (100, 0.0);
    impulse[10] = 1.0;
    EXPECT_NEAR (kWeightedEnergy (impulse, rate), integral, 1e-6 * integral);
    // Linear in energy: twice the amplitude, four times the energy.
    impulse[10] = 2.0;
    EXPECT_NEAR (kWeightedEnergy (impulse, rate), 4.0 * integral, 4e-6 * integral);
}

TEST (KWeightingFilter, RatesTooLowForTheShelfAreRefused)
{
    EXPECT_THROW (KWeightingFilter (3000.0), std::invalid_argument);
    EXPECT_THROW (KWeightingFilter (0.0), std::invalid_argument);
    EXPECT_NO_THROW (KWeightingFilter (8000.0));
}

} // namespace
} // namespace partita
