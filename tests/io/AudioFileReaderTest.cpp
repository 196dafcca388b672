// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/AudioFileReader.h"

#include "IoTestHelpers.h"
#include "TemporaryDirectory.h"
#include "io/AudioFileWriter.h"

#include <gtest/gtest.h>

#include <limits>

#if defined(__unix__) || defined(__APPLE__)
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace partita
{
namespace
{
using ::testing::HasSubstr;

void writeTestFile (const std::filesystem::path& path, std::size_t channels, std::size_t frames, double rate,
                    OutputFormat format)
{
    writeAudioFile (path, test::testClip (channels, frames, rate), format);
}

TEST (AudioFileReader, ReportsAMissingFileByName)
{
    const test::TemporaryDirectory folder;
    const auto message = test::audioFileErrorOf ([&] { readAudioFile (folder / "x.wav"); });

    EXPECT_THAT (message, HasSubstr ("x.wav"));
    EXPECT_THAT (message, HasSubstr ("No such file or directory"));
}

TEST (AudioFileReader, RejectsAFolder)
{
    const test::TemporaryDirectory folder;
    std::filesystem::create_directory (folder / "ir.wav");

    const auto message = test::audioFileErrorOf ([&] { readAudioFile (folder / "ir.wav"); });

    EXPECT_THAT (message, HasSubstr ("ir.wav"));
    EXPECT_THAT (message, HasSubstr ("folder"));
}

TEST (AudioFileReader, RejectsAFifoWithoutWaitingForAWriter)
{
#if defined(__unix__) || defined(__APPLE__)
    const test::TemporaryDirectory folder;
    const auto path = folder / "pipe.wav";
    ASSERT_EQ (::mkfifo (path.c_str(), 0600), 0);

    const auto message = test::audioFileErrorOf ([&] { readAudioFile (path); });

    EXPECT_THAT (message, HasSubstr ("pipe.wav"));
    EXPECT_THAT (message, HasSubstr ("not a regular file"));
#else
    GTEST_SKIP() << "no fifos here";
#endif
}

TEST (AudioFileReader, ReportsAFileItMayNotRead)
{
#if defined(__unix__) || defined(__APPLE__)
    if (::geteuid() == 0)
        GTEST_SKIP() << "root may read any file, so permissions cannot be tested";

    const test::TemporaryDirectory folder;
    const auto path = folder / "secret.wav";
    writeTestFile (path, 1, 10, 48000.0, { FileContainer::wav, SampleFormat::pcm16 });
    std::filesystem::permissions (path, std::filesystem::perms::none);

    const auto message = test::audioFileErrorOf ([&] { readAudioFile (path); });

    EXPECT_THAT (message, HasSubstr ("secret.wav"));
    EXPECT_THAT (message, HasSubstr ("Permission denied"));
#else
    GTEST_SKIP() << "POSIX permissions only";
#endif
}

TEST (AudioFileReader, RejectsATextFile)
{
    const test::TemporaryDirectory folder;
    const auto path = folder / "notes.txt";
    const std::string text = "These are not the samples you are looking for.\n";
    test::writeBytes (path, { text.begin(), text.end() });

    const auto message = test::audioFileErrorOf ([&] { readAudioFile (path); });

    EXPECT_THAT (message, HasSubstr ("notes.txt"));
    EXPECT_THAT (message, HasSubstr ("not a readable audio file"));
}

TEST (AudioFileReader, RejectsAnEmptyFile)
{
    const test::TemporaryDirectory folder;
    test::writeBytes (folder / "empty.wav", {});

    const auto message = test::audioFileErrorOf ([&] { readAudioFile (folder / "empty.wav"); });

    EXPECT_THAT (message, HasSubstr ("empty.wav"));
}

struct TruncationCase
{
    OutputFormat format;
    const char* fileName;
};

void PrintTo (const TruncationCase& testCase, std::ostream* stream)
{
    *stream << testCase.fileName;
}

class TruncatedFile : public ::testing::TestWithParam<TruncationCase>
{
};

TEST_P (TruncatedFile, IsRejectedAsTruncatedNamingTheFile)
{
    const test::TemporaryDirectory folder;
    const auto path = folder / GetParam().fileName;
    writeTestFile (path, 2, 1000, 44100.0, GetParam().format);
    ASSERT_NO_THROW (readAudioFile (path)); // the whole file is fine

    std::filesystem::resize_file (path, std::filesystem::file_size (path) / 2);
    const auto message = test::audioFileErrorOf ([&] { readAudioFile (path); });

    EXPECT_THAT (message, HasSubstr (GetParam().fileName));
    EXPECT_THAT (message, HasSubstr ("truncated"));
    EXPECT_THAT (message, HasSubstr ("1000"));
    EXPECT_THROW (readAudioFileInfo (path), AudioFileError);
}

INSTANTIATE_TEST_SUITE_P (
    UncompressedFormats, TruncatedFile,
    ::testing::Values (TruncationCase { { FileContainer::wav, SampleFormat::pcm16 }, "cut16.wav" },
                       TruncationCase { { FileContainer::wav, SampleFormat::float32 }, "cutfloat.wav" },
                       TruncationCase { { FileContainer::aiff, SampleFormat::pcm24 }, "cut24.aiff" },
                       TruncationCase { { FileContainer::aiff, SampleFormat::float64 }, "cutdouble.aiff" }),
    [] (const ::testing::TestParamInfo<TruncationCase>& testCase)
    { return test::testNameFor (testCase.param.fileName); });

TEST (AudioFileReader, RejectsAFlacFileThatEndsBeforeItsDeclaredLength)
{
    const test::TemporaryDirectory folder;
    const auto path = folder / "cut.flac";
    writeTestFile (path, 2, 20000, 44100.0, { FileContainer::flac, SampleFormat::pcm24 });
    std::filesystem::resize_file (path, std::filesystem::file_size (path) / 2);

    const auto message = test::audioFileErrorOf ([&] { readAudioFile (path); });

    EXPECT_THAT (message, HasSubstr ("cut.flac"));
    EXPECT_THAT (message, HasSubstr ("truncated"));
}

TEST (AudioFileReader, RejectsAHandMadeWavWhoseHeaderDeclaresMoreFramesThanItHolds)
{
    const test::TemporaryDirectory folder;
    const auto path = folder / "short.wav";
    test::writeBytes (path, test::handMadeWav (2, 48000, 16, 5000, 1200));

    const auto message = test::audioFileErrorOf ([&] { readAudioFile (path); });

    EXPECT_THAT (message, HasSubstr ("short.wav"));
    EXPECT_THAT (message, HasSubstr ("truncated"));
    EXPECT_THAT (message, HasSubstr ("5000"));
    EXPECT_THAT (message, HasSubstr ("1200"));
}

TEST (AudioFileReader, ReadsAHandMadeWavThatHoldsWhatItDeclares)
{
    // The control for the crafted-header tests: the helper's headers are valid.
    const test::TemporaryDirectory folder;
    const auto path = folder / "fine.wav";
    test::writeBytes (path, test::handMadeWav (3, 32000, 24, 700, 700));

    const auto clip = readAudioFile (path);

    EXPECT_EQ (clip.numChannels(), 3u);
    EXPECT_EQ (clip.numFrames(), 700u);
    EXPECT_EQ (clip.sampleRate, 32000.0);
}

TEST (AudioFileReader, RejectsAHandMadeWavWithZeroChannels)
{
    const test::TemporaryDirectory folder;
    const auto path = folder / "nochannels.wav";
    test::writeBytes (path, test::handMadeWav (0, 48000, 16, 100, 100));

    const auto message = test::audioFileErrorOf ([&] { readAudioFile (path); });

    EXPECT_THAT (message, HasSubstr ("nochannels.wav"));
    EXPECT_THAT (message, HasSubstr ("channels"));
}

TEST (AudioFileReader, RejectsAHandMadeWavWithAnAbsurdSampleRate)
{
    const test::TemporaryDirectory folder;

    for (const std::uint32_t rate : { 0u, 1u, 10000000u, 4000000000u })
    {
        const auto name = "rate" + std::to_string (rate) + ".wav";
        test::writeBytes (folder / name, test::handMadeWav (1, rate, 16, 100, 100));

        const auto message = test::audioFileErrorOf ([&] { readAudioFile (folder / name); });

        EXPECT_THAT (message, HasSubstr (name));
        EXPECT_THAT (message, HasSubstr ("sample rate"));
    }
}

TEST (AudioFileReader, RejectsMoreChannelsThanTheLimit)
{
    const test::TemporaryDirectory folder;
    const auto path = folder / "five.wav";
    writeTestFile (path, 5, 100, 48000.0, { FileContainer::wav, SampleFormat::pcm16 });
    AudioReadLimits limits;
    limits.maxChannels = 4;

    const auto message = test::audioFileErrorOf ([&] { readAudioFile (path, limits); });

    EXPECT_THAT (message, HasSubstr ("five.wav"));
    EXPECT_THAT (message, HasSubstr ("5 channels"));
    EXPECT_THAT (message, HasSubstr ("4"));
    EXPECT_EQ (readAudioFile (path).numChannels(), 5u); // within the default limits
}

TEST (AudioFileReader, RejectsMoreFramesThanTheLimit)
{
    const test::TemporaryDirectory folder;
    const auto path = folder / "long.wav";
    writeTestFile (path, 1, 100, 48000.0, { FileContainer::wav, SampleFormat::pcm16 });
    AudioReadLimits limits;
    limits.maxFrames = 99;

    const auto message = test::audioFileErrorOf ([&] { readAudioFile (path, limits); });

    EXPECT_THAT (message, HasSubstr ("long.wav"));
    EXPECT_THAT (message, HasSubstr ("too long"));
    limits.maxFrames = 100;
    EXPECT_EQ (readAudioFile (path, limits).numFrames(), 100u);
}

TEST (AudioFileReader, RejectsASampleRateOutsideTheLimits)
{
    const test::TemporaryDirectory folder;
    const auto path = folder / "fast.flac";
    writeTestFile (path, 1, 100, 96000.0, { FileContainer::flac, SampleFormat::pcm16 });
    AudioReadLimits limits;
    limits.maxSampleRate = 48000.0;

    const auto message = test::audioFileErrorOf ([&] { readAudioFileInfo (path, limits); });

    EXPECT_THAT (message, HasSubstr ("fast.flac"));
    EXPECT_THAT (message, HasSubstr ("96000 Hz"));
}

TEST (AudioFileReader, RejectsAFloatFileHoldingNaN)
{
    const test::TemporaryDirectory folder;
    const auto path = folder / "nan.wav";
    AudioClip clip;
    clip.sampleRate = 48000.0;
    clip.channels = { { 0.0, 0.5 }, { 0.25, std::numeric_limits<double>::quiet_NaN() } };
    writeAudioFile (path, clip, { FileContainer::wav, SampleFormat::float32 });

    const auto message = test::audioFileErrorOf ([&] { readAudioFile (path); });

    EXPECT_THAT (message, HasSubstr ("nan.wav"));
    EXPECT_THAT (message, HasSubstr ("NaN"));
    EXPECT_THAT (message, HasSubstr ("channel 2"));
}

TEST (AudioFileReader, ScalesIntegerSamplesByTwoToTheBitsMinusOne)
{
    // 16-bit codes 16384, -32768, 1 written by hand: 0.5, -1, 2^-15.
    const test::TemporaryDirectory folder;
    const auto path = folder / "codes.wav";
    auto bytes = test::handMadeWav (1, 8000, 16, 3, 3);
    const std::size_t data = bytes.size() - 6;
    bytes[data + 0] = 0x00;
    bytes[data + 1] = 0x40;
    bytes[data + 2] = 0x00;
    bytes[data + 3] = 0x80;
    bytes[data + 4] = 0x01;
    bytes[data + 5] = 0x00;
    test::writeBytes (path, bytes);

    const auto clip = readAudioFile (path);

    ASSERT_EQ (clip.numFrames(), 3u);
    EXPECT_EQ (clip.channels[0][0], 0.5);
    EXPECT_EQ (clip.channels[0][1], -1.0);
    EXPECT_EQ (clip.channels[0][2], 1.0 / 32768.0);
}

struct InfoCase
{
    OutputFormat format;
    const char* fileName;
    std::size_t channels;
    double rate;
    std::size_t frames;
    const char* formatName;
    const char* sampleFormat;
};

void PrintTo (const InfoCase& testCase, std::ostream* stream)
{
    *stream << testCase.fileName;
}

class AudioFileInfoFacts : public ::testing::TestWithParam<InfoCase>
{
};

TEST_P (AudioFileInfoFacts, AreTheOnesTheFileWasWrittenWith)
{
    const auto& expected = GetParam();
    const test::TemporaryDirectory folder;
    const auto path = folder / expected.fileName;
    writeTestFile (path, expected.channels, expected.frames, expected.rate, expected.format);

    const auto info = readAudioFileInfo (path);

    EXPECT_EQ (info.numChannels, expected.channels);
    EXPECT_EQ (info.sampleRate, expected.rate);
    EXPECT_EQ (info.numFrames, expected.frames);
    EXPECT_EQ (info.formatName, expected.formatName);
    EXPECT_EQ (info.sampleFormat, expected.sampleFormat);
}

INSTANTIATE_TEST_SUITE_P (
    EveryContainer, AudioFileInfoFacts,
    ::testing::Values (
        InfoCase { { FileContainer::aiff, SampleFormat::pcm24 }, "a.aiff", 3, 22050.0, 777, "AIFF", "24-bit PCM" },
        InfoCase { { FileContainer::wav, SampleFormat::float32 }, "b.wav", 2, 96000.0, 1234, "WAV", "32-bit float" },
        InfoCase { { FileContainer::wav, SampleFormat::pcm32 }, "c.wav", 1, 8000.0, 5, "WAV", "32-bit PCM" },
        InfoCase { { FileContainer::flac, SampleFormat::pcm16 }, "d.flac", 4, 44100.0, 4410, "FLAC", "16-bit PCM" },
        InfoCase { { FileContainer::ogg, SampleFormat::vorbis }, "e.ogg", 2, 48000.0, 48000, "Ogg", "Vorbis" }),
    [] (const ::testing::TestParamInfo<InfoCase>& testCase) { return test::testNameFor (testCase.param.fileName); });
} // namespace
} // namespace partita
