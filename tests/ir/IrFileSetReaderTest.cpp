// SPDX-License-Identifier: GPL-3.0-or-later
#include "ir/IrFileSetReader.h"

#include "TemporaryDirectory.h"
#include "io/AudioFileError.h"
#include "io/AudioFileWriter.h"
#include "io/Resampler.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

namespace partita
{
namespace
{
constexpr AudioReadLimits limits {};

/** A mono decaying tone, different for each `seed`, so that a channel's
    origin shows. */
AudioClip monoTone (std::size_t frames, double rate, int seed)
{
    AudioClip clip { rate, { std::vector<double> (frames) } };
    for (std::size_t n = 0; n < frames; ++n)
        clip.channels[0][n] =
            0.5 * std::exp (-static_cast<double> (n) / 200.0) * std::sin (0.01 * (seed + 1) * static_cast<double> (n));
    return clip;
}

void write (const std::filesystem::path& path, const AudioClip& clip)
{
    writeAudioFile (path, clip, OutputFormat { FileContainer::wav, SampleFormat::float32 });
}
} // namespace

TEST (IrFileSetReader, APairLoadsAsOneStereoIrNamedAfterTheSetAndPaddedToTheLongerHalf)
{
    const test::TemporaryDirectory directory;
    const auto left = monoTone (300, 48000.0, 1);
    const auto right = monoTone (500, 48000.0, 2);
    write (directory / "hall_L.wav", left);
    write (directory / "hall_R.wav", right);
    write (directory / "plate.wav", monoTone (100, 48000.0, 3));

    const auto set = findIrFileSet (directory / "hall_R.wav", limits);
    ASSERT_EQ (set.layout, IrFileSetLayout::leftRight);
    const auto read = readIrFileSet (set, 48000.0, limits);
    EXPECT_EQ (read.name, "hall [L+R]");
    EXPECT_EQ (read.describe(), "left/right pair: hall_L.wav + hall_R.wav");
    ASSERT_EQ (read.clip.numChannels(), 2u);
    ASSERT_EQ (read.clip.numFrames(), 500u);
    for (std::size_t n = 0; n < 500; ++n)
    {
        EXPECT_EQ (read.clip.channels[0][n],
                   n < 300 ? static_cast<double> (static_cast<float> (left.channels[0][n])) : 0.0);
        EXPECT_EQ (read.clip.channels[1][n], static_cast<double> (static_cast<float> (right.channels[0][n])));
    }
    EXPECT_FALSE (read.layoutHint.says());

    // Asked for alone, the half is itself.
    const auto alone =
        readIrFileSet (findIrFileSet (directory / "hall_R.wav", limits, IrFileSetUse::namedFileOnly), 48000.0, limits);
    EXPECT_EQ (alone.name, "hall_R.wav");
    EXPECT_EQ (alone.clip.numChannels(), 1u);
    EXPECT_TRUE (alone.describe().empty());
}

TEST (IrFileSetReader, AQuadIsTrueStereoBecauseItsFilesSaySo)
{
    const test::TemporaryDirectory directory;
    const char* names[] = { "room_LL.wav", "room_LR.wav", "room_RL.wav", "room_RR.wav" };
    for (int i = 0; i < 4; ++i)
        write (directory / names[i], monoTone (200 + 10 * static_cast<std::size_t> (i), 44100.0, i));

    const auto read = readIrFileSet (findIrFileSet (directory / "room_RL.wav", limits), 48000.0, limits);
    EXPECT_EQ (read.name, "room [LL+LR+RL+RR]");
    ASSERT_EQ (read.clip.numChannels(), 4u);
    EXPECT_EQ (read.clip.numFrames(), 230u);
    EXPECT_EQ (read.clip.sampleRate, 44100.0);
    EXPECT_EQ (read.layoutHint, (IrLayoutHint { IrLayout::trueStereo, IrLayoutReason::fileSet }));
    // Channel i from path i: LL LR RL RR.
    for (int i = 0; i < 4; ++i)
        EXPECT_FLOAT_EQ (static_cast<float> (read.clip.channels[static_cast<std::size_t> (i)][50]),
                         static_cast<float> (monoTone (300, 44100.0, i).channels[0][50]));
    EXPECT_EQ (describeIrLayout (4, resolveIrLayout (IrLayout::automatic, read.layoutHint, 4), {}),
               "true stereo (LL, LR, RL, RR) from its four files (a true-stereo set)");
}

TEST (IrFileSetReader, HalvesAtDifferentRatesAreResampledToTheHigher)
{
    const test::TemporaryDirectory directory;
    const auto left = monoTone (441, 44100.0, 1);
    const auto right = monoTone (480, 48000.0, 2);
    write (directory / "hall_L.wav", left);
    write (directory / "hall_R.wav", right);

    const auto read = readIrFileSet (findIrFileSet (directory / "hall_L.wav", limits), 48000.0, limits);
    EXPECT_EQ (read.clip.sampleRate, 48000.0);
    ASSERT_EQ (read.clip.numFrames(), 480u);
    // The left half as libsoxr resamples it on its own, scaled by 44100 /
    // 48000 as the IR chain scales a resampled IR; the right untouched.
    AudioClip leftAsRead = left;
    for (auto& sample : leftAsRead.channels[0])
        sample = static_cast<double> (static_cast<float> (sample));
    const auto expected = resample (leftAsRead.channels[0], 44100.0, 48000.0);
    ASSERT_EQ (expected.size(), 480u);
    for (std::size_t n = 0; n < 480; ++n)
        EXPECT_DOUBLE_EQ (read.clip.channels[0][n], expected[n] * (44100.0 / 48000.0));
    EXPECT_EQ (read.clip.channels[1][100], static_cast<double> (static_cast<float> (right.channels[0][100])));
}

TEST (IrFileSetReader, RateVariantsLoadTheOneAtTheSessionRate)
{
    const test::TemporaryDirectory directory;
    write (directory / "hall_44k.wav", monoTone (100, 44100.0, 1));
    write (directory / "hall_48k.wav", monoTone (110, 48000.0, 2));
    write (directory / "hall_96k.wav", monoTone (220, 96000.0, 3));

    const auto set = findIrFileSet (directory / "hall_96k.wav", limits);
    ASSERT_EQ (set.variants.size(), 3u);
    const auto at48 = readIrFileSet (set, 48000.0, limits);
    EXPECT_EQ (at48.clip.sampleRate, 48000.0);
    EXPECT_EQ (at48.name, "hall [48 kHz]");
    EXPECT_EQ (at48.describe(), "hall_48k.wav, the 48000 Hz one of 3 rates (44100, 48000, 96000 Hz)");
    EXPECT_EQ (readIrFileSet (set, 88200.0, limits).clip.sampleRate, 96000.0);
    EXPECT_EQ (readIrFileSet (set, 44100.0, limits).name, "hall [44.1 kHz]");
    // Before the session rate is known: the highest.
    EXPECT_EQ (readIrFileSet (set, 0.0, limits).clip.sampleRate, 96000.0);
}

TEST (IrFileSetReader, StereoHalvesOrAnUnreadableHalfDoNotPair)
{
    const test::TemporaryDirectory directory;
    AudioClip stereo = monoTone (100, 48000.0, 1);
    stereo.channels.push_back (stereo.channels[0]);
    write (directory / "hall_L.wav", stereo);
    write (directory / "hall_R.wav", stereo);
    EXPECT_FALSE (findIrFileSet (directory / "hall_L.wav", limits).isSet());

    write (directory / "room_L.wav", monoTone (100, 48000.0, 1));
    {
        std::ofstream broken (directory / "room_R.wav");
        broken << "not audio";
    }
    const auto room = findIrFileSet (directory / "room_L.wav", limits);
    EXPECT_FALSE (room.isSet());
    EXPECT_EQ (readIrFileSet (room, 48000.0, limits).clip.numChannels(), 1u);
}

TEST (IrFileSetReader, CombiningRefusesPartsThatAreNotMono)
{
    AudioClip stereo = monoTone (10, 48000.0, 1);
    stereo.channels.push_back (stereo.channels[0]);
    EXPECT_THROW ((void)combineMonoClips ({ monoTone (10, 48000.0, 1), stereo }), std::invalid_argument);
    EXPECT_THROW ((void)combineMonoClips ({}), std::invalid_argument);
}

} // namespace partita
