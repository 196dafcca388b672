// SPDX-License-Identifier: GPL-3.0-or-later
// Writing a clip and reading it back, for every container and sample format.
// References are closed-form: the float cast, or the rounding a fixed-point
// format does by definition; never a file this code wrote earlier.
#include "IoTestHelpers.h"
#include "TemporaryDirectory.h"
#include "io/AudioFileReader.h"
#include "io/AudioFileWriter.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <string>

namespace partita
{
namespace
{
struct LosslessCase
{
    FileContainer container;
    SampleFormat sampleFormat;
    const char* extension;
    const char* name;
};

void PrintTo (const LosslessCase& testCase, std::ostream* stream)
{
    *stream << testCase.name;
}

class LosslessRoundTrip : public ::testing::TestWithParam<LosslessCase>
{
};

TEST_P (LosslessRoundTrip, ReadsBackWhatTheFormatCanHoldOfEverySample)
{
    const auto& param = GetParam();
    const test::TemporaryDirectory folder;
    const auto path = folder / (std::string ("clip") + param.extension);
    const auto clip = test::testClip (3, 4801, 48000.0);

    writeAudioFile (path, clip, { param.container, param.sampleFormat });
    const auto back = readAudioFile (path);

    ASSERT_EQ (back.numChannels(), clip.numChannels());
    ASSERT_EQ (back.numFrames(), clip.numFrames());
    EXPECT_EQ (back.sampleRate, clip.sampleRate);

    for (std::size_t c = 0; c < clip.numChannels(); ++c)
    {
        for (std::size_t n = 0; n < clip.numFrames(); ++n)
        {
            const double original = clip.channels[c][n];
            const double read = back.channels[c][n];

            switch (param.sampleFormat)
            {
                case SampleFormat::float32:
                    ASSERT_EQ (read, static_cast<double> (static_cast<float> (original)))
                        << "channel " << c << " frame " << n;
                    break;
                case SampleFormat::float64:
                    ASSERT_EQ (read, original) << "channel " << c << " frame " << n;
                    break;
                case SampleFormat::pcm16:
                    ASSERT_EQ (read, test::quantised (original, 16)) << "channel " << c << " frame " << n;
                    break;
                case SampleFormat::pcm24:
                    ASSERT_EQ (read, test::quantised (original, 24)) << "channel " << c << " frame " << n;
                    ASSERT_LE (std::abs (read - original), std::ldexp (1.0, -23));
                    break;
                case SampleFormat::pcm32:
                    ASSERT_EQ (read, test::quantised (original, 32)) << "channel " << c << " frame " << n;
                    break;
                case SampleFormat::vorbis:
                    FAIL() << "Vorbis is lossy; it has its own test";
            }
        }
    }
}

INSTANTIATE_TEST_SUITE_P (
    EveryLosslessFormat, LosslessRoundTrip,
    ::testing::Values (LosslessCase { FileContainer::wav, SampleFormat::pcm16, ".wav", "Wav16" },
                       LosslessCase { FileContainer::wav, SampleFormat::pcm24, ".wav", "Wav24" },
                       LosslessCase { FileContainer::wav, SampleFormat::pcm32, ".wav", "Wav32" },
                       LosslessCase { FileContainer::wav, SampleFormat::float32, ".wav", "WavFloat" },
                       LosslessCase { FileContainer::wav, SampleFormat::float64, ".wav", "WavDouble" },
                       LosslessCase { FileContainer::aiff, SampleFormat::pcm16, ".aiff", "Aiff16" },
                       LosslessCase { FileContainer::aiff, SampleFormat::pcm24, ".aiff", "Aiff24" },
                       LosslessCase { FileContainer::aiff, SampleFormat::pcm32, ".aiff", "Aiff32" },
                       LosslessCase { FileContainer::aiff, SampleFormat::float32, ".aif", "AiffFloat" },
                       LosslessCase { FileContainer::aiff, SampleFormat::float64, ".aif", "AiffDouble" },
                       LosslessCase { FileContainer::flac, SampleFormat::pcm16, ".flac", "Flac16" },
                       LosslessCase { FileContainer::flac, SampleFormat::pcm24, ".flac", "Flac24" }),
    [] (const ::testing::TestParamInfo<LosslessCase>& testCase) { return std::string (testCase.param.name); });

TEST (AudioFileRoundTrip, OggVorbisKeepsChannelsRateAndLengthAndSoundsLikeTheOriginal)
{
    const test::TemporaryDirectory folder;
    const auto path = folder / "clip.ogg";
    constexpr double rate = 44100.0;
    constexpr std::size_t frames = 44100;

    AudioClip clip;
    clip.sampleRate = rate;
    clip.channels.assign (2, std::vector<double> (frames));
    for (std::size_t n = 0; n < frames; ++n)
    {
        const auto t = static_cast<double> (n) / rate;
        clip.channels[0][n] = 0.5 * std::sin (2.0 * std::numbers::pi * 1000.0 * t);
        clip.channels[1][n] = 0.25 * std::sin (2.0 * std::numbers::pi * 440.0 * t);
    }

    writeAudioFile (path, clip, { FileContainer::ogg, SampleFormat::vorbis });
    const auto back = readAudioFile (path);

    ASSERT_EQ (back.numChannels(), 2u);
    EXPECT_EQ (back.sampleRate, rate);
    ASSERT_LE (std::abs (static_cast<double> (back.numFrames()) - static_cast<double> (frames)), 64.0);

    // Lossy, so not bit-exact: compare energy of the difference away from
    // the edges, channel by channel (so a swapped pair would fail).
    for (std::size_t c = 0; c < 2; ++c)
    {
        double signalEnergy = 0.0;
        double errorEnergy = 0.0;
        for (std::size_t n = 2000; n < frames - 2000; ++n)
        {
            signalEnergy += clip.channels[c][n] * clip.channels[c][n];
            const double difference = back.channels[c][n] - clip.channels[c][n];
            errorEnergy += difference * difference;
        }
        EXPECT_LT (10.0 * std::log10 (errorEnergy / signalEnergy), -20.0) << "channel " << c;
    }
}

TEST (AudioFileRoundTrip, ZeroFramesWriteAndReadBackAsAnEmptyClip)
{
    const test::TemporaryDirectory folder;
    const auto path = folder / "empty.wav";
    AudioClip clip;
    clip.sampleRate = 48000.0;
    clip.channels.assign (2, {});

    writeAudioFile (path, clip, { FileContainer::wav, SampleFormat::pcm16 });
    const auto back = readAudioFile (path);

    EXPECT_EQ (back.numChannels(), 2u);
    EXPECT_EQ (back.numFrames(), 0u);
    EXPECT_EQ (back.sampleRate, 48000.0);
}
} // namespace
} // namespace partita
