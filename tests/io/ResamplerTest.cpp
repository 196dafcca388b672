// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/Resampler.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <vector>

namespace partita
{
namespace
{
std::vector<double> sine (double frequency, double amplitude, double rate, std::size_t length)
{
    std::vector<double> signal (length);
    for (std::size_t n = 0; n < length; ++n)
        signal[n] = amplitude * std::sin (2.0 * std::numbers::pi * frequency * static_cast<double> (n) / rate);
    return signal;
}

/** Least-squares fit of a sin(wt) + b cos(wt) over [begin, end): the
    amplitude, the cosine part (non-zero if the signal moved in time) and
    the residual relative to the fitted sine, in dB. */
struct SineFit
{
    double amplitude = 0.0;
    double cosinePart = 0.0;
    double residualDb = 0.0;
};

SineFit fitSine (const std::vector<double>& signal, double frequency, double rate, std::size_t begin, std::size_t end)
{
    double ss = 0.0, sc = 0.0, cc = 0.0, ys = 0.0, yc = 0.0;
    for (std::size_t n = begin; n < end; ++n)
    {
        const double phase = 2.0 * std::numbers::pi * frequency * static_cast<double> (n) / rate;
        const double s = std::sin (phase);
        const double c = std::cos (phase);
        ss += s * s;
        sc += s * c;
        cc += c * c;
        ys += signal[n] * s;
        yc += signal[n] * c;
    }
    const double determinant = ss * cc - sc * sc;
    const double a = (ys * cc - yc * sc) / determinant;
    const double b = (yc * ss - ys * sc) / determinant;

    double residualEnergy = 0.0, fittedEnergy = 0.0;
    for (std::size_t n = begin; n < end; ++n)
    {
        const double phase = 2.0 * std::numbers::pi * frequency * static_cast<double> (n) / rate;
        const double fitted = a * std::sin (phase) + b * std::cos (phase);
        residualEnergy += (signal[n] - fitted) * (signal[n] - fitted);
        fittedEnergy += fitted * fitted;
    }
    return { std::hypot (a, b), b, 10.0 * std::log10 (residualEnergy / fittedEnergy) };
}

std::size_t peakIndex (const std::vector<double>& signal)
{
    const auto peak = std::max_element (signal.begin(), signal.end(),
                                        [] (double x, double y) { return std::abs (x) < std::abs (y); });
    return static_cast<std::size_t> (peak - signal.begin());
}

TEST (Resampler, KeepsAnImpulseAtTheSameTime)
{
    std::vector<double> impulse (4410, 0.0);
    impulse[1000] = 1.0;

    const auto resampled = resample (impulse, 44100.0, 48000.0);

    ASSERT_EQ (resampled.size(), 4800u); // 4410 * 48000 / 44100
    const auto expected = std::llround (1000.0 * 48000.0 / 44100.0);
    ASSERT_EQ (expected, 1088);
    EXPECT_NEAR (static_cast<double> (peakIndex (resampled)), static_cast<double> (expected), 1.0);
}

TEST (Resampler, KeepsTheAmplitudeFrequencyAndPhaseOfASine)
{
    struct Case
    {
        double from;
        double to;
    };
    for (const auto [from, to] :
         { Case { 44100.0, 48000.0 }, Case { 48000.0, 44100.0 }, Case { 96000.0, 44100.0 }, Case { 22050.0, 96000.0 } })
    {
        const auto input = sine (1000.0, 0.5, from, static_cast<std::size_t> (from));
        const auto output = resample (input, from, to);

        ASSERT_EQ (output.size(), static_cast<std::size_t> (to)) << from << " -> " << to;
        const auto margin = static_cast<std::size_t> (to / 10.0);
        const auto fit = fitSine (output, 1000.0, to, margin, output.size() - margin);

        EXPECT_NEAR (20.0 * std::log10 (fit.amplitude / 0.5), 0.0, 0.01) << from << " -> " << to;
        EXPECT_LT (std::abs (fit.cosinePart), 1.0e-4) << from << " -> " << to;
        // A sine at any other frequency would leave most of itself here.
        EXPECT_LT (fit.residualDb, -90.0) << from << " -> " << to;
    }
}

TEST (Resampler, KeepsAConstantLevel)
{
    const std::vector<double> level (20000, 0.25);

    const auto output = resample (level, 48000.0, 44100.0);

    ASSERT_EQ (output.size(), 18375u);
    for (std::size_t n = 1000; n < output.size() - 1000; ++n)
        ASSERT_NEAR (output[n], 0.25, 1.0e-5) << n;
}

TEST (Resampler, GivesRoundedLengthsForShortInputs)
{
    EXPECT_TRUE (resample (std::vector<double> {}, 44100.0, 48000.0).empty());
    EXPECT_EQ (resample (std::vector<double> (7, 0.1), 44100.0, 48000.0).size(), 8u); // 7.62
    EXPECT_EQ (resample (std::vector<double> (1, 0.1), 48000.0, 44100.0).size(), 1u); // 0.92
    EXPECT_EQ (resample (std::vector<double> (3, 0.1), 96000.0, 8000.0).size(), 0u);  // 0.25
    EXPECT_EQ (resample (std::vector<double> (1001, 0.1), 8000.0, 96000.0).size(), 12012u);
}

TEST (Resampler, RejectsRatesThatAreNotPositive)
{
    const std::vector<double> samples (10, 0.0);
    EXPECT_THROW (resample (samples, 0.0, 48000.0), std::invalid_argument);
    EXPECT_THROW (resample (samples, 44100.0, -1.0), std::invalid_argument);
    EXPECT_THROW (resample (samples, std::nan (""), 48000.0), std::invalid_argument);
}

TEST (Resampler, ResamplesEachChannelOfAClipOnItsOwn)
{
    AudioClip clip;
    clip.sampleRate = 44100.0;
    clip.channels.assign (2, std::vector<double> (8820, 0.0));
    clip.channels[0][1000] = 1.0;
    clip.channels[1][2000] = -0.5;

    const auto resampled = resample (clip, 48000.0);

    EXPECT_EQ (resampled.sampleRate, 48000.0);
    ASSERT_EQ (resampled.numChannels(), 2u);
    EXPECT_EQ (resampled.numFrames(), 9600u);
    EXPECT_NEAR (static_cast<double> (peakIndex (resampled.channels[0])), 1088.0, 1.0);
    EXPECT_NEAR (static_cast<double> (peakIndex (resampled.channels[1])), 2177.0, 1.0);
    EXPECT_LT (resampled.channels[1][2177], 0.0);
}

TEST (Resampler, ReturnsAClipAtTheTargetRateUnchanged)
{
    AudioClip clip;
    clip.sampleRate = 48000.0;
    clip.channels = { { 0.1, -0.2, 0.3 }, { 1.5, 0.0, -1.5 } };

    const auto same = resample (clip, 48000.0);

    EXPECT_EQ (same.sampleRate, 48000.0);
    EXPECT_EQ (same.channels, clip.channels);
}
} // namespace
} // namespace partita
