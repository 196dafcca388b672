// SPDX-License-Identifier: GPL-3.0-or-later
// Schroeder's integral and the decay fit against closed forms: an energy
// that falls geometrically has a straight decay curve of known slope;
// Gaussian noise under a known exponential, over a noise floor, gives back
// its reverberation time only if the floor is handled (the naive integral,
// computed here, does not).
#include "analysis/EnergyDecayCurve.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

namespace partita
{
namespace
{
constexpr double rate = 48000.0;

/** Squared Gaussian noise under an exponential falling 60 dB in
    reverbSeconds (mean energy 1 at frame 0), plus stationary noise at
    floorDb (mean energy). */
std::vector<double> noisyDecayEnergy (double reverbSeconds, double floorDb, double seconds, unsigned seed)
{
    std::mt19937 generator (seed);
    std::normal_distribution<double> gaussian (0.0, 1.0);
    const auto frames = static_cast<std::size_t> (seconds * rate);
    const double floorRms = std::pow (10.0, floorDb / 20.0);
    std::vector<double> energy (frames);
    for (std::size_t n = 0; n < frames; ++n)
    {
        const double sample =
            gaussian (generator) * std::pow (10.0, -3.0 * static_cast<double> (n) / (reverbSeconds * rate))
            + floorRms * gaussian (generator);
        energy[n] = sample * sample;
    }
    return energy;
}

/** Schroeder's integral from the very end, noise and all. */
double naiveT30 (const std::vector<double>& energy)
{
    std::vector<double> curve (energy.size());
    double sum = 0.0;
    for (auto n = energy.size(); n-- > 0;)
        curve[n] = sum += energy[n];
    std::vector<double> t, db;
    for (std::size_t n = 0; n < curve.size(); ++n)
    {
        const double level = 10.0 * std::log10 (curve[n] / curve.front());
        if (level <= -35.0)
            break;
        if (level <= -5.0)
        {
            t.push_back (static_cast<double> (n) / rate);
            db.push_back (level);
        }
    }
    double mt = 0.0, md = 0.0;
    for (std::size_t i = 0; i < t.size(); ++i)
    {
        mt += t[i] / static_cast<double> (t.size());
        md += db[i] / static_cast<double> (t.size());
    }
    double sxx = 0.0, sxy = 0.0;
    for (std::size_t i = 0; i < t.size(); ++i)
    {
        sxx += (t[i] - mt) * (t[i] - mt);
        sxy += (t[i] - mt) * (db[i] - md);
    }
    return -60.0 / (sxy / sxx);
}
} // namespace

TEST (EnergyDecayCurve, AGeometricDecayIntoSilenceIsAStraightLineOfItsOwnSlope)
{
    // 60 dB per 0.7 s for 2 s (171 dB, far below double's floor for T30's
    // range to matter), then digital silence: no noise to find.
    const double reverbSeconds = 0.7;
    std::vector<double> energy (static_cast<std::size_t> (2.0 * rate));
    for (std::size_t n = 0; n < energy.size(); ++n)
        energy[n] = std::pow (10.0, -6.0 * static_cast<double> (n) / (reverbSeconds * rate));
    energy.resize (energy.size() + 4800, 0.0);

    const EnergyDecayCurve curve (energy, rate);
    // The integral of a geometric series is the same series: S[n] = S[0] r^n.
    for (std::size_t n = 0; n < 28000; n += 997) // down to -50 dB
        ASSERT_NEAR (curve.decibels()[n], -60.0 * static_cast<double> (n) / (reverbSeconds * rate), 1.0e-7) << n;
    const auto t30 = curve.reverberationTime();
    ASSERT_TRUE (t30.valid);
    EXPECT_EQ (t30.fromDb, -5.0);
    EXPECT_EQ (t30.toDb, -35.0);
    EXPECT_NEAR (t30.reverbTimeSeconds, reverbSeconds, 1.0e-9);
    EXPECT_NEAR (t30.slopeDbPerSecond, -60.0 / reverbSeconds, 1.0e-7);
    EXPECT_NEAR (t30.correlation, -1.0, 1.0e-12);
}

TEST (EnergyDecayCurve, FindsTheKnownReverberationTimeAboveANoiseFloorWhereTheNaiveIntegralCannot)
{
    for (const double floorDb : { -50.0, -60.0, -75.0 })
        for (const double reverbSeconds : { 0.3, 1.0, 2.0 })
        {
            const auto energy = noisyDecayEnergy (reverbSeconds, floorDb, 2.5 * reverbSeconds, 5u);
            const EnergyDecayCurve curve (energy, rate);
            const auto fit = curve.reverberationTime();
            ASSERT_TRUE (fit.valid) << floorDb << " dB, " << reverbSeconds << " s";
            EXPECT_NEAR (fit.reverbTimeSeconds, reverbSeconds, 0.02 * reverbSeconds)
                << floorDb << " dB floor, T" << -fit.toDb - 5.0;
            EXPECT_LT (fit.correlation, -0.995);
            // T30 where the floor lies 45 dB or more below the peak, else T20.
            EXPECT_EQ (fit.toDb, curve.peakToNoiseDb() >= 45.0 ? -35.0 : -25.0);
            EXPECT_NEAR (curve.peakToNoiseDb(), -floorDb, 8.0);
            // Where the decay meets the floor: -floorDb / 60 reverberation times.
            EXPECT_NEAR (static_cast<double> (curve.tail().truncationFrame) / rate, -floorDb / 60.0 * reverbSeconds,
                         0.15 * reverbSeconds);
        }
    // Without the noise handled, a -50 dB floor lengthens T30 by more than 10 %.
    EXPECT_GT (naiveT30 (noisyDecayEnergy (1.0, -50.0, 2.5, 5u)), 1.1);
}

TEST (EnergyDecayCurve, TooLittleDecayAboveTheNoiseGivesNoReverberationTime)
{
    const EnergyDecayCurve curve (noisyDecayEnergy (1.0, -30.0, 2.5, 9u), rate);
    EXPECT_LT (curve.peakToNoiseDb(), 35.0);
    EXPECT_FALSE (curve.reverberationTime().valid);
}

TEST (EnergyDecayCurve, SilenceAndNothingGiveNoCurve)
{
    EXPECT_TRUE (EnergyDecayCurve (std::vector<double> {}, rate).decibels().empty());
    EXPECT_TRUE (EnergyDecayCurve (std::vector<double> (1000, 0.0), rate).decibels().empty());
    EXPECT_FALSE (EnergyDecayCurve (std::vector<double> (1000, 0.0), rate).reverberationTime().valid);
    EXPECT_FALSE (EnergyDecayCurve (std::vector<double> { 1.0 }, rate).reverberationTime().valid);
}

TEST (EnergyDecayCurve, AGivenTailIntegratesUpToItsTruncationAndAddsTheLinesRemainder)
{
    // Energy 1 per frame for 10 frames, then a tail line of 0.5 per frame
    // falling 10 dB per frame at 10 frames per second: r = 10^(-1/10 * 10 / 10).
    const std::vector<double> energy (20, 1.0);
    const DecayTail tail { .truncationFrame = 10, .energyPerFrame = 0.5, .slopeDbPerSecond = -100.0 };
    const EnergyDecayCurve curve (energy, 10.0, tail);
    ASSERT_EQ (curve.decibels().size(), 10u);
    const double remainder = 0.5 / (1.0 - std::pow (10.0, -1.0));
    for (std::size_t n = 0; n < 10; ++n)
        EXPECT_NEAR (curve.decibels()[n],
                     10.0 * std::log10 ((10.0 - static_cast<double> (n) + remainder) / (10.0 + remainder)), 1.0e-12);
}

} // namespace partita
