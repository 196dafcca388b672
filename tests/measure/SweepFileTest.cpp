// SPDX-License-Identifier: GPL-3.0-or-later
#include "measure/SweepFile.h"

#include "TemporaryDirectory.h"
#include "io/AudioFileWriter.h"
#include "measure/SynchronizedSweep.h"

#include <gtest/gtest.h>

namespace partita
{
namespace
{

SweepSpec unusualSpec()
{
    SweepSpec spec;
    spec.startHz = 31.25;
    spec.endHz = 18000.1;
    spec.durationSeconds = 1.3;
    spec.sampleRate = 44100.0;
    spec.levelDbfs = -9.7;
    spec.fadeInPeriods = 2.0;
    spec.fadeOutSeconds = 0.0123;
    spec.silenceSeconds = 0.7;
    spec.repeats = 2;
    spec.numChannels = 3;
    return spec;
}

void expectSame (const SweepSpec& a, const SweepSpec& b)
{
    EXPECT_EQ (a.startHz, b.startHz);
    EXPECT_EQ (a.endHz, b.endHz);
    EXPECT_EQ (a.durationSeconds, b.durationSeconds);
    EXPECT_EQ (a.sampleRate, b.sampleRate);
    EXPECT_EQ (a.levelDbfs, b.levelDbfs);
    EXPECT_EQ (a.fadeInPeriods, b.fadeInPeriods);
    EXPECT_EQ (a.fadeOutSeconds, b.fadeOutSeconds);
    EXPECT_EQ (a.silenceSeconds, b.silenceSeconds);
    EXPECT_EQ (a.repeats, b.repeats);
    EXPECT_EQ (a.numChannels, b.numChannels);
}

TEST (SweepFile, MetadataTextRoundTripsEveryFieldExactly)
{
    const auto spec = unusualSpec();
    const auto parsed = parseSweepMetadata (formatSweepMetadata (spec));
    ASSERT_TRUE (parsed.has_value());
    expectSame (*parsed, spec);
}

TEST (SweepFile, OtherCommentsAreNotTakenForASpec)
{
    EXPECT_FALSE (parseSweepMetadata ("").has_value());
    EXPECT_FALSE (parseSweepMetadata ("Recorded on 2010-04-27 in Fruity Convolver.").has_value());
    EXPECT_FALSE (parseSweepMetadata ("partita-sweep/2 start_hz=20").has_value());
    auto text = formatSweepMetadata (unusualSpec());
    EXPECT_FALSE (parseSweepMetadata (text.substr (0, text.find (" repeats"))).has_value());
    EXPECT_FALSE (parseSweepMetadata (text + " start_hz=abc").has_value());
}

class SweepFileContainers : public ::testing::TestWithParam<const char*>
{
};

TEST_P (SweepFileContainers, SpecSurvivesWritingAndReadingTheFile)
{
    const test::TemporaryDirectory folder;
    const auto path = folder / (std::string ("sweep.") + GetParam());
    const SynchronizedSweep sweep (unusualSpec());
    writeSweepFile (path, sweep, resolveOutputFormat (path, std::nullopt));

    const auto file = readSweepFile (path);
    ASSERT_TRUE (file.spec.has_value());
    expectSame (*file.spec, unusualSpec());
    EXPECT_EQ (file.audio.numChannels(), 3u);
    EXPECT_EQ (file.audio.numFrames(), sweep.totalFrames());
    EXPECT_EQ (file.audio.sampleRate, 44100.0);
}

INSTANTIATE_TEST_SUITE_P (SweepFile, SweepFileContainers, ::testing::Values ("wav", "flac", "aiff"));

TEST (SweepFile, AFileWithoutTheCommentHasNoSpec)
{
    const test::TemporaryDirectory folder;
    const auto path = folder / "plain.wav";
    writeAudioFile (path, SynchronizedSweep (unusualSpec()).generate(), OutputFormat {});
    EXPECT_FALSE (readSweepFile (path).spec.has_value());
}

} // namespace
} // namespace partita
