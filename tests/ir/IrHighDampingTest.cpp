// SPDX-License-Identifier: GPL-3.0-or-later
// High damping: the split's low-pass against its specification (its
// response computed here by the DTFT in double), the low band left as it
// was, the high band's decay shortened by the documented law (measured by
// the test's own Schroeder fit and its own Kaiser-window filters), and the
// IR untouched where the damping's envelope is still 1.
#include "ir/IrHighDamping.h"

#include "ReferenceDecay.h"
#include "ir/IrCrossoverSplit.h"
#include "ir/IrDirectSound.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

namespace partita
{
namespace
{
constexpr double rate = 48000.0;

double magnitudeAt (const std::vector<double>& taps, double hz)
{
    // Zero phase: the taps are symmetric about the centre, so the response is real.
    const auto centre = static_cast<double> (taps.size() / 2);
    double sum = 0.0;
    for (std::size_t k = 0; k < taps.size(); ++k)
        sum += taps[k] * std::cos (2.0 * std::numbers::pi * hz / rate * (static_cast<double> (k) - centre));
    return sum;
}

/** A Kaiser-window (beta 8, about 80 dB) low-pass of the test's own, applied
    centred by direct convolution. */
std::vector<double> kaiserLowPassed (const std::vector<double>& signal, double cutoffHz)
{
    const int half = 400;
    const double beta = 8.0;
    std::vector<double> taps (2 * half + 1);
    double sum = 0.0;
    for (int k = -half; k <= half; ++k)
    {
        const double ratio = static_cast<double> (k) / half;
        const double window =
            std::cyl_bessel_i (0.0, beta * std::sqrt (1.0 - ratio * ratio)) / std::cyl_bessel_i (0.0, beta);
        const double sinc = k == 0 ? 2.0 * cutoffHz / rate
                                   : std::sin (2.0 * std::numbers::pi * cutoffHz * k / rate) / (std::numbers::pi * k);
        taps[static_cast<std::size_t> (k + half)] = window * sinc;
        sum += window * sinc;
    }
    std::vector<double> out (signal.size(), 0.0);
    for (std::size_t n = 0; n < signal.size(); ++n)
        for (int k = -half; k <= half; ++k)
        {
            const auto m = static_cast<std::ptrdiff_t> (n) - k;
            if (m >= 0 && m < static_cast<std::ptrdiff_t> (signal.size()))
                out[n] += taps[static_cast<std::size_t> (k + half)] / sum * signal[static_cast<std::size_t> (m)];
        }
    return out;
}

AudioClip room (double reverbSeconds, double seconds)
{
    return { rate,
             { test::decayingRoom (reverbSeconds, -90.0, seconds, rate, 240, 11u),
               test::decayingRoom (reverbSeconds, -90.0, seconds, rate, 240, 12u) } };
}
} // namespace

TEST (IrHighDamping, TheSplitLowPassIsSymmetricPassesBelowAndStopsAboveItsTransition)
{
    for (const double crossover : { 1000.0, 4000.0, 16000.0 })
    {
        const auto taps = crossoverLowPass (crossover, rate);
        ASSERT_EQ (taps.size() % 2, 1u);
        for (std::size_t k = 0; k < taps.size() / 2; ++k)
            ASSERT_EQ (taps[k], taps[taps.size() - 1 - k]) << "linear phase needs symmetric taps";
        EXPECT_NEAR (magnitudeAt (taps, 0.0), 1.0, 1.0e-12);
        EXPECT_NEAR (magnitudeAt (taps, crossover), 0.5, 0.01) << crossover; // -6 dB at the crossover
        for (double hz = 0.0; hz <= 0.7 * crossover; hz += crossover / 50.0)
            EXPECT_NEAR (magnitudeAt (taps, hz), 1.0, 1.0e-3) << crossover << " Hz crossover, " << hz << " Hz";
        for (double hz = 1.3 * crossover; hz < 0.5 * rate; hz += crossover / 50.0)
            EXPECT_LT (std::abs (magnitudeAt (taps, hz)), 2.0e-4) << crossover << " Hz crossover, " << hz << " Hz";
    }
}

TEST (IrHighDamping, TheLowAndHighBandsSumBackToTheInput)
{
    const auto signal = test::decayingRoom (0.3, -60.0, 0.5, rate, 100, 3u);
    const auto low = lowBandOf (signal, crossoverLowPass (4000.0, rate));
    ASSERT_EQ (low.size(), signal.size());
    for (std::size_t n = 0; n < signal.size(); ++n)
    {
        const double high = signal[n] - low[n];
        ASSERT_NEAR (low[n] + high, signal[n], 4.0e-16) << n;
    }
}

TEST (IrHighDamping, WhereTheEnvelopeIsStillOneTheIrIsUntouchedBitForBit)
{
    auto clip = room (0.8, 1.2);
    const auto before = clip.channels;
    const auto decay = applyHighDamping (clip, 100.0, 4000.0, directSoundFrame (clip));
    ASSERT_FALSE (decay.isNeutral());
    EXPECT_EQ (decay.startFrame, 240u + crossoverLowPass (4000.0, rate).size() / 2);
    for (std::size_t c = 0; c < 2; ++c)
        for (std::size_t n = 0; n <= decay.startFrame; ++n)
            ASSERT_EQ (clip.channels[c][n], before[c][n]) << "channel " << c << ", frame " << n;
}

TEST (IrHighDamping, BelowTheCrossoverTheIrIsUnchangedAndAboveItTheDecayShortensByTheLaw)
{
    const double crossover = 4000.0;
    const double reverbSeconds = 0.8;
    for (const double damping : { 50.0, 100.0 })
    {
        auto clip = room (reverbSeconds, 1.2);
        const auto before = clip;
        applyHighDamping (clip, damping, crossover, directSoundFrame (clip));

        for (std::size_t c = 0; c < 2; ++c)
        {
            // Below half the crossover, the output is the input to -60 dB.
            const auto lowBefore = kaiserLowPassed (before.channels[c], 0.5 * crossover);
            const auto lowAfter = kaiserLowPassed (clip.channels[c], 0.5 * crossover);
            double signalEnergy = 0.0, errorEnergy = 0.0;
            for (std::size_t n = 0; n < lowBefore.size(); ++n)
            {
                signalEnergy += lowBefore[n] * lowBefore[n];
                errorEnergy += (lowAfter[n] - lowBefore[n]) * (lowAfter[n] - lowBefore[n]);
            }
            const double errorDb = 10.0 * std::log10 (errorEnergy / signalEnergy);
            std::printf ("  damping %3.0f %%: below %.0f Hz, channel %zu changed by %.1f dB re its energy\n", damping,
                         0.5 * crossover, c, errorDb);
            EXPECT_LT (errorDb, -60.0) << "channel " << c;
        }

        // Above twice the crossover, the decay is 1 - 0.8 d of what it was.
        std::vector<std::vector<double>> highBefore, highAfter;
        for (std::size_t c = 0; c < 2; ++c)
        {
            auto low = kaiserLowPassed (before.channels[c], 2.0 * crossover);
            auto lowDamped = kaiserLowPassed (clip.channels[c], 2.0 * crossover);
            for (std::size_t n = 0; n < low.size(); ++n)
            {
                low[n] = before.channels[c][n] - low[n];
                lowDamped[n] = clip.channels[c][n] - lowDamped[n];
            }
            highBefore.push_back (std::move (low));
            highAfter.push_back (std::move (lowDamped));
        }
        const auto end = highBefore.front().size();
        const double tBefore = test::referenceReverbTime (highBefore, rate, end, false);
        const double tAfter = test::referenceReverbTime (highAfter, rate, end, false);
        const double expected = 1.0 - 0.8 * damping / 100.0;
        std::printf ("  damping %3.0f %%: high band T30 %.3f s -> %.3f s, ratio %.3f (law: %.3f)\n", damping, tBefore,
                     tAfter, tAfter / tBefore, expected);
        EXPECT_NEAR (tAfter / tBefore, expected, 0.03 * expected);
        EXPECT_DOUBLE_EQ (dampedReverbTimeRatio (damping), expected);
    }
}

TEST (IrHighDamping, NoDampingLeavesTheIrBitForBitWhateverTheFrequency)
{
    auto clip = room (0.5, 0.6);
    const auto before = clip.channels;
    EXPECT_TRUE (applyHighDamping (clip, 0.0, 1000.0, 240).isNeutral());
    EXPECT_EQ (clip.channels, before);
}

} // namespace partita
