// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/AudioFileWriter.h"

#include "IoTestHelpers.h"
#include "TemporaryDirectory.h"
#include "io/AudioFileReader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iterator>
#include <limits>
#include <stdexcept>
#include <thread>

#if defined(__unix__) || defined(__APPLE__)
#include <csignal>
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace partita
{
namespace
{
using ::testing::HasSubstr;

std::vector<char> bytesOf (const std::filesystem::path& path)
{
    std::ifstream stream (path, std::ios::binary);
    return { std::istreambuf_iterator<char> (stream), std::istreambuf_iterator<char>() };
}

AudioClip clipOf (std::vector<double> samples, double sampleRate = 48000.0)
{
    AudioClip clip;
    clip.sampleRate = sampleRate;
    clip.channels.push_back (std::move (samples));
    return clip;
}

TEST (AudioFileWriter, ClipsPcm16AtFullScaleInsteadOfWrapping)
{
    const test::TemporaryDirectory folder;
    const auto path = folder / "loud.wav";

    writeAudioFile (path, clipOf ({ 1.5, -1.5, 1.0, -1.0, 0.5, 1.0e9, -1.0e9 }),
                    { FileContainer::wav, SampleFormat::pcm16 });
    const auto back = readAudioFile (path);

    // Full scale in 16 bits: codes 32767 and -32768 over 32768.
    const double positiveFullScale = 32767.0 / 32768.0;
    ASSERT_EQ (back.numFrames(), 7u);
    EXPECT_EQ (back.channels[0][0], positiveFullScale);
    EXPECT_EQ (back.channels[0][1], -1.0);
    EXPECT_EQ (back.channels[0][2], positiveFullScale);
    EXPECT_EQ (back.channels[0][3], -1.0);
    EXPECT_EQ (back.channels[0][4], 0.5);
    EXPECT_EQ (back.channels[0][5], positiveFullScale);
    EXPECT_EQ (back.channels[0][6], -1.0);
}

TEST (AudioFileWriter, ClipsInfinityInFixedPointFormatsToFullScale)
{
    const test::TemporaryDirectory folder;
    const auto path = folder / "loud.flac";
    const auto infinity = std::numeric_limits<double>::infinity();

    writeAudioFile (path, clipOf ({ infinity, -infinity, 1.5 }), { FileContainer::flac, SampleFormat::pcm24 });
    const auto back = readAudioFile (path);

    ASSERT_EQ (back.numFrames(), 3u);
    EXPECT_EQ (back.channels[0][0], 8388607.0 / 8388608.0);
    EXPECT_EQ (back.channels[0][1], -1.0);
    EXPECT_EQ (back.channels[0][2], 8388607.0 / 8388608.0);
}

TEST (AudioFileWriter, KeepsValuesBeyondFullScaleInFloatFiles)
{
    const test::TemporaryDirectory folder;
    const auto path = folder / "hot.wav";

    writeAudioFile (path, clipOf ({ 1.5, -4.0, 0.25 }), { FileContainer::wav, SampleFormat::float32 });
    const auto back = readAudioFile (path);

    ASSERT_EQ (back.numFrames(), 3u);
    EXPECT_EQ (back.channels[0][0], 1.5);
    EXPECT_EQ (back.channels[0][1], -4.0);
    EXPECT_EQ (back.channels[0][2], 0.25);
}

// Reported by a new user: two identical renders differed in their bytes, by the
// timestamp libsndfile puts in a float WAV's PEAK chunk. Renders must be
// byte-reproducible (checksums, build caches, version control of stems).
TEST (AudioFileWriter, TheSameAudioGivesTheSameBytesWhenWrittenAgainLater)
{
    const test::TemporaryDirectory folder;
    for (const auto& format : { OutputFormat { FileContainer::wav, SampleFormat::float32 },
                                OutputFormat { FileContainer::wav, SampleFormat::float64 },
                                OutputFormat { FileContainer::aiff, SampleFormat::float32 },
                                OutputFormat { FileContainer::wav, SampleFormat::pcm24 } })
    {
        const auto first = folder / "first";
        const auto second = folder / "second";
        writeAudioFile (first, clipOf ({ 0.5, -0.25, 0.125, 1.5 }), format, OverwritePolicy::replace);
        std::this_thread::sleep_for (std::chrono::milliseconds (1100)); // the next second
        writeAudioFile (second, clipOf ({ 0.5, -0.25, 0.125, 1.5 }), format, OverwritePolicy::replace);
        EXPECT_EQ (bytesOf (first), bytesOf (second))
            << toString (format.container) << " " << toString (format.sampleFormat);
    }
}

// Reported by a new user: outputs with more than two channels lacked
// WAVE_FORMAT_EXTENSIBLE, which the WAV format asks for beyond two channels.
TEST (AudioFileWriter, MoreThanTwoChannelsInAWavAreWaveFormatExtensible)
{
    const test::TemporaryDirectory folder;
    for (const std::size_t channels : { 1u, 2u, 3u, 4u, 8u })
    {
        AudioClip clip;
        clip.sampleRate = 48000.0;
        for (std::size_t c = 0; c < channels; ++c)
            clip.channels.push_back ({ 0.25 * static_cast<double> (c + 1) / 8.0, -0.5 });
        const auto path = folder / ("out" + std::to_string (channels) + ".wav");
        writeAudioFile (path, clip, { FileContainer::wav, SampleFormat::pcm24 });

        // The fmt chunk's format tag, at byte 20 of a canonical header.
        const auto bytes = bytesOf (path);
        ASSERT_GT (bytes.size(), 22u);
        const auto tag = static_cast<unsigned> (static_cast<unsigned char> (bytes[20]))
                         | static_cast<unsigned> (static_cast<unsigned char> (bytes[21])) << 8;
        EXPECT_EQ (tag, channels > 2 ? 0xFFFEu : 1u) << channels << " channels";

        const auto back = readAudioFile (path);
        ASSERT_EQ (back.numChannels(), channels);
        for (std::size_t c = 0; c < channels; ++c)
            EXPECT_NEAR (back.channels[c][0], clip.channels[c][0], 1.0e-6);
    }
}

TEST (AudioFileWriter, RefusesToOverwriteAnExistingFileAndLeavesItUntouched)
{
    const test::TemporaryDirectory folder;
    const auto path = folder / "out.wav";
    writeAudioFile (path, clipOf ({ 0.25, 0.5 }), { FileContainer::wav, SampleFormat::float32 });

    const auto message = test::audioFileErrorOf (
        [&] {
            writeAudioFile (path, clipOf ({ -0.75 }), { FileContainer::wav, SampleFormat::float32 });
        });

    EXPECT_THAT (message, HasSubstr ("out.wav"));
    EXPECT_THAT (message, HasSubstr ("already exists"));
    const auto back = readAudioFile (path);
    ASSERT_EQ (back.numFrames(), 2u);
    EXPECT_EQ (back.channels[0][1], 0.5);
    EXPECT_EQ (test::entriesOf (folder.path()).size(), 1u);
}

TEST (AudioFileWriter, RefusesATargetCreatedWhileItWroteAndLeavesThatFileAlone)
{
    const test::TemporaryDirectory folder;
    const auto path = folder / "out.wav";
    {
        AudioFileWriter writer (path, 1, 48000.0, 2, { FileContainer::wav, SampleFormat::float32 });
        const std::vector<double> samples { -0.75, 0.125 };
        const double* channels[] = { samples.data() };
        writer.write (channels, 2);
        writeAudioFile (path, clipOf ({ 0.25, 0.5, 1.0 }), { FileContainer::wav, SampleFormat::float32 });

        const auto message = test::audioFileErrorOf ([&] { writer.commit(); });

        EXPECT_THAT (message, HasSubstr ("already exists"));
    }

    const auto back = readAudioFile (path);
    ASSERT_EQ (back.numFrames(), 3u);
    EXPECT_EQ (back.channels[0][1], 0.5);
    EXPECT_EQ (test::entriesOf (folder.path()), std::vector<std::string> { "out.wav" });
}

#if defined(__unix__) || defined(__APPLE__)
TEST (AudioFileWriter, WritesBesideFilesThatHaveItsTemporaryNamesAndLeavesThemAlone)
{
    // What a crashed run with the same process id (a container's) or another
    // writer in the same folder leaves: the names this process would pick.
    const test::TemporaryDirectory folder;
    const auto path = folder / "out.wav";
    const auto prefix = ".out.wav.partial-" + std::to_string (::getpid()) + "-";
    constexpr int strays = 2000;
    for (int counter = 0; counter < strays; ++counter)
        test::writeBytes (folder / (prefix + std::to_string (counter)), { 'x' });

    writeAudioFile (path, clipOf ({ 0.25, -0.5 }), { FileContainer::wav, SampleFormat::float32 });

    const auto back = readAudioFile (path);
    ASSERT_EQ (back.numFrames(), 2u);
    EXPECT_EQ (back.channels[0][1], -0.5);
    EXPECT_EQ (test::entriesOf (folder.path()).size(), static_cast<std::size_t> (strays) + 1);
    for (int counter = 0; counter < strays; ++counter)
        EXPECT_EQ (std::filesystem::file_size (folder / (prefix + std::to_string (counter))), 1u) << counter;
}
#endif

TEST (AudioFileWriter, ReplacesAnExistingFileWhenAskedTo)
{
    const test::TemporaryDirectory folder;
    const auto path = folder / "out.wav";
    writeAudioFile (path, clipOf ({ 0.25, 0.5 }), { FileContainer::wav, SampleFormat::float32 });

    writeAudioFile (path, clipOf ({ -0.75, 0.125, 0.0625 }), { FileContainer::wav, SampleFormat::float64 },
                    OverwritePolicy::replace);

    const auto back = readAudioFile (path);
    ASSERT_EQ (back.numFrames(), 3u);
    EXPECT_EQ (back.channels[0][0], -0.75);
    EXPECT_EQ (back.channels[0][2], 0.0625);
    EXPECT_EQ (readAudioFileInfo (path).sampleFormat, "64-bit float");
    EXPECT_EQ (test::entriesOf (folder.path()), std::vector<std::string> { "out.wav" });
}

TEST (AudioFileWriter, LeavesOnlyTheTargetBehindAfterASuccessfulWrite)
{
    const test::TemporaryDirectory folder;
    writeAudioFile (folder / "a.flac", clipOf ({ 0.1, 0.2 }), { FileContainer::flac, SampleFormat::pcm16 });
    writeAudioFile (folder / "b.ogg", clipOf ({ 0.1, 0.2 }), { FileContainer::ogg, SampleFormat::vorbis });

    auto entries = test::entriesOf (folder.path());
    std::sort (entries.begin(), entries.end());
    EXPECT_EQ (entries, (std::vector<std::string> { "a.flac", "b.ogg" }));
}

TEST (AudioFileWriter, ReportsAMissingFolderAndCreatesNothing)
{
    const test::TemporaryDirectory folder;
    const auto path = folder / "missing" / "out.wav";

    const auto message = test::audioFileErrorOf (
        [&] {
            writeAudioFile (path, clipOf ({ 0.5 }), { FileContainer::wav, SampleFormat::pcm16 });
        });

    EXPECT_THAT (message, HasSubstr ("out.wav"));
    EXPECT_THAT (message, HasSubstr ("does not exist"));
    EXPECT_TRUE (test::entriesOf (folder.path()).empty());
}

TEST (AudioFileWriter, ReportsAFolderThatIsAFile)
{
    const test::TemporaryDirectory folder;
    test::writeBytes (folder / "plain", { 'x' });

    const auto message = test::audioFileErrorOf (
        [&] {
            writeAudioFile (folder / "plain" / "out.wav", clipOf ({ 0.5 }),
                            { FileContainer::wav, SampleFormat::pcm16 });
        });

    EXPECT_THAT (message, HasSubstr ("not a folder"));
    EXPECT_EQ (test::entriesOf (folder.path()), std::vector<std::string> { "plain" });
}

TEST (AudioFileWriter, RefusesToReplaceAFolder)
{
    const test::TemporaryDirectory folder;
    std::filesystem::create_directory (folder / "out.wav");

    const auto message = test::audioFileErrorOf (
        [&]
        {
            writeAudioFile (folder / "out.wav", clipOf ({ 0.5 }), { FileContainer::wav, SampleFormat::pcm16 },
                            OverwritePolicy::replace);
        });

    EXPECT_THAT (message, HasSubstr ("folder"));
    EXPECT_TRUE (std::filesystem::is_directory (folder / "out.wav"));
}

TEST (AudioFileWriter, ReportsAFolderItMayNotWriteIn)
{
#if defined(__unix__) || defined(__APPLE__)
    if (::geteuid() == 0)
        GTEST_SKIP() << "root may write into any folder, so permissions cannot be tested";

    const test::TemporaryDirectory folder;
    const auto locked = folder / "locked";
    std::filesystem::create_directory (locked);
    std::filesystem::permissions (locked, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);

    const auto message = test::audioFileErrorOf (
        [&] {
            writeAudioFile (locked / "out.wav", clipOf ({ 0.5 }), { FileContainer::wav, SampleFormat::pcm16 });
        });

    std::filesystem::permissions (locked, std::filesystem::perms::owner_all);
    EXPECT_THAT (message, HasSubstr ("out.wav"));
    EXPECT_THAT (message, HasSubstr ("Permission denied"));
    EXPECT_TRUE (test::entriesOf (locked).empty());
#else
    GTEST_SKIP() << "POSIX permissions only";
#endif
}

#if defined(__unix__) || defined(__APPLE__)
/** Makes the disk look full: writes past `bytes` fail with EFBIG, as
    they would with ENOSPC, and SIGXFSZ is ignored so they fail rather
    than kill the process. Restores both when it goes out of scope. */
class FileSizeLimit
{
public:
    explicit FileSizeLimit (rlim_t bytes)
    {
        ::getrlimit (RLIMIT_FSIZE, &previousLimit);
        previousHandler = std::signal (SIGXFSZ, SIG_IGN);
        rlimit limited = previousLimit;
        limited.rlim_cur = bytes;
        ::setrlimit (RLIMIT_FSIZE, &limited);
    }

    ~FileSizeLimit()
    {
        ::setrlimit (RLIMIT_FSIZE, &previousLimit);
        std::signal (SIGXFSZ, previousHandler);
    }

    FileSizeLimit (const FileSizeLimit&) = delete;
    FileSizeLimit& operator= (const FileSizeLimit&) = delete;

private:
    rlimit previousLimit {};
    void (*previousHandler) (int) = nullptr;
};
#endif

TEST (AudioFileWriter, ReportsAWriteThatRunsOutOfSpaceAndLeavesNoFileBehind)
{
#if defined(__unix__) || defined(__APPLE__)
    const test::TemporaryDirectory folder;
    const auto clip = test::testClip (2, 200000, 48000.0); // 1.6 MB as float32

    std::string message;
    {
        const FileSizeLimit limit (64 * 1024);
        message = test::audioFileErrorOf (
            [&] {
                writeAudioFile (folder / "big.wav", clip, { FileContainer::wav, SampleFormat::float32 });
            });
    }

    EXPECT_THAT (message, HasSubstr ("big.wav"));
    EXPECT_TRUE (test::entriesOf (folder.path()).empty());
#else
    GTEST_SKIP() << "needs RLIMIT_FSIZE";
#endif
}

TEST (AudioFileWriter, RefusesNaNInAFixedPointFormatAndLeavesNoFileBehind)
{
    const test::TemporaryDirectory folder;
    const auto nan = std::numeric_limits<double>::quiet_NaN();

    const auto message = test::audioFileErrorOf (
        [&] {
            writeAudioFile (folder / "out.wav", clipOf ({ 0.5, nan }), { FileContainer::wav, SampleFormat::pcm24 });
        });

    EXPECT_THAT (message, HasSubstr ("NaN"));
    EXPECT_THAT (message, HasSubstr ("frame 1"));
    EXPECT_TRUE (test::entriesOf (folder.path()).empty());
}

TEST (AudioFileWriter, RefusesAFormatTheContainerCannotHold)
{
    const test::TemporaryDirectory folder;

    const auto message = test::audioFileErrorOf (
        [&] {
            writeAudioFile (folder / "out.flac", clipOf ({ 0.5 }), { FileContainer::flac, SampleFormat::float32 });
        });

    EXPECT_THAT (message, HasSubstr ("FLAC"));
    EXPECT_TRUE (test::entriesOf (folder.path()).empty());
}

TEST (AudioFileWriter, RefusesMoreChannelsThanFlacHolds)
{
    const test::TemporaryDirectory folder;

    const auto message = test::audioFileErrorOf (
        [&]
        {
            writeAudioFile (folder / "out.flac", test::testClip (9, 10, 48000.0),
                            { FileContainer::flac, SampleFormat::pcm24 });
        });

    EXPECT_THAT (message, HasSubstr ("9 channels"));
    EXPECT_TRUE (test::entriesOf (folder.path()).empty());
}

TEST (AudioFileWriter, RejectsAClipThatIsNotAClip)
{
    const test::TemporaryDirectory folder;
    const auto path = folder / "out.wav";
    const OutputFormat format { FileContainer::wav, SampleFormat::float32 };

    AudioClip noChannels;
    noChannels.sampleRate = 48000.0;
    EXPECT_THROW (writeAudioFile (path, noChannels, format), std::invalid_argument);

    auto ragged = test::testClip (2, 10, 48000.0);
    ragged.channels[1].pop_back();
    EXPECT_THROW (writeAudioFile (path, ragged, format), std::invalid_argument);

    auto fractionalRate = test::testClip (1, 10, 44100.5);
    EXPECT_THROW (writeAudioFile (path, fractionalRate, format), std::invalid_argument);

    auto noRate = test::testClip (1, 10, 0.0);
    EXPECT_THROW (writeAudioFile (path, noRate, format), std::invalid_argument);

    EXPECT_TRUE (test::entriesOf (folder.path()).empty());
}
} // namespace
} // namespace partita
