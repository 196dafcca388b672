// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcessorTestHelpers.h"
#include "TestSignals.h"
#include "processor/ConvolverProcessor.h"
#include "processor/ParameterTable.h"
#include "processor/WetPostProcessor.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <complex>
#include <cstdio>
#include <numbers>
#include <random>
#include <vector>

namespace partita
{
namespace
{
constexpr double rate = 48000.0;
constexpr std::size_t ramp = 960; // 20 ms

/** The analogue prototypes' |H(j 2 pi f)|, from the RBJ cookbook, written
    out apart from the code under test (s = j f / f0, A = 10^(gain / 40)). */
double peakMagnitude (double f0, double gainDb, double q, double f)
{
    const double a = std::pow (10.0, gainDb / 40.0);
    const std::complex<double> s (0.0, f / f0);
    return std::abs ((s * s + s * (a / q) + 1.0) / (s * s + s / (a * q) + 1.0));
}

double lowShelfMagnitude (double f0, double gainDb, double q, double f)
{
    const double a = std::pow (10.0, gainDb / 40.0);
    const std::complex<double> s (0.0, f / f0);
    return std::abs (a * (s * s + s * (std::sqrt (a) / q) + a) / (a * s * s + s * (std::sqrt (a) / q) + 1.0));
}

double highShelfMagnitude (double f0, double gainDb, double q, double f)
{
    const double a = std::pow (10.0, gainDb / 40.0);
    const std::complex<double> s (0.0, f / f0);
    return std::abs (a * (a * s * s + s * (std::sqrt (a) / q) + 1.0) / (s * s + s * (std::sqrt (a) / q) + a));
}

/** A Butterworth filter of `order` by the bilinear transform prewarped at
    the cutoff: |H|^2 = 1 / (1 + (t / tc)^(+-2 order)), t = tan (pi f / fs). */
double butterworthPowerDb (bool highPass, std::size_t order, double cutoff, double f, double sampleRate)
{
    const double ratio =
        std::tan (std::numbers::pi * f / sampleRate) / std::tan (std::numbers::pi * cutoff / sampleRate);
    const double term = std::pow (ratio, (highPass ? -2.0 : 2.0) * static_cast<double> (order));
    return -10.0 * std::log10 (1.0 + term);
}

ProcessorParameters cutsOffAndBandsFlat()
{
    auto p = test::neutralParameters();
    return p;
}

/** Runs the wet post-processor over stereo signals in blocks of `block`. */
test::Channels runPost (const ProcessorParameters& parameters, test::Channels signal, std::size_t block = 256)
{
    WetPostProcessor post;
    post.prepare (rate, 2, ramp);
    post.setTargets (parameters);
    post.reset();
    for (std::size_t start = 0; start < signal[0].size(); start += block)
    {
        const auto count = std::min (block, signal[0].size() - start);
        post.process ({ signal[0].data() + start, signal[1].data() + start }, count);
    }
    return signal;
}

/** |X(f)| of a signal by a direct DFT in double at one frequency. */
double magnitudeAt (const std::vector<float>& x, double f)
{
    std::complex<double> sum = 0.0;
    const double step = -2.0 * std::numbers::pi * f / rate;
    for (std::size_t n = 0; n < x.size(); ++n)
        sum += static_cast<double> (x[n]) * std::polar (1.0, step * static_cast<double> (n));
    return std::abs (sum);
}

/** The amplitude of the sine of frequency f in x[begin, end), by least
    squares on a sine and a cosine. */
double sineAmplitude (const std::vector<float>& x, double f, std::size_t begin, std::size_t end)
{
    double ss = 0.0, cc = 0.0, sc = 0.0, xs = 0.0, xc = 0.0;
    for (std::size_t n = begin; n < end; ++n)
    {
        const double phase = 2.0 * std::numbers::pi * f * static_cast<double> (n) / rate;
        const double s = std::sin (phase);
        const double c = std::cos (phase);
        ss += s * s;
        cc += c * c;
        sc += s * c;
        xs += static_cast<double> (x[n]) * s;
        xc += static_cast<double> (x[n]) * c;
    }
    const double det = ss * cc - sc * sc;
    const double a = (xs * cc - xc * sc) / det;
    const double b = (xc * ss - xs * sc) / det;
    return std::hypot (a, b);
}
} // namespace

TEST (WetEqualiser, BandsAtZeroDecibelsLeaveTheSignalBitForBitWhateverTheirFrequencyAndQ)
{
    auto parameters = cutsOffAndBandsFlat();
    parameters.lowShelfHz = 333.0f;
    parameters.lowShelfQ = 1.7f;
    parameters.peak1Hz = 1234.0f;
    parameters.peak1Q = 9.0f;
    parameters.peak2Hz = 45.0f;
    parameters.peak2Q = 0.1f;
    parameters.highShelfHz = 15000.0f;
    parameters.highShelfQ = 0.3f;
    parameters.lowCutSlope = CutSlope::fortyEightDecibels; // the cuts are off
    parameters.highCutSlope = CutSlope::twentyFourDecibels;
    const test::Channels x { test::whiteNoise (5000, 3), test::whiteNoise (5000, 4) };
    EXPECT_EQ (runPost (parameters, x), x);
}

/*  The default slope is the cut as it was before slopes existed: one RBJ
    biquad (Q = 1/sqrt 2) in transposed direct form II in double, written
    out here; the output must match it bit for bit, so that old sessions
    sound the same. */
TEST (WetEqualiser, TheDefaultTwelveDecibelSlopeIsTheFormerSingleBiquadBitForBit)
{
    const auto rbj = [] (bool highPass, double cutoff)
    {
        const double omega = 2.0 * std::numbers::pi * cutoff / rate;
        const double q = std::numbers::sqrt2 / 2.0;
        const double cosine = std::cos (omega);
        const double alpha = std::sin (omega) / (2.0 * q);
        const double b = highPass ? (1.0 + cosine) / 2.0 : (1.0 - cosine) / 2.0;
        const double a0 = 1.0 + alpha;
        return std::array<double, 5> { b / a0, (highPass ? -2.0 : 2.0) * b / a0, b / a0, -2.0 * cosine / a0,
                                       (1.0 - alpha) / a0 };
    };
    const auto filter = [] (const std::array<double, 5>& c, std::vector<float> x)
    {
        double s1 = 0.0, s2 = 0.0;
        for (auto& sample : x)
        {
            const auto in = static_cast<double> (sample);
            const double y = c[0] * in + s1;
            s1 = c[1] * in - c[3] * y + s2;
            s2 = c[2] * in - c[4] * y;
            sample = static_cast<float> (y);
        }
        return x;
    };

    auto parameters = cutsOffAndBandsFlat();
    parameters.lowCutHz = 150.0f;
    parameters.highCutHz = 6000.0f;
    const test::Channels x { test::whiteNoise (6000, 5), test::whiteNoise (6000, 6) };
    const auto y = runPost (parameters, x, 100);
    // The cutoffs as the cut holds them: ramped in log2 in float.
    const double lowCut = std::exp2 (static_cast<double> (std::log2 (150.0f)));
    const double highCut = std::exp2 (static_cast<double> (std::log2 (6000.0f)));
    for (std::size_t c = 0; c < 2; ++c)
        EXPECT_EQ (y[c], filter (rbj (false, highCut), filter (rbj (true, lowCut), x[c])));
}

/*  Each slope against the closed-form magnitude of the Butterworth filter of
    its order under the bilinear transform prewarped at the cutoff (so the
    cutoff is exactly -3.01 dB and frequencies are warped by
    tan (pi f / fs)), measured on the processor's impulse response. */
TEST (WetEqualiser, EachCutSlopeIsAButterworthFilterOfItsOrder)
{
    for (const auto slope : { CutSlope::twelveDecibels, CutSlope::twentyFourDecibels, CutSlope::fortyEightDecibels })
    {
        const auto order = butterworthOrder (slope);
        for (const bool highPass : { true, false })
        {
            auto parameters = cutsOffAndBandsFlat();
            const double cutoff = highPass ? 2000.0 : 250.0;
            (highPass ? parameters.lowCutHz : parameters.highCutHz) = static_cast<float> (cutoff);
            (highPass ? parameters.lowCutSlope : parameters.highCutSlope) = slope;
            test::Channels impulse (2, std::vector<float> (1 << 15, 0.0f));
            impulse[0][0] = impulse[1][0] = 1.0f;
            const auto h = runPost (parameters, impulse)[0];

            const auto measuredDb = [&] (double f) { return 20.0 * std::log10 (magnitudeAt (h, f)); };
            EXPECT_NEAR (measuredDb (cutoff), -3.0103, 0.001) << order << (highPass ? " high-pass" : " low-pass");
            for (const double octave : { -3.0, -2.0, -1.0, -0.5, 0.5, 1.0, 2.0, 3.0 })
            {
                const double f = cutoff * std::pow (2.0, octave);
                const double expected = butterworthPowerDb (highPass, order, cutoff, f, rate);
                if (expected > -110.0)
                {
                    EXPECT_NEAR (measuredDb (f), expected, 0.01) << order << " at " << f << " Hz";
                }
            }
            // Asymptotically 6 dB per octave per order: the octave that
            // begins 4 / order octaves into the stop band (about 24 dB
            // down), above float's noise and below the warping near Nyquist.
            const double into = 4.0 / static_cast<double> (order);
            const double stop1 = cutoff * std::pow (2.0, highPass ? -into : into);
            const double stop2 = cutoff * std::pow (2.0, highPass ? -into - 1.0 : into + 1.0);
            const double perOctave = measuredDb (stop1) - measuredDb (stop2);
            std::printf ("  %s order %zu: %.2f dB/oct between %.0f and %.0f Hz, %.4f dB at the cutoff\n",
                         highPass ? "low cut " : "high cut", order, perOctave, stop1, stop2, measuredDb (cutoff));
            if (measuredDb (stop2) > -110.0)
            {
                EXPECT_NEAR (perOctave, 6.0206 * static_cast<double> (order), 0.08 * static_cast<double> (order));
            }
        }
    }
}

/*  The steady-state gain of a sine through the bands (and a cut) is the
    product of the analogue prototypes' magnitudes (and the Butterworth
    closed form): the running filter, not only its coefficients. */
TEST (WetEqualiser, ASinesSteadyStateGainIsTheAnaloguePrototypes)
{
    auto parameters = cutsOffAndBandsFlat();
    parameters.lowShelfHz = 120.0f;
    parameters.lowShelfGainDb = 6.0f;
    parameters.lowShelfQ = 0.7071f;
    parameters.peak1Hz = 900.0f;
    parameters.peak1GainDb = -9.0f;
    parameters.peak1Q = 2.0f;
    parameters.peak2Hz = 9000.0f;
    parameters.peak2GainDb = 12.0f;
    parameters.peak2Q = 0.5f;
    parameters.highShelfHz = 12000.0f;
    parameters.highShelfGainDb = -4.0f;
    parameters.highShelfQ = 1.0f;
    parameters.lowCutHz = 40.0f;
    parameters.lowCutSlope = CutSlope::twentyFourDecibels;

    double largest = 0.0;
    for (const double f : { 50.0, 120.0, 400.0, 900.0, 1100.0, 3000.0, 7000.0, 9000.0, 10000.0 })
    {
        const std::size_t length = 24000;
        const test::Channels x { test::sine (length, f, rate, 0.25), test::sine (length, f, rate, 0.25) };
        const auto y = runPost (parameters, x);
        const double expected =
            20.0
                * std::log10 (lowShelfMagnitude (120.0, 6.0, 0.7071, f) * peakMagnitude (900.0, -9.0, 2.0, f)
                              * peakMagnitude (9000.0, 12.0, 0.5, f) * highShelfMagnitude (12000.0, -4.0, 1.0, f))
            + butterworthPowerDb (true, 4, 40.0, f, rate);
        const double measured = 20.0 * std::log10 (sineAmplitude (y[1], f, length / 2, length) / 0.25);
        largest = std::max (largest, std::abs (measured - expected));
        EXPECT_NEAR (measured, expected, 0.1) << f << " Hz";
    }
    std::printf ("  largest deviation of a sine's gain from the prototypes: %.4f dB\n", largest);
    RecordProperty ("sine_deviation_db", std::to_string (largest));
}

/*  The processor's wet output with bands set: a half-amplitude tap as the IR
    (the dry IR convolution is 0.5 x), so the output's sine is 0.5 x the
    analogue prototype's gain. */
TEST (WetEqualiser, TheProcessorsWetOutputIsTheIrConvolutionThroughTheAnalogueBands)
{
    auto parameters = test::neutralParameters();
    parameters.peak1Hz = 2500.0f;
    parameters.peak1GainDb = 10.0f;
    parameters.peak1Q = 4.0f;
    parameters.highShelfHz = 6000.0f;
    parameters.highShelfGainDb = 8.0f;
    parameters.highShelfQ = 0.7071f;
    for (const double f : { 300.0, 2300.0, 2500.0, 6000.0, 10000.0 })
    {
        ConvolverProcessor processor (RebuildMode::synchronous);
        processor.setParameters (parameters);
        processor.loadImpulseResponse (test::makeClip ({ { 0.5f } }, rate), "half.wav");
        processor.prepare (rate, 512, 1, 1);
        const std::size_t length = 24000;
        const auto x = test::sine (length, f, rate, 0.5);
        const auto y = test::renderThroughProcessor (processor, { x }, 1, length, 21)[0];
        const double expected =
            0.5 * 0.5 * peakMagnitude (2500.0, 10.0, 4.0, f) * highShelfMagnitude (6000.0, 8.0, 0.7071, f);
        EXPECT_NEAR (20.0 * std::log10 (sineAmplitude (y, f, length / 2, length) / expected), 0.0, 0.1) << f << " Hz";
    }
}

/*  Ramps are counted in samples since a change, so where the host's blocks
    fall never changes a bit, while every band, Q, gain and slope moves. */
TEST (WetEqualiser, ChangesMidStreamGiveTheSameBitsWhateverTheBlockSizes)
{
    const std::size_t length = 12000;
    const test::Channels x { test::whiteNoise (length, 8), test::whiteNoise (length, 9) };
    auto first = cutsOffAndBandsFlat();
    first.peak1GainDb = 6.0f;
    first.lowCutHz = 100.0f;
    auto second = first;
    second.peak1Hz = 5000.0f;
    second.peak1Q = 5.0f;
    second.peak1GainDb = -12.0f;
    second.lowShelfGainDb = 9.0f;
    second.highShelfGainDb = -3.0f;
    second.lowCutSlope = CutSlope::fortyEightDecibels;
    second.highCutHz = 3000.0f;
    second.highCutSlope = CutSlope::twentyFourDecibels;
    const std::size_t changeAt = 3000;

    const auto render = [&] (std::uint32_t seed)
    {
        WetPostProcessor post;
        post.prepare (rate, 2, ramp);
        post.setTargets (first);
        post.reset();
        auto y = x;
        std::mt19937 random (seed);
        std::size_t start = 0;
        while (start < length)
        {
            if (start == changeAt)
                post.setTargets (second);
            auto count = std::min<std::size_t> (1 + random() % 300, length - start);
            if (start < changeAt)
                count = std::min (count, changeAt - start);
            post.process ({ y[0].data() + start, y[1].data() + start }, count);
            start += count;
        }
        return y;
    };
    const auto reference = render (1);
    EXPECT_EQ (render (2), reference);
    EXPECT_EQ (render (3), reference);
    EXPECT_NE (reference, x);
}

} // namespace partita
