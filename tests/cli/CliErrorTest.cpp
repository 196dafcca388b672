// SPDX-License-Identifier: GPL-3.0-or-later
// Bad input to the built `partita` binary: one clear line on stderr, the
// documented exit status, and no output created or changed.
#include "CliRunner.h"
#include "TemporaryDirectory.h"
#include "TestSignals.h"
#include "io/AudioFileWriter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

namespace partita
{
namespace
{
namespace fs = std::filesystem;

std::size_t countLines (const std::string& text)
{
    return static_cast<std::size_t> (std::count (text.begin(), text.end(), '\n'));
}

class CliErrors : public ::testing::Test
{
protected:
    void SetUp() override
    {
        test::writeFloatWav (directory / "in.wav", test::makeClip ({ test::whiteNoise (4800, 1) }, 48000.0));
        test::writeFloatWav (directory / "stereo.wav",
                             test::makeClip ({ test::whiteNoise (4800, 2), test::whiteNoise (4800, 3) }, 48000.0));
        test::writeFloatWav (directory / "ir.wav", test::makeClip ({ test::decayingNoise (300, 4) }, 48000.0));
    }

    std::string at (const std::string& name) const { return (directory / name).string(); }

    /** Runs partita and checks the common contract of every failure: the
        status, exactly one line on stderr starting "partita: error:" and
        holding the key phrase, nothing on stdout. */
    void expectFailure (const std::vector<std::string>& arguments, int status, const std::string& keyPhrase)
    {
        const auto result = test::runPartita (arguments);
        EXPECT_EQ (result.exitStatus, status) << result.err;
        EXPECT_EQ (result.err.rfind ("partita: error: ", 0), 0u) << result.err;
        EXPECT_EQ (countLines (result.err), 1u) << result.err;
        EXPECT_NE (result.err.find (keyPhrase), std::string::npos) << "wanted '" << keyPhrase << "' in: " << result.err;
        EXPECT_EQ (result.out, "");
    }

    std::vector<std::string> render (const std::string& input, const std::string& ir, const std::string& output)
    {
        return { "render", input, "--ir", ir, "-o", output };
    }

    void expectOnly (const std::vector<std::string>& names)
    {
        auto expected = names;
        std::sort (expected.begin(), expected.end());
        EXPECT_EQ (test::folderEntries (directory.path()), expected);
    }

