// SPDX-License-Identifier: GPL-3.0-or-later
#include "ir/IrChannelSelection.h"

#include <gtest/gtest.h>

#include <random>

namespace partita
{
namespace
{
/** numChannels channels of independent noise, so that any mix-up of
    channels or samples shows. */
AudioClip noiseClip (std::size_t numChannels, std::size_t length, std::uint32_t seed)
{
    std::mt19937 random (seed);
    std::uniform_real_distribution<double> sample (-1.0, 1.0);
    AudioClip clip;
    clip.sampleRate = 44100.0;
    clip.channels.assign (numChannels, std::vector<double> (length));
    for (auto& channel : clip.channels)
        for (auto& value : channel)
            value = sample (random);
    return clip;
}

IrChannelSelection channel (std::size_t number)
{
    return static_cast<IrChannelSelection> (number);
}
} // namespace

TEST (IrChannelSelection, TheChoicesNameTheSelectionsInTheirEnumOrder)
{
    EXPECT_EQ (irChannelChoices[static_cast<std::size_t> (IrChannelSelection::all)], "All");
    EXPECT_EQ (irChannelChoices[static_cast<std::size_t> (IrChannelSelection::channel1)], "1");
    EXPECT_EQ (irChannelChoices[static_cast<std::size_t> (IrChannelSelection::channel8)], "8");
    EXPECT_EQ (irChannelChoices[static_cast<std::size_t> (IrChannelSelection::sumToMono)], "Sum to mono");
    EXPECT_EQ (static_cast<std::size_t> (IrChannelSelection::channel8), maxSelectableIrChannel);
}

TEST (IrChannelSelection, AChannelIsExactlyThatChannelsSamples)
{
    const auto clip = noiseClip (8, 1000, 7);
    for (std::size_t number = 1; number <= maxSelectableIrChannel; ++number)
    {
        const auto selected = selectIrChannels (clip, channel (number));
        ASSERT_EQ (selected.clip.numChannels(), 1u) << number;
        EXPECT_EQ (selected.clip.channels[0], clip.channels[number - 1]) << number;
        EXPECT_EQ (selected.clip.sampleRate, clip.sampleRate);
        EXPECT_FALSE (selected.fellBackToFirst);
    }
}

TEST (IrChannelSelection, AllKeepsTheClipAsItIs)
{
    const auto clip = noiseClip (4, 300, 3);
    const auto selected = selectIrChannels (clip, IrChannelSelection::all);
    EXPECT_EQ (selected.clip.channels, clip.channels);
    EXPECT_EQ (selected.clip.sampleRate, clip.sampleRate);
    EXPECT_EQ (describeIrChannelSelection (IrChannelSelection::all, 4, false), "");
}

TEST (IrChannelSelection, SumToMonoIsTheAverageOfTheChannels)
{
    for (const std::size_t numChannels : { 1u, 2u, 3u, 4u, 7u })
    {
        const auto clip = noiseClip (numChannels, 500, static_cast<std::uint32_t> (numChannels));
        const auto selected = selectIrChannels (clip, IrChannelSelection::sumToMono);
        ASSERT_EQ (selected.clip.numChannels(), 1u);
        ASSERT_EQ (selected.clip.numFrames(), 500u);
        for (std::size_t n = 0; n < 500; ++n)
        {
            long double sum = 0.0L;
            for (const auto& ir : clip.channels)
                sum += ir[n];
            EXPECT_NEAR (selected.clip.channels[0][n], static_cast<double> (sum / numChannels), 1.0e-15)
                << numChannels << " channels, sample " << n;
        }
    }
}

TEST (IrChannelSelection, SummingChannelsThatAreAlikeKeepsTheirLevel)
{
    auto clip = noiseClip (1, 200, 11);
    clip.channels.push_back (clip.channels[0]);
    EXPECT_EQ (selectIrChannels (clip, IrChannelSelection::sumToMono).clip.channels[0], clip.channels[0]);
}

TEST (IrChannelSelection, AChannelTheIrDoesNotHaveFallsBackToTheFirstAndSaysSo)
{
    const auto clip = noiseClip (2, 100, 5);
    const auto selected = selectIrChannels (clip, IrChannelSelection::channel3);
    ASSERT_EQ (selected.clip.numChannels(), 1u);
    EXPECT_EQ (selected.clip.channels[0], clip.channels[0]);
    EXPECT_TRUE (selected.fellBackToFirst);
    EXPECT_EQ (describeIrChannelSelection (IrChannelSelection::channel3, 2, true),
               "no channel 3 in 2 channels: channel 1 plays");
    EXPECT_EQ (describeIrChannelSelection (IrChannelSelection::channel2, 1, true),
               "no channel 2 in 1 channel: channel 1 plays");
}

TEST (IrChannelSelection, TheDescriptionSaysWhichChannelPlays)
{
    EXPECT_EQ (describeIrChannelSelection (IrChannelSelection::channel2, 4, false), "channel 2 of 4");
    EXPECT_EQ (describeIrChannelSelection (IrChannelSelection::sumToMono, 4, false), "4 channels summed");
    // A mono IR's only channel, or its "sum", is the IR as it is: nothing to say.
    EXPECT_EQ (describeIrChannelSelection (IrChannelSelection::channel1, 1, false), "");
    EXPECT_EQ (describeIrChannelSelection (IrChannelSelection::sumToMono, 1, false), "");
}

} // namespace partita
