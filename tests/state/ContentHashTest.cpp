// SPDX-License-Identifier: GPL-3.0-or-later
#include "state/ContentHash.h"

#include "StateTestHelpers.h"

#include <gtest/gtest.h>

namespace partita
{
namespace
{
TEST (ContentHash, IsTheSameForEqualAudio)
{
    const auto a = test::gridClip (2, 1000, 24, 48000.0, 1);
    const auto b = test::gridClip (2, 1000, 24, 48000.0, 1);
    EXPECT_EQ (contentHash (a), contentHash (b));
}

TEST (ContentHash, ChangesWhenOneSampleChangesByOneStep)
{
    const auto original = test::gridClip (2, 1000, 24, 48000.0, 1);
    auto changed = original;
    changed.channels[1][517] += 1.0 / 8388608.0;
    EXPECT_NE (contentHash (original), contentHash (changed));
}

TEST (ContentHash, ChangesWithTheSampleRateAndTheChannelLayout)
{
    const auto original = test::gridClip (2, 100, 16, 48000.0, 3);
    auto otherRate = original;
    otherRate.sampleRate = 44100.0;
    EXPECT_NE (contentHash (original), contentHash (otherRate));

    // The same samples split differently over channels are different audio.
    AudioClip oneChannel;
    oneChannel.sampleRate = 48000.0;
    oneChannel.channels.push_back (original.channels[0]);
    oneChannel.channels[0].insert (oneChannel.channels[0].end(), original.channels[1].begin(),
                                   original.channels[1].end());
    EXPECT_NE (contentHash (original), contentHash (oneChannel));
}

TEST (ContentHash, CountsNegativeZeroAsZero)
{
    AudioClip positive { 48000.0, { { 0.0, 0.5, 0.0 } } };
    AudioClip negative { 48000.0, { { -0.0, 0.5, -0.0 } } };
    EXPECT_EQ (contentHash (positive), contentHash (negative));
}

TEST (ContentHash, MatchesTheFnv1aOfItsDefinitionForATinyClip)
{
    // Independent computation: FNV-1a 64 over the little-endian bytes of
    // rate, channel count, frame count, then per channel its length and samples.
    const AudioClip clip { 8000.0, { { 0.25 } } };
    std::uint64_t hash = 0xcbf29ce484222325ull;
    const auto addWord = [&hash] (std::uint64_t word)
    {
        for (int i = 0; i < 8; ++i)
        {
            hash ^= (word >> (8 * i)) & 0xffu;
            hash *= 0x100000001b3ull;
        }
    };
    addWord (0x40bf400000000000ull); // 8000.0
    addWord (1);
    addWord (1);
    addWord (1);
    addWord (0x3fd0000000000000ull); // 0.25
    EXPECT_EQ (contentHash (clip), hash);
}

TEST (ContentHash, PrintsAsSixteenHexDigits)
{
    EXPECT_EQ (toHexString (0x0123456789abcdefull), "0123456789abcdef");
    EXPECT_EQ (toHexString (0), "0000000000000000");
}
} // namespace
} // namespace partita
