// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/SampleEncoder.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <limits>
#include <vector>

namespace partita::detail
{
namespace
{

TEST (SampleEncoder, FixedPointFullScaleIsTheLargestCodeNotAWrap)
{
    // 16 bits, left-aligned in 32: code k is k * 2^16.
    EXPECT_EQ (toFixedPoint (1.0, 16), 32767 * 65536);
    EXPECT_EQ (toFixedPoint (-1.0, 16), -32768 * 65536);
    EXPECT_EQ (toFixedPoint (1.0e9, 16), 32767 * 65536);
    EXPECT_EQ (toFixedPoint (-std::numeric_limits<double>::infinity(), 24), -8388608 * 256);
    EXPECT_EQ (toFixedPoint (0.5, 24), 4194304 * 256);
}

TEST (SampleEncoder, FixedPointRoundsToTheNearestCodeWithoutDither)
{
    const double step = 1.0 / 32768.0;
    EXPECT_EQ (toFixedPoint (0.4 * step, 16), 0);
    EXPECT_EQ (toFixedPoint (0.6 * step, 16), 65536);
    EXPECT_EQ (toFixedPoint (-0.6 * step, 16), -65536);
}

TEST (SampleEncoder, NamesTheFirstNaNInFileOrderForAFixedPointFormat)
{
    const std::vector<double> left { 0.0, 0.0, std::nan ("") };
    const std::vector<double> right { 0.0, std::nan (""), 0.0 };
    const std::array<const double*, 2> channels { left.data(), right.data() };

    SampleEncoder encoder (SampleFormat::pcm24, 2);
    const auto unstorable = encoder.encode (channels, 0, 3);

    ASSERT_TRUE (unstorable.has_value());
    EXPECT_EQ (unstorable->channel, 1u);
    EXPECT_EQ (unstorable->frame, 1u);
}

TEST (SampleEncoder, RefusesInfinityInVorbisButKeepsItInFloatFormats)
{
    const std::vector<double> samples { 0.25, std::numeric_limits<double>::infinity() };
    const std::array<const double*, 1> channels { samples.data() };

    EXPECT_TRUE (SampleEncoder (SampleFormat::vorbis, 1).encode (channels, 0, 2).has_value());
    EXPECT_FALSE (SampleEncoder (SampleFormat::float64, 1).encode (channels, 0, 2).has_value());
    EXPECT_FALSE (SampleEncoder (SampleFormat::float32, 1).encode (channels, 0, 2).has_value());
    // Fixed point clips infinity to full scale; only NaN has no code.
    EXPECT_FALSE (SampleEncoder (SampleFormat::pcm16, 1).encode (channels, 0, 2).has_value());
}

TEST (SampleEncoder, KeepsItsBlockNearSixtyFourThousandSamplesWhateverTheChannels)
{
    EXPECT_EQ (SampleEncoder (SampleFormat::float32, 1).blockFrames(), 65536u);
    EXPECT_EQ (SampleEncoder (SampleFormat::float32, 3).blockFrames(), 65536u / 3);
    EXPECT_EQ (SampleEncoder (SampleFormat::pcm16, 100000).blockFrames(), 1u);
}

} // namespace
} // namespace partita::detail
