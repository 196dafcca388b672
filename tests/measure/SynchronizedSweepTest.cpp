// SPDX-License-Identifier: GPL-3.0-or-later
#include "measure/SynchronizedSweep.h"

#include "MeasurementSimulation.h"
#include "ReferenceConvolution.h"
#include "measure/MeasurementError.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace partita
{
namespace
{

SweepSpec shortSweep()
{
    SweepSpec spec;
    spec.startHz = 20.0;
    spec.endHz = 20000.0;
    spec.durationSeconds = 2.0;
    spec.sampleRate = 48000.0;
    spec.levelDbfs = -6.0;
    spec.silenceSeconds = 0.5;
    return spec;
}

TEST (SynchronizedSweep, RateAndDurationAreNovaksSynchronizedOnes)
{
    const SynchronizedSweep sweep (shortSweep());
    // Novak 2015, eq. 49: L = round(T f1 / ln(f2 / f1)) / f1, T' = L ln(f2 / f1).
    const double expectedRate = std::round (2.0 * 20.0 / std::log (1000.0)) / 20.0;
    EXPECT_DOUBLE_EQ (sweep.rateSeconds(), expectedRate);
    EXPECT_DOUBLE_EQ (sweep.durationSeconds(), expectedRate * std::log (1000.0));
    EXPECT_NEAR (sweep.rateSeconds() * 20.0, std::round (sweep.rateSeconds() * 20.0), 1.0e-12);
    EXPECT_DOUBLE_EQ (sweep.harmonicOffsetSeconds (3), expectedRate * std::log (3.0));
    EXPECT_EQ (sweep.periodFrames(), sweep.sweepFrames() + 24000u);
}

TEST (SynchronizedSweep, SamplesEqualTheClosedFormBetweenTheFades)
{
    const auto spec = shortSweep();
    const SynchronizedSweep sweep (spec);
    const auto samples = sweep.generateSweep();
    const double rate = sweep.rateSeconds();
    const double amplitude = std::pow (10.0, -6.0 / 20.0);

    // The fade-in lasts one period of the sweep (phase 2 pi), the fade-out 5 ms.
    const double fadeIn = rate * std::log1p (1.0 / (20.0 * rate));
    double worst = 0.0;
    for (std::size_t frame = 0; frame < samples.size(); ++frame)
    {
        const double t = static_cast<double> (frame) / spec.sampleRate;
        if (t < fadeIn || t > sweep.durationSeconds() - spec.fadeOutSeconds)
            continue;
        // long double, from the formula as published.
        const long double phase = 2.0L * std::numbers::pi_v<long double> * 20.0L * static_cast<long double> (rate)
                                  * (std::exp (static_cast<long double> (t) / static_cast<long double> (rate)) - 1.0L);
        const double expected = amplitude * static_cast<double> (std::sin (phase));
        worst = std::max (worst, std::abs (samples[frame] - expected));
    }
    EXPECT_LT (worst, 1.0e-9);
}

TEST (SynchronizedSweep, FadesStartAndEndAtZeroAndStayBelowTheLevel)
{
    const SynchronizedSweep sweep (shortSweep());
    const auto samples = sweep.generateSweep();
    EXPECT_EQ (samples.front(), 0.0);
    EXPECT_LT (std::abs (samples.back()), 1.0e-3);
    EXPECT_LE (test::peakOf (samples), sweep.amplitude() + 1.0e-12);
}

TEST (SynchronizedSweep, WholeSignalRepeatsTheSweepWithSilenceInEveryChannel)
{
    auto spec = shortSweep();
    spec.repeats = 3;
    spec.numChannels = 2;
    const SynchronizedSweep sweep (spec);
    const auto one = sweep.generateSweep();
    const auto clip = sweep.generate();
    ASSERT_EQ (clip.numChannels(), 2u);
    ASSERT_EQ (clip.numFrames(), 3 * sweep.periodFrames());
    for (const auto& channel : clip.channels)
        for (std::size_t repeat = 0; repeat < 3; ++repeat)
            for (std::size_t frame = 0; frame < sweep.periodFrames(); ++frame)
                ASSERT_EQ (channel[repeat * sweep.periodFrames() + frame], frame < one.size() ? one[frame] : 0.0);
}

TEST (SynchronizedSweep, AnalyticInverseTimesTheSweepsSpectrumIsFlatInTheBand)
{
    const SynchronizedSweep sweep (shortSweep());
    const std::size_t fftSize = 1u << 18;
    const auto spectrum = test::spectrumOf (sweep.generateSweep(), fftSize);
    const auto inverse = sweep.inverseSpectrum (fftSize);
    double worstDb = 0.0;
    for (std::size_t bin = 0; bin < spectrum.size(); ++bin)
    {
        const double f = static_cast<double> (bin) * 48000.0 / static_cast<double> (fftSize);
        if (f < 40.0 || f > 16000.0)
            continue;
        const auto product = spectrum[bin] * inverse[bin];
        worstDb = std::max (worstDb, std::abs (20.0 * std::log10 (std::abs (product))));
        ASSERT_LT (std::abs (std::arg (product)), 0.1) << f << " Hz";
    }
    // The stationary-phase approximation ripples by Fresnel's ~ +-1 dB at
    // worst near the band's start; measured 0.6 dB here.
    EXPECT_LT (worstDb, 1.0);
}

TEST (SynchronizedSweep, SpecsOutOfRangeAreRefusedWithOneLine)
{
    const auto refused = [] (auto change)
    {
        auto spec = shortSweep();
        change (spec);
        try
        {
            const SynchronizedSweep sweep (spec);
        }
        catch (const MeasurementError& error)
        {
            return std::string (error.what()).find ('\n') == std::string::npos;
        }
        return false;
    };
    EXPECT_TRUE (refused ([] (SweepSpec& s) { s.endHz = 30000.0; }));
    EXPECT_TRUE (refused ([] (SweepSpec& s) { s.startHz = 0.0; }));
    EXPECT_TRUE (refused ([] (SweepSpec& s) { s.endHz = 10.0; }));
    EXPECT_TRUE (refused ([] (SweepSpec& s) { s.durationSeconds = 0.01; }));
    EXPECT_TRUE (refused ([] (SweepSpec& s) { s.levelDbfs = 3.0; }));
    EXPECT_TRUE (refused ([] (SweepSpec& s) { s.repeats = 0; }));
    EXPECT_TRUE (refused ([] (SweepSpec& s) { s.fadeInPeriods = 1.5; }));
    EXPECT_TRUE (refused ([] (SweepSpec& s) { s.sampleRate = 44100.5; }));
}

} // namespace
} // namespace partita
