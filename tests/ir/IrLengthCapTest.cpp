// SPDX-License-Identifier: GPL-3.0-or-later
#include "ir/IrLengthCap.h"

#include "ir/IrNormalisation.h"
#include "ir/IrShaping.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>

namespace partita
{
namespace
{
AudioClip constantClip (std::size_t numChannels, std::size_t length, double rate, double value = 1.0)
{
    AudioClip clip;
    clip.sampleRate = rate;
    clip.channels.assign (numChannels, std::vector<double> (length, value));
    return clip;
}

/** The fade written as cos^2 of a quarter period (the same curve as the
    header's 0.5 (1 + cos) by the half-angle identity), from the first cut
    frame backwards: the frame k before the cut (k = 1 .. F) has gain
    sin^2 (pi / 2 * k / (F + 1)). */
double expectedGainBeforeCut (std::size_t framesBeforeCut, std::size_t fadeFrames)
{
    const double s = std::sin (std::numbers::pi / 2.0 * static_cast<double> (framesBeforeCut)
                               / static_cast<double> (fadeFrames + 1));
    return s * s;
}
} // namespace

TEST (IrLengthCap, TheLastTenMillisecondsFadeOutAlongARaisedCosineSampleBySample)
{
    for (const double rate : { 44100.0, 48000.0, 96000.0 })
    {
        const auto cap = static_cast<std::size_t> (0.1 * rate); // 100 ms
        const auto fade = static_cast<std::size_t> (std::llround (0.010 * rate));
        auto clip = constantClip (2, static_cast<std::size_t> (2.0 * rate), rate, 0.5);
        capImpulseResponseLength (clip, cap);
        for (const auto& channel : clip.channels)
        {
            ASSERT_EQ (channel.size(), cap) << rate;
            for (std::size_t n = 0; n < cap - fade; ++n)
                ASSERT_EQ (channel[n], 0.5) << rate << " Hz, frame " << n;
            for (std::size_t n = cap - fade; n < cap; ++n)
                ASSERT_NEAR (channel[n], 0.5 * expectedGainBeforeCut (cap - n, fade), 1.0e-15)
                    << rate << " Hz, frame " << n;
        }
    }
}

TEST (IrLengthCap, TheFadeHasNoStepAtEitherEnd)
{
    auto clip = constantClip (1, 10000, 48000.0);
    capImpulseResponseLength (clip, 2000);
    const auto& ir = clip.channels[0];
    // 480 fade frames: the largest step of the fade is about pi / 2 / 481 of
    // the level, and the first and the last are far smaller (zero slope).
    double largest = 0.0;
    for (std::size_t n = 1; n < ir.size(); ++n)
        largest = std::max (largest, std::abs (ir[n] - ir[n - 1]));
    EXPECT_LT (largest, std::numbers::pi / 2.0 / 481.0 * 1.0001);
    EXPECT_LT (1.0 - ir[2000 - 480], 1.0e-4);
    EXPECT_LT (ir.back(), 1.0e-4);
    EXPECT_GT (ir.back(), 0.0);
}

TEST (IrLengthCap, AnIrNoLongerThanTheCapIsLeftUntouched)
{
    auto clip = constantClip (2, 4800, 48000.0, 0.25);
    const auto original = clip.channels;
    capImpulseResponseLength (clip, 4800);
    EXPECT_EQ (clip.channels, original);
    capImpulseResponseLength (clip, 100000);
    EXPECT_EQ (clip.channels, original);
}

TEST (IrLengthCap, ACapShorterThanTheFadeFadesTheWholeKeptPart)
{
    auto clip = constantClip (1, 1000, 48000.0);
    capImpulseResponseLength (clip, 10);
    ASSERT_EQ (clip.channels[0].size(), 10u);
    for (std::size_t n = 0; n < 10; ++n)
        EXPECT_NEAR (clip.channels[0][n], expectedGainBeforeCut (10 - n, 10), 1.0e-15) << n;
}

TEST (IrShaping, TheLengthCapBoundsTheStretchedIrAndAutoGainLevelsTheCappedOne)
{
    // 1 s of noise stretched to 2 s, capped at 1.5 s: capped after the
    // stretch, it is 1.5 s long (before it, the cap would leave 1 s * 2).
    std::mt19937 random (9);
    std::normal_distribution<double> noise (0.0, 0.1);
    AudioClip clip;
    clip.sampleRate = 8000.0;
    clip.channels.assign (1, std::vector<double> (8000));
    for (auto& sample : clip.channels[0])
        sample = noise (random);

    ImpulseResponseShape shape;
    shape.stretchFactor = 2.0;
    shape.maxLengthMs = 1500.0;
    shape.autoGain = true;
    const auto shaped = shapeImpulseResponse (clip, shape);
    ASSERT_EQ (shaped.clip.numFrames(), 12000u);

    double energy = 0.0;
    for (const auto sample : shaped.clip.channels[0])
        energy += sample * sample;
    EXPECT_NEAR (energy, 1.0, 1.0e-9);
}

TEST (IrShaping, NoCapLeavesTheShapedIrBitForBit)
{
    std::mt19937 random (4);
    std::uniform_real_distribution<double> sample (-1.0, 1.0);
    AudioClip clip;
    clip.sampleRate = 48000.0;
    clip.channels.assign (2, std::vector<double> (3000));
    for (auto& channel : clip.channels)
        for (auto& value : channel)
            value = sample (random);
    ImpulseResponseShape shape;
    shape.trimStartMs = 2.0;
    shape.autoGain = true;
    const auto reference = shapeImpulseResponse (clip, shape);
    shape.maxLengthMs = 0.0;
    EXPECT_EQ (shapeImpulseResponse (clip, shape).clip.channels, reference.clip.channels);
    // A cap beyond the IR's length changes nothing either.
    shape.maxLengthMs = 1000.0;
    EXPECT_EQ (shapeImpulseResponse (clip, shape).clip.channels, reference.clip.channels);
}

} // namespace partita
