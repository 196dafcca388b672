// SPDX-License-Identifier: GPL-3.0-or-later
// `partita render` with "-" for standard input and output, run as a built
// binary through a real pipe (which cannot seek): the bytes on standard
// output are those a render to a file writes.
#include "CliRunner.h"
#include "TemporaryDirectory.h"
#include "TestSignals.h"
#include "cli/StandardStreams.h"
#include "io/AudioFileReader.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace partita
{
namespace
{
class StandardStreamRender : public ::testing::Test
{
protected:
    void SetUp() override
    {
        test::writeFloatWav (directory / "in.wav", test::makeClip ({ test::whiteNoise (9000, 7) }, 48000.0));
        test::writeFloatWav (directory / "ir.wav", test::makeClip ({ test::decayingNoise (700, 8) }, 48000.0));
    }

    std::string at (const std::string& name) const { return (directory / name).string(); }

    test::TemporaryDirectory directory;
};
} // namespace

TEST_F (StandardStreamRender, APipedInputRenderedToStandardOutputGivesTheBytesOfAFileRender)
{
    const auto file = test::runPartita ({ "render", at ("in.wav"), "--ir", at ("ir.wav"), "-o", at ("file.wav") });
    ASSERT_EQ (file.exitStatus, 0) << file.err;

    const auto piped =
        test::runPartitaWithPipedInput (directory / "in.wav", { "render", "--ir", at ("ir.wav"), "-", "-o", "-" });
    ASSERT_EQ (piped.exitStatus, 0) << piped.err;
    EXPECT_EQ (piped.out, test::readBytes (directory / "file.wav"));
    // The report moves to stderr, naming standard output.
    EXPECT_NE (piped.err.find ("standard output: 1 ch, 48000 Hz"), std::string::npos) << piped.err;
    EXPECT_EQ (piped.err.find ("partita-"), std::string::npos) << "a temporary path leaked: " << piped.err;
}

TEST_F (StandardStreamRender, FormatChoosesTheSampleFormatOfTheWavOnStandardOutput)
{
    const auto piped =
        test::runPartita ({ "render", at ("in.wav"), "--ir", at ("ir.wav"), "-o", "-", "--format", "24" });
    ASSERT_EQ (piped.exitStatus, 0) << piped.err;
    test::writeBytes (directory / "piped.wav", piped.out);
    const auto info = readAudioFileInfo (directory / "piped.wav");
    EXPECT_EQ (info.formatName, "WAV");
    EXPECT_EQ (info.sampleFormat, "24-bit PCM");
    EXPECT_EQ (info.numFrames, 9000u + 700u - 1u);
}

TEST_F (StandardStreamRender, AnImpulseResponseMayComeFromStandardInputToAFile)
{
    const auto reference = test::runPartita ({ "render", at ("in.wav"), "--ir", at ("ir.wav"), "-o", at ("a.wav") });
    ASSERT_EQ (reference.exitStatus, 0) << reference.err;
    const auto piped = test::runPartitaWithPipedInput (directory / "ir.wav",
                                                       { "render", at ("in.wav"), "--ir", "-", "-o", at ("b.wav") });
    ASSERT_EQ (piped.exitStatus, 0) << piped.err;
    EXPECT_EQ (test::readBytes (directory / "b.wav"), test::readBytes (directory / "a.wav"));
    EXPECT_NE (piped.out.find (at ("b.wav") + ": 1 ch"), std::string::npos) << piped.out;
}

TEST_F (StandardStreamRender, StandardInputReadTwiceOrSeveralInputsToStandardOutputAreRefusedInOneLine)
{
    const auto twice =
        test::runPartitaWithPipedInput (directory / "in.wav", { "render", "-", "--ir", "-", "-o", at ("x.wav") });
    EXPECT_EQ (twice.exitStatus, 2);
    EXPECT_EQ (twice.err, "partita: error: standard input ('-') can be read only once (see 'partita render --help')\n");

    const auto several =
        test::runPartita ({ "render", at ("in.wav"), at ("in.wav"), "--ir", at ("ir.wav"), "-o", "-" });
    EXPECT_EQ (several.exitStatus, 2);
    EXPECT_EQ (several.err, "partita: error: -o - writes one output to standard output, but 2 inputs were given; "
                            "name a folder with -o (see 'partita render --help')\n");
    EXPECT_EQ (several.out, "");
}

TEST_F (StandardStreamRender, GarbageOnStandardInputIsNamedAsStandardInput)
{
    test::writeBytes (directory / "junk", "this is not audio");
    const auto piped =
        test::runPartitaWithPipedInput (directory / "junk", { "render", "-", "--ir", at ("ir.wav"), "-o", "-" });
    EXPECT_EQ (piped.exitStatus, 1);
    EXPECT_EQ (piped.out, "");
    EXPECT_EQ (piped.err, "partita: error: standard input is not a readable audio file (format not recognised)\n");
}

TEST (StandardStreams, CopiesThroughAPipeInBothDirections)
{
    const test::TemporaryDirectory directory;
    std::string bytes (300000, '\0');
    for (std::size_t index = 0; index < bytes.size(); ++index)
        bytes[index] = static_cast<char> ((index * 7919) % 251);
    test::writeBytes (directory / "source", bytes);

    // File to pipe to file, larger than a pipe's buffer: a writer thread.
    int ends[2] = {};
    ASSERT_EQ (::pipe (ends), 0);
    std::thread writer (
        [&]
        {
            copyFileToDescriptor (directory / "source", ends[1]);
            ::close (ends[1]);
        });
    copyDescriptorToFile (ends[0], directory / "copy");
    writer.join();
    ::close (ends[0]);
    EXPECT_EQ (test::readBytes (directory / "copy"), bytes);

    // An existing destination is never overwritten.
    EXPECT_THROW (copyDescriptorToFile (ends[0], directory / "copy"), std::runtime_error);
}

TEST (StandardStreams, MessagesNameTheStreamInsteadOfItsTemporaryFile)
{
    EXPECT_EQ (namingStandardStream ("'/tmp/p/standard-input' is truncated; /tmp/p/standard-input",
                                     "/tmp/p/standard-input", "standard input"),
               "standard input is truncated; standard input");
}

} // namespace partita
