// SPDX-License-Identifier: GPL-3.0-or-later
#include "ir/IrShaping.h"

#include "ir/IrReverse.h"
#include "ir/IrStretch.h"
#include "ir/IrTrim.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>
#include <stdexcept>

namespace partita
{
namespace
{
/** channel c, sample n = 1000 c + n: every sample says where it came from. */
AudioClip numberedClip (std::size_t numChannels, std::size_t length, double rate)
{
    AudioClip clip;
    clip.sampleRate = rate;
    for (std::size_t c = 0; c < numChannels; ++c)
    {
        std::vector<double> channel (length);
        for (std::size_t n = 0; n < length; ++n)
            channel[n] = static_cast<double> (1000 * c + n);
        clip.channels.push_back (channel);
    }
    return clip;
}

/** Trim 10 and 20 ms, reverse, auto-gain: at 1 kHz, 70 frames of a
    100-frame IR played backwards and levelled. */
ImpulseResponseShape trimmedReversedLevelled()
{
    ImpulseResponseShape shape;
    shape.trimStartMs = 10.0;
    shape.trimEndMs = 20.0;
    shape.reverse = true;
    shape.autoGain = true;
    return shape;
}

/** A Gaussian bump: smooth enough (band-limited) for a resampler to
    reproduce its closed form. */
double bump (double t, double centre, double width)
{
    const double u = (t - centre) / width;
    return std::exp (-u * u);
}
} // namespace

TEST (IrTrim, RemovesTheRequestedFramesFromBothEndsOfEveryChannel)
{
    auto clip = numberedClip (2, 100, 1000.0);
    trimImpulseResponse (clip, 10, 25);
    ASSERT_EQ (clip.numFrames(), 65u);
    for (std::size_t c = 0; c < 2; ++c)
        for (std::size_t n = 0; n < 65; ++n)
            ASSERT_EQ (clip.channels[c][n], static_cast<double> (1000 * c + 10 + n));
}

TEST (IrTrim, AlwaysKeepsAtLeastOneFrame)
{
    auto clip = numberedClip (1, 100, 1000.0);
    trimImpulseResponse (clip, 99, 50);
    ASSERT_EQ (clip.numFrames(), 1u);
    EXPECT_EQ (clip.channels[0][0], 99.0);

    auto other = numberedClip (1, 100, 1000.0);
    trimImpulseResponse (other, 500, 500);
    ASSERT_EQ (other.numFrames(), 1u);
    EXPECT_EQ (other.channels[0][0], 99.0);

    auto fromEnd = numberedClip (1, 100, 1000.0);
    trimImpulseResponse (fromEnd, 0, 1000);
    ASSERT_EQ (fromEnd.numFrames(), 1u);
    EXPECT_EQ (fromEnd.channels[0][0], 0.0);
}

TEST (IrTrim, ConvertsMillisecondsToTheNearestWholeFrame)
{
    EXPECT_EQ (millisecondsToFrames (12.34, 44100.0), 544u); // 544.194
    EXPECT_EQ (millisecondsToFrames (500.0, 48000.0), 24000u);
    EXPECT_EQ (millisecondsToFrames (0.0104, 48000.0), 0u); // 0.4992
    EXPECT_EQ (millisecondsToFrames (0.0105, 48000.0), 1u); // 0.504
    EXPECT_EQ (millisecondsToFrames (-3.0, 48000.0), 0u);
    EXPECT_EQ (millisecondsToFrames (std::nan (""), 48000.0), 0u);
}

TEST (IrReverse, PlaysEveryChannelBackwardsAndTwiceGivesTheIrBack)
{
    auto clip = numberedClip (2, 37, 1000.0);
    reverseImpulseResponse (clip);
    for (std::size_t c = 0; c < 2; ++c)
        for (std::size_t n = 0; n < 37; ++n)
            ASSERT_EQ (clip.channels[c][n], static_cast<double> (1000 * c + 36 - n));
    reverseImpulseResponse (clip);
    EXPECT_EQ (clip.channels, numberedClip (2, 37, 1000.0).channels);
}

TEST (IrStretch, ScalesTheTimeAxisOfTheIrByTheFactor)
{
    // h(n) = bump (n; 1000, 150) stretched by s is bump (n / s; 1000, 150) / sqrt (s):
    // centre and width scale by s, the length becomes round (N s), and the
    // sum of squares of bump (n / s), s times the original's, is brought back.
    const std::size_t length = 2000;
    for (const double factor : { 0.5, 0.75, 1.5, 2.0 })
    {
        AudioClip clip;
        clip.sampleRate = 48000.0;
        std::vector<double> channel (length);
        for (std::size_t n = 0; n < length; ++n)
            channel[n] = bump (static_cast<double> (n), 1000.0, 150.0);
        clip.channels = { channel, channel };

        stretchImpulseResponse (clip, factor);
        const auto expectedLength = static_cast<std::size_t> (std::llround (static_cast<double> (length) * factor));
        ASSERT_EQ (clip.numFrames(), expectedLength) << factor;
        EXPECT_EQ (clip.sampleRate, 48000.0);

        double worst = 0.0;
        for (std::size_t n = 0; n < expectedLength; ++n)
            worst = std::max (worst,
                              std::abs (clip.channels[1][n]
                                        - bump (static_cast<double> (n) / factor, 1000.0, 150.0) / std::sqrt (factor)));
        EXPECT_LT (worst, 1.0e-4) << "stretch " << factor;
    }
}

TEST (IrStretch, MultipliesAnExponentialDecayTimeByTheFactor)
{
    // A smooth decay exp (-n / tau) (after a smooth onset) decays with tau * s after stretching.
    const double tau = 400.0;
    const std::size_t length = 6000;
    AudioClip clip;
    clip.sampleRate = 44100.0;
    std::vector<double> channel (length);
    for (std::size_t n = 0; n < length; ++n)
    {
        const double t = static_cast<double> (n);
        channel[n] = std::exp (-t / tau) * (1.0 - bump (t, 0.0, 100.0));
    }
    clip.channels = { channel };
    stretchImpulseResponse (clip, 2.0);

    // Ratio of samples one (stretched) time constant apart, well after the onset.
    const double ratio = clip.channels[0][3000 + 800] / clip.channels[0][3000];
    EXPECT_NEAR (ratio, std::exp (-1.0), 1.0e-3);
}

TEST (IrStretch, KeepsTheWetEnergyOfTheOriginal)
{
    // A room-like IR: two channels of Gaussian noise under an exponential
    // decay (T60 0.3 s at 48 kHz). Its energy, summed in double before the
    // stretch, is the reference: the stretched IR must carry the same within
    // 0.05 dB at every factor (a plain resampler gives +1.8 dB at 150 %,
    // +3 dB at 200 %, and at 50 % loses what moves above Nyquist).
    const double rate = 48000.0;
    const std::size_t length = 24000;
    std::mt19937 random (15);
    std::normal_distribution<double> noise (0.0, 0.3);
    AudioClip original;
    original.sampleRate = rate;
    for (int c = 0; c < 2; ++c)
    {
        std::vector<double> channel (length);
        for (std::size_t n = 0; n < length; ++n)
            channel[n] = noise (random) * std::pow (10.0, -3.0 * static_cast<double> (n) / (0.3 * rate));
        original.channels.push_back (channel);
    }
    double originalEnergy = 0.0;
    for (const auto& channel : original.channels)
        for (const double sample : channel)
            originalEnergy += sample * sample;

    for (const double factor : { 0.5, 1.5, 2.0 })
    {
        auto clip = original;
        stretchImpulseResponse (clip, factor);
        double energy = 0.0;
        for (const auto& channel : clip.channels)
            for (const double sample : channel)
                energy += sample * sample;
        EXPECT_NEAR (10.0 * std::log10 (energy / originalEnergy), 0.0, 0.05) << "stretch " << factor;
    }
}

TEST (IrStretch, RejectsAbsurdFactors)
{
    auto clip = numberedClip (1, 10, 1000.0);
    EXPECT_THROW (stretchImpulseResponse (clip, 0.0), std::invalid_argument);
    EXPECT_THROW (stretchImpulseResponse (clip, std::nan ("")), std::invalid_argument);
    EXPECT_THROW (stretchImpulseResponse (clip, 100.0), std::invalid_argument);
    stretchImpulseResponse (clip, 1.0);
    EXPECT_EQ (clip.channels, numberedClip (1, 10, 1000.0).channels);
}

TEST (IrShaping, TrimsThenReversesThenStretchesThenLevels)
{
    // At 1 kHz one ms is one frame: trim 10 and 20 of 100, reverse, no stretch,
    // then auto-gain: sample n = (89 - n + 1000 c) / sqrt (largest channel energy).
    auto clip = numberedClip (2, 100, 1000.0);
    auto shape = trimmedReversedLevelled();
    const auto shaped = shapeImpulseResponse (clip, shape);

    double energy = 0.0;
    for (std::size_t n = 10; n < 80; ++n)
        energy += std::pow (1000.0 + static_cast<double> (n), 2.0);
    const double gain = 1.0 / std::sqrt (energy);
    EXPECT_NEAR (shaped.gain, gain, 1.0e-15);

    ASSERT_EQ (shaped.clip.numFrames(), 70u);
    for (std::size_t c = 0; c < 2; ++c)
        for (std::size_t n = 0; n < 70; ++n)
            ASSERT_NEAR (shaped.clip.channels[c][n],
                         (1000.0 * static_cast<double> (c) + 79.0 - static_cast<double> (n)) * gain, 1.0e-12);
}

TEST (IrShaping, TheIrGainScalesTheLevelledIrLast)
{
    // Auto-gain brings the IR to unit energy, then +6 dB scales it by
    // 10^(6/20): sample n = (1000 c + n) / sqrt (largest energy) * 1.99526...
    auto clip = numberedClip (2, 100, 1000.0);
    ImpulseResponseShape shape;
    shape.autoGain = true;
    shape.gainDb = 6.0;
    const auto shaped = shapeImpulseResponse (clip, shape);

    double energy = 0.0;
    for (std::size_t n = 0; n < 100; ++n)
        energy += std::pow (1000.0 + static_cast<double> (n), 2.0);
    const double levelled = 1.0 / std::sqrt (energy);
    EXPECT_NEAR (shaped.gain, levelled, 1.0e-15); // the auto-gain factor alone
    const double factor = 1.9952623149688795;     // 10^(6/20)
    for (std::size_t c = 0; c < 2; ++c)
        for (std::size_t n = 0; n < 100; ++n)
            ASSERT_NEAR (shaped.clip.channels[c][n],
                         (1000.0 * static_cast<double> (c) + static_cast<double> (n)) * levelled * factor, 1.0e-12);
}

TEST (IrShaping, TheEnvelopeWorksInThePlayedTimeAfterTheTrimAndReverseAndBeforeAutoGain)
{
    // At 1 kHz one ms is one frame. Trim 10 and 20 of 100, reverse: 70
    // frames, (79 - n + 1000 c). Attack 20 ms, linear: x (n + 1) / 20 for n < 20.
    // Early 0 dB, late -6 dB split 30 ms after the direct sound (frame 0,
    // the largest, in channel 1), crossfade 10 ms: -6 dB from frame 35.
    // Then auto-gain over the result.
    auto clip = numberedClip (2, 100, 1000.0);
    auto shape = trimmedReversedLevelled();
    shape.envelope.attackMs = 20.0;
    shape.envelope.lateLevelDb = -6.0;
    shape.envelope.earlyLateSplitMs = 30.0;
    const auto shaped = shapeImpulseResponse (clip, shape);

    const double late = std::pow (10.0, -6.0 / 20.0);
    const auto expected = [&] (std::size_t c, std::size_t n)
    {
        double gain = n < 20 ? static_cast<double> (n + 1) / 20.0 : 1.0;
        if (n >= 35)
            gain *= late;
        else if (n >= 25)
            gain *=
                1.0
                + (late - 1.0) * 0.5 * (1.0 - std::cos (std::numbers::pi * (static_cast<double> (n) - 25.0) / 10.0));
        return (1000.0 * static_cast<double> (c) + 79.0 - static_cast<double> (n)) * gain;
    };
    double energy = 0.0;
    for (std::size_t n = 0; n < 70; ++n)
        energy += expected (1, n) * expected (1, n);
    EXPECT_NEAR (shaped.gain, 1.0 / std::sqrt (energy), 1.0e-15);
    ASSERT_EQ (shaped.clip.numFrames(), 70u);
    for (std::size_t c = 0; c < 2; ++c)
        for (std::size_t n = 0; n < 70; ++n)
            ASSERT_NEAR (shaped.clip.channels[c][n], expected (c, n) / std::sqrt (energy), 1.0e-12) << c << ", " << n;
}

TEST (IrShaping, AutoGainRejectsASilentIr)
{
    AudioClip clip;
    clip.sampleRate = 48000.0;
    clip.channels = { std::vector<double> (100, 0.0) };
    ImpulseResponseShape shape;
    shape.autoGain = true;
    EXPECT_THROW (shapeImpulseResponse (clip, shape), std::invalid_argument);
    shape.autoGain = false;
    EXPECT_NO_THROW (shapeImpulseResponse (clip, shape));
}

} // namespace partita
