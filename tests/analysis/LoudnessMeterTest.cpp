// SPDX-License-Identifier: GPL-3.0-or-later
// Integrated loudness against EBU Tech 3341's closed-form test signals: sines
// whose loudness follows from their level (a 1 kHz sine of amplitude A in each
// of two channels reads 20 log10 A + 0.006 LUFS: the K-weighting's +0.697 dB
// at 1 kHz, -0.691 and +3.01 for the two channels' mean squares of A^2 / 2).
#include "analysis/LoudnessMeter.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>
#include <stdexcept>
#include <vector>

namespace partita
{
namespace
{
struct Segment
{
    double levelDbfs;
    double seconds;
};

/** A sine whose phase runs on across segments of different levels. */
std::vector<double> sineSegments (const std::vector<Segment>& segments, double frequency, double rate)
{
    std::vector<double> signal;
    std::size_t n = 0;
    for (const auto& segment : segments)
    {
        const double amplitude = std::pow (10.0, segment.levelDbfs / 20.0);
        const auto frames = static_cast<std::size_t> (std::lround (segment.seconds * rate));
        for (std::size_t i = 0; i < frames; ++i, ++n)
            signal.push_back (amplitude
                              * std::sin (2.0 * std::numbers::pi * frequency * static_cast<double> (n) / rate));
    }
    return signal;
}

/** The loudness of `channels` (all the same length), fed in blocks of `block` frames. */
std::optional<double> measure (const std::vector<std::vector<double>>& channels, double rate, std::size_t block = 1024,
                               std::vector<double> weights = {})
{
    if (weights.empty())
        weights = bs1770ChannelWeights (channels.size());
    LoudnessMeter meter (rate, weights);
    const auto length = channels.front().size();
    for (std::size_t start = 0; start < length; start += block)
    {
        std::vector<const double*> pointers;
        for (const auto& channel : channels)
            pointers.push_back (channel.data() + start);
        meter.process (pointers, std::min (block, length - start));
    }
    return meter.integratedLoudness();
}

std::optional<double> measureStereo (const std::vector<double>& signal, double rate)
{
    return measure ({ signal, signal }, rate);
}

TEST (LoudnessMeter, Tech3341Case1StereoSineAtMinus23DbfsReadsMinus23Lufs)
{
    const auto loudness = measureStereo (sineSegments ({ { -23.0, 20.0 } }, 1000.0, 48000.0), 48000.0);
    ASSERT_TRUE (loudness.has_value());
    EXPECT_NEAR (*loudness, -23.0, 0.1);
}

TEST (LoudnessMeter, ASine20DbLowerReads20LuLower)
{
    const auto loudness = measureStereo (sineSegments ({ { -43.0, 20.0 } }, 1000.0, 48000.0), 48000.0);
    ASSERT_TRUE (loudness.has_value());
    EXPECT_NEAR (*loudness, -43.0, 0.1);
}

TEST (LoudnessMeter, AFullScale997HzSineInOneChannelReadsMinus3Point01Lufs)
{
    // The K-weighting's gain at 997 Hz is +0.691 dB, which the -0.691 cancels:
    // what is left is the mean square of a full-scale sine, 10 log10 (1/2).
    const auto loudness = measure ({ sineSegments ({ { 0.0, 10.0 } }, 997.0, 48000.0) }, 48000.0);
    ASSERT_TRUE (loudness.has_value());
    EXPECT_NEAR (*loudness, -3.01, 0.01);
}

TEST (LoudnessMeter, Tech3341Case3TheRelativeGateLeavesOutTheQuietParts)
{
    const auto loudness =
        measureStereo (sineSegments ({ { -36.0, 10.0 }, { -23.0, 60.0 }, { -36.0, 10.0 } }, 1000.0, 48000.0), 48000.0);
    ASSERT_TRUE (loudness.has_value());
    EXPECT_NEAR (*loudness, -23.0, 0.1);
}

TEST (LoudnessMeter, Tech3341Case4BothGates)
{
    const auto loudness = measureStereo (
        sineSegments ({ { -72.0, 10.0 }, { -36.0, 10.0 }, { -23.0, 60.0 }, { -36.0, 10.0 }, { -72.0, 10.0 } }, 1000.0,
                      48000.0),
        48000.0);
    ASSERT_TRUE (loudness.has_value());
    EXPECT_NEAR (*loudness, -23.0, 0.1);
}

TEST (LoudnessMeter, Tech3341Case5LoudAndQuietPartsThatBothPassTheGates)
{
    // -26, -20, -26 dBFS for 20, 20.1 and 20 s: every block passes the relative
    // gate, and the power mean is -23.0 LUFS.
    const auto loudness =
        measureStereo (sineSegments ({ { -26.0, 20.0 }, { -20.0, 20.1 }, { -26.0, 20.0 } }, 1000.0, 48000.0), 48000.0);
    ASSERT_TRUE (loudness.has_value());
    EXPECT_NEAR (*loudness, -23.0, 0.1);
}

TEST (LoudnessMeter, ASineReadsTheSameAtEveryRate)
{
    const auto at48k = measureStereo (sineSegments ({ { -23.0, 10.0 } }, 1000.0, 48000.0), 48000.0);
    ASSERT_TRUE (at48k.has_value());
    for (const double rate : { 44100.0, 96000.0, 192000.0 })
    {
        const auto loudness = measureStereo (sineSegments ({ { -23.0, 10.0 } }, 1000.0, rate), rate);
        ASSERT_TRUE (loudness.has_value());
        EXPECT_NEAR (*loudness, *at48k, 0.05) << rate << " Hz";
    }
    // Where the shelf's gain has risen (5 kHz), too.
    const auto high48k = measureStereo (sineSegments ({ { -23.0, 10.0 } }, 5000.0, 48000.0), 48000.0);
    const auto high192k = measureStereo (sineSegments ({ { -23.0, 10.0 } }, 5000.0, 192000.0), 192000.0);
    ASSERT_TRUE (high48k && high192k);
    EXPECT_NEAR (*high192k, *high48k, 0.05);
}

TEST (LoudnessMeter, TheBlocksFedDoNotChangeTheResult)
{
    std::mt19937 random (7);
    std::uniform_real_distribution<double> noise (-0.5, 0.5);
    std::vector<double> left (48000 * 3), right (48000 * 3);
    for (std::size_t n = 0; n < left.size(); ++n)
    {
        left[n] = noise (random);
        right[n] = 0.3 * noise (random);
    }
    const auto whole = measure ({ left, right }, 48000.0, left.size());
    ASSERT_TRUE (whole.has_value());
    for (const std::size_t block :
         { std::size_t { 1 }, std::size_t { 37 }, std::size_t { 4800 }, std::size_t { 9601 } })
        EXPECT_EQ (*measure ({ left, right }, 48000.0, block), *whole) << block;
}

TEST (LoudnessMeter, SilenceAndSignalsShorterThanOneBlockHaveNoLoudness)
{
    EXPECT_FALSE (measure ({ std::vector<double> (48000, 0.0) }, 48000.0).has_value());
    // Below the absolute gate: a -80 dBFS sine.
    EXPECT_FALSE (measure ({ sineSegments ({ { -80.0, 2.0 } }, 1000.0, 48000.0) }, 48000.0).has_value());
    // 399 ms of a loud sine: no whole 400 ms block.
    EXPECT_FALSE (measure ({ sineSegments ({ { 0.0, 0.399 } }, 1000.0, 48000.0) }, 48000.0).has_value());
    EXPECT_TRUE (measure ({ sineSegments ({ { 0.0, 0.4 } }, 1000.0, 48000.0) }, 48000.0).has_value());
}

TEST (LoudnessMeter, SurroundChannelsWeigh1Point41AndTheLfeNothing)
{
    const auto sine = sineSegments ({ { -20.0, 3.0 } }, 1000.0, 48000.0);
    const std::vector<double> silence (sine.size(), 0.0);

    auto inChannel = [&] (std::size_t numChannels, std::size_t channel)
    {
        std::vector<std::vector<double>> channels (numChannels, silence);
        channels[channel] = sine;
        return measure (channels, 48000.0);
    };
    const auto front = inChannel (5, 0);
    const auto surround = inChannel (5, 3);
    ASSERT_TRUE (front && surround);
    EXPECT_NEAR (*surround - *front, 10.0 * std::log10 (1.41), 1e-9);
    EXPECT_NEAR (*inChannel (6, 4) - *front, 10.0 * std::log10 (1.41), 1e-9);
    EXPECT_FALSE (inChannel (6, 3).has_value()) << "the LFE of 5.1 counts for nothing";
    EXPECT_NEAR (*inChannel (4, 3), *front, 1e-9) << "four channels name no surrounds";
}

TEST (LoudnessMeter, MisuseIsRefused)
{
    EXPECT_THROW (LoudnessMeter (48000.0, {}), std::invalid_argument);
    EXPECT_THROW (LoudnessMeter (48000.0, { 1.0, -1.0 }), std::invalid_argument);
    LoudnessMeter meter (48000.0, { 1.0, 1.0 });
    const double sample = 0.0;
    const double* one[] = { &sample };
    EXPECT_THROW (meter.process (one, 1), std::invalid_argument);
}

} // namespace
} // namespace partita