    const std::vector<std::string> setUpFiles { "in.wav", "ir.wav", "stereo.wav" };
    test::TemporaryDirectory directory;
};
} // namespace

TEST_F (CliErrors, AMissingInputFileIsNamed)
{
    expectFailure (render (at ("missing.wav"), at ("ir.wav"), at ("out.wav")), 1, "missing.wav");
    expectOnly (setUpFiles);
}

TEST_F (CliErrors, AMissingIrFileIsNamed)
{
    expectFailure (render (at ("in.wav"), at ("no-ir.wav"), at ("out.wav")), 1, "no-ir.wav");
    expectOnly (setUpFiles);
}

TEST_F (CliErrors, ATextFileIsNotAudio)
{
    test::writeBytes (directory / "notes.wav", "these are not samples\n");
    expectFailure (render (at ("notes.wav"), at ("ir.wav"), at ("out.wav")), 1, "is not a readable audio file");
    expectFailure (render (at ("in.wav"), at ("notes.wav"), at ("out.wav")), 1, "notes.wav");
    expectOnly ({ "in.wav", "ir.wav", "stereo.wav", "notes.wav" });
}

TEST_F (CliErrors, ATruncatedWavIsRefused)
{
    auto bytes = test::readBytes (directory / "in.wav");
    bytes.resize (bytes.size() / 2);
    test::writeBytes (directory / "cut.wav", bytes);
    expectFailure (render (at ("cut.wav"), at ("ir.wav"), at ("out.wav")), 1, "truncated");
    expectOnly ({ "in.wav", "ir.wav", "stereo.wav", "cut.wav" });
}

TEST_F (CliErrors, ACorruptHeaderIsRefused)
{
    // A RIFF/WAVE file whose format chunk is garbage.
    auto bytes = test::readBytes (directory / "in.wav");
    ASSERT_GT (bytes.size(), 44u);
    for (std::size_t i = 20; i < 36; ++i)
        bytes[i] = '\xff';
    test::writeBytes (directory / "corrupt.wav", bytes);
    expectFailure (render (at ("corrupt.wav"), at ("ir.wav"), at ("out.wav")), 1, "corrupt.wav");
    expectOnly ({ "in.wav", "ir.wav", "stereo.wav", "corrupt.wav" });
}

TEST_F (CliErrors, AZeroLengthInputIsRefused)
{
    test::writeFloatWav (directory / "empty.wav", test::makeClip ({ {} }, 48000.0));
    expectFailure (render (at ("empty.wav"), at ("ir.wav"), at ("out.wav")), 1, "holds no samples");
    expectOnly ({ "in.wav", "ir.wav", "stereo.wav", "empty.wav" });
}

TEST_F (CliErrors, AZeroLengthIrIsRefused)
{
    test::writeFloatWav (directory / "empty.wav", test::makeClip ({ {} }, 48000.0));
    expectFailure (render (at ("in.wav"), at ("empty.wav"), at ("out.wav")), 1, "holds no samples");
    expectOnly ({ "in.wav", "ir.wav", "stereo.wav", "empty.wav" });
}

TEST_F (CliErrors, AThreeChannelIrOnStereoInputListsTheSupportedLayouts)
{
    test::writeFloatWav (directory / "three.wav", test::makeClip ({ { 1.0f }, { 0.5f }, { 0.25f } }, 48000.0));
    expectFailure (render (at ("stereo.wav"), at ("three.wav"), at ("out.wav")), 1, "supported layouts");
    expectFailure (render (at ("stereo.wav"), at ("three.wav"), at ("out.wav")), 1, "3-channel IR");
    expectOnly ({ "in.wav", "ir.wav", "stereo.wav", "three.wav" });
}

TEST_F (CliErrors, ADrySignalThatCannotBeRoutedIsRefused)
{
    std::vector<std::vector<float>> six (6, std::vector<float> { 1.0f });
    test::writeFloatWav (directory / "six.wav", test::makeClip (six, 48000.0));
    auto arguments = render (at ("stereo.wav"), at ("six.wav"), at ("out.wav"));
    arguments.insert (arguments.end(), { "--mix", "50" });
    expectFailure (arguments, 1, "dry signal");
    expectOnly ({ "in.wav", "ir.wav", "stereo.wav", "six.wav" });
}

TEST_F (CliErrors, AnOutputThatIsTheInputIsRefusedAndTheInputIsKept)
{
    const auto before = test::readBytes (directory / "in.wav");
    expectFailure (render (at ("in.wav"), at ("ir.wav"), at ("in.wav")), 1, "never overwrites its input");

    // Another spelling of the same path, and --force, change nothing.
    auto arguments = render (at ("in.wav"), at ("ir.wav"), (directory / "." / "sub" / ".." / "in.wav").string());
    fs::create_directory (directory / "sub");
    arguments.push_back ("--force");
    expectFailure (arguments, 1, "never overwrites its input");
    EXPECT_EQ (test::readBytes (directory / "in.wav"), before);
}

TEST_F (CliErrors, AnOutputThatIsTheIrIsRefused)
{
    const auto before = test::readBytes (directory / "ir.wav");
    auto arguments = render (at ("in.wav"), at ("ir.wav"), at ("ir.wav"));
    arguments.push_back ("--force");
    expectFailure (arguments, 1, "is the impulse response");
    EXPECT_EQ (test::readBytes (directory / "ir.wav"), before);
}

TEST_F (CliErrors, AHardLinkToTheInputIsRecognised)
{
    fs::create_hard_link (directory / "in.wav", directory / "alias.wav");
    auto arguments = render (at ("in.wav"), at ("ir.wav"), at ("alias.wav"));
    arguments.push_back ("--force");
    expectFailure (arguments, 1, "never overwrites its input");
}

TEST_F (CliErrors, AnExistingOutputIsNotOverwrittenWithoutForce)
{
    test::writeBytes (directory / "out.wav", "precious");
    const auto timeBefore = fs::last_write_time (directory / "out.wav");

    expectFailure (render (at ("in.wav"), at ("ir.wav"), at ("out.wav")), 1, "use --force");
    EXPECT_EQ (test::readBytes (directory / "out.wav"), "precious");
    EXPECT_EQ (fs::last_write_time (directory / "out.wav"), timeBefore);

    auto forced = render (at ("in.wav"), at ("ir.wav"), at ("out.wav"));
    forced.push_back ("--force");
    const auto result = test::runPartita (forced);
    EXPECT_EQ (result.exitStatus, 0) << result.err;
    EXPECT_NE (test::readBytes (directory / "out.wav"), "precious");
}

TEST_F (CliErrors, AMissingOutputFolderLeavesNoFile)
{
    expectFailure (render (at ("in.wav"), at ("ir.wav"), at ("nowhere/out.wav")), 1, "does not exist");
    expectOnly (setUpFiles);
}

TEST_F (CliErrors, AnOutputFolderThatIsAFileLeavesNoFile)
{
    test::writeBytes (directory / "plain", "x");
    expectFailure (render (at ("in.wav"), at ("ir.wav"), at ("plain/out.wav")), 1, "is not a folder");
    expectOnly ({ "in.wav", "ir.wav", "stereo.wav", "plain" });
}

TEST_F (CliErrors, AnUnwritableOutputFolderLeavesNoFile)
{
    if (::geteuid() == 0)
        GTEST_SKIP() << "running as root, which may write anywhere";
    fs::create_directory (directory / "locked");
    fs::permissions (directory / "locked", fs::perms::owner_read | fs::perms::owner_exec);
    expectFailure (render (at ("in.wav"), at ("ir.wav"), at ("locked/out.wav")), 1, "not writable");
    EXPECT_TRUE (fs::is_empty (directory / "locked"));
    fs::permissions (directory / "locked", fs::perms::owner_all);
}

TEST_F (CliErrors, SeveralInputsNeedAFolderNotAFile)
{
    test::writeBytes (directory / "out.wav", "keep");
    auto arguments = render (at ("in.wav"), at ("ir.wav"), at ("out.wav"));
    arguments.insert (arguments.begin() + 2, at ("stereo.wav"));
    expectFailure (arguments, 1, "is a file");
    EXPECT_EQ (test::readBytes (directory / "out.wav"), "keep");

    auto missingFolder = render (at ("in.wav"), at ("ir.wav"), at ("renders"));
    missingFolder.insert (missingFolder.begin() + 2, at ("stereo.wav"));
    expectFailure (missingFolder, 1, "does not exist");
    EXPECT_FALSE (fs::exists (directory / "renders"));
}

TEST_F (CliErrors, TwoInputsWithTheSameNameWouldCollide)
{
    fs::create_directory (directory / "a");
    fs::copy_file (directory / "in.wav", directory / "a" / "in.wav");
    auto arguments = render (at ("in.wav"), at ("ir.wav"), at ("renders") + "/");
    arguments.insert (arguments.begin() + 2, at ("a/in.wav"));
    expectFailure (arguments, 1, "would both be written to");
    EXPECT_FALSE (fs::exists (directory / "renders"));
}

TEST_F (CliErrors, AFileTruncatedInItsHeaderStopsABatchBeforeAnyWork)
{
    auto bytes = test::readBytes (directory / "in.wav");
    bytes.resize (bytes.size() - 1000);
    test::writeBytes (directory / "cut.wav", bytes);

    const auto result = test::runPartita (
        { "render", at ("stereo.wav"), at ("cut.wav"), "--ir", at ("ir.wav"), "-o", at ("renders") + "/" });
    EXPECT_EQ (result.exitStatus, 1);
    EXPECT_NE (result.err.find ("cut.wav"), std::string::npos) << result.err;
    EXPECT_FALSE (fs::exists (directory / "renders"));
}

TEST_F (CliErrors, AFileThatFailsWhileDecodingIsReportedAndTheOthersAreStillWritten)
{
    // A FLAC's header cannot tell that the stream was cut short; only
    // decoding it does, in the middle of the batch.
    writeAudioFile (directory / "long.flac", test::makeClip ({ test::whiteNoise (96000, 9) }, 48000.0),
                    OutputFormat { FileContainer::flac, SampleFormat::pcm24 });
    auto bytes = test::readBytes (directory / "long.flac");
    bytes.resize (bytes.size() / 2);
    test::writeBytes (directory / "cut.flac", bytes);

    const auto result = test::runPartita (
        { "render", at ("stereo.wav"), at ("cut.flac"), "--ir", at ("ir.wav"), "-o", at ("renders") + "/" });
    EXPECT_EQ (result.exitStatus, 1);
    // One error line for the cut file (a clipping warning for the other may come before it).
    const auto error = result.err.find ("partita: error: ");
    ASSERT_NE (error, std::string::npos) << result.err;
    EXPECT_TRUE (error == 0 || result.err[error - 1] == '\n') << result.err;
    EXPECT_NE (result.err.find ("cut.flac", error), std::string::npos) << result.err;
    EXPECT_EQ (test::folderEntries (directory / "renders"), (std::vector<std::string> { "stereo.wav" }));
    EXPECT_NE (result.out.find ("stereo.wav: 2 ch"), std::string::npos) << result.out;
}

TEST_F (CliErrors, UsageErrorsExitWithTwo)
{
    expectFailure ({ "render", at ("in.wav"), "--ir", at ("ir.wav"), "-o", at ("out.wav"), "--reverb" }, 2,
                   "unknown option '--reverb'");
    expectFailure ({ "render", at ("in.wav"), "--ir", at ("ir.wav"), "-o" }, 2, "needs a value");
    expectFailure ({ "render", at ("in.wav"), "--ir", at ("ir.wav"), "-o", at ("out.wav"), "--gain", "loud" }, 2,
                   "--gain");
    expectFailure ({ "render", at ("in.wav"), "--ir", at ("ir.wav"), "-o", at ("out.wav"), "--mix", "150" }, 2,
                   "--mix");
    expectFailure ({ "render", at ("in.wav"), "-o", at ("out.wav") }, 2, "missing --ir");
    expectFailure ({ "render", at ("in.wav"), "--ir", at ("ir.wav") }, 2, "missing -o");
    expectFailure ({ "render", "--ir", at ("ir.wav"), "-o", at ("out.wav") }, 2, "no input files");
    expectFailure ({}, 2, "no command");
    expectFailure ({ "mix" }, 2, "unknown command");
    expectFailure ({ "render", at ("in.wav"), "--ir", at ("ir.wav"), "-o", at ("out.mp3") }, 2,
                   "unknown output format");
    expectFailure ({ "render", at ("in.wav"), "--ir", at ("ir.wav"), "-o", at ("out.flac"), "--format", "float" }, 2,
                   "cannot write");
    expectOnly (setUpFiles);
}

TEST_F (CliErrors, InfoReportsEachUnreadableFileAndDescribesTheRest)
{
    const auto result = test::runPartita ({ "info", at ("missing.wav"), at ("in.wav") });
    EXPECT_EQ (result.exitStatus, 1);
    EXPECT_EQ (result.err.rfind ("partita: error: ", 0), 0u) << result.err;
    EXPECT_NE (result.err.find ("missing.wav"), std::string::npos);
    EXPECT_NE (result.out.find ("48000 Hz"), std::string::npos) << result.out;
}

TEST_F (CliErrors, GarbageArgumentsNeverCrashTheBinary)
{
    const std::vector<std::vector<std::string>> cases {
        { "render", "--", "--", "-o" },
        { "render", "--ir=", "--output=" },
        { "render", std::string (5000, '-') },
        { "info", "" },
        { "--version", "extra" },
        { "render", at ("in.wav"), "--ir", at ("ir.wav"), "-o", at ("o.wav"), "--output-channels",
          "18446744073709551616" },
        { "render", "\x01\x02\x7f", "--ir", "\xff", "-o", "\n" },
    };
    for (const auto& arguments : cases)
    {
        const auto result = test::runPartita (arguments);
        EXPECT_TRUE (result.exitStatus == 0 || result.exitStatus == 1 || result.exitStatus == 2)
            << "status " << result.exitStatus << ": " << result.err;
    }
}

} // namespace partita
