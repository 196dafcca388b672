// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/StreamingRenderJob.h"

#include "TemporaryDirectory.h"
#include "TestSignals.h"
#include "cli/OutputLevelNormaliser.h"
#include "cli/RenderJob.h"
#include "engine/StreamingOverlapAdd.h"
#include "io/AudioFileReader.h"
#include "io/AudioFileWriter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

namespace partita
{
namespace
{
AudioClip clipOf (const std::vector<std::vector<float>>& channels, double rate = 48000.0)
{
    AudioClip clip;
    clip.sampleRate = rate;
    for (const auto& channel : channels)
        clip.channels.emplace_back (channel.begin(), channel.end());
    return clip;
}

/** 64-bit float files, so that what is read back is every bit rendered. */
const OutputFormat exactFormat { FileContainer::wav, SampleFormat::float64 };

/** Streams `input` (written to a file first) through `impulseResponse` and
    checks the written file and the report against RenderJob's whole-clip
    render of the same clips: the same samples, bit for bit. */
void expectSameAsRenderJob (const RenderOptions& options, const AudioClip& input, const AudioClip& impulseResponse)
{
    const test::TemporaryDirectory folder;
    const auto inputPath = folder / "in.wav";
    const auto outputPath = folder / "out.wav";
    writeAudioFile (inputPath, input, exactFormat);

    const StreamingRenderJob streamed (options, 2);
    ASSERT_TRUE (streamed.canRender (input.numFrames(), impulseResponse.numFrames()));
    AudioFileReader reader (inputPath);
    std::vector<double> fractions;
    const auto report = streamed.render (reader, impulseResponse, outputPath, exactFormat, OverwritePolicy::refuse,
                                         [&fractions] (double fraction) { fractions.push_back (fraction); });

    auto expected = RenderJob (options, 2).render (readAudioFile (inputPath), impulseResponse);
    // --normalize-output as the in-memory render applies it.
    std::optional<OutputLevelOutcome> level;
    if (options.outputNormalisation)
        level = normaliseOutputLevel (expected, *options.outputNormalisation, outputPath);
    const auto written = readAudioFile (outputPath);
    ASSERT_EQ (written.numChannels(), expected.numChannels());
    ASSERT_EQ (written.numFrames(), expected.numFrames());
    for (std::size_t channel = 0; channel < expected.numChannels(); ++channel)
        for (std::size_t n = 0; n < expected.numFrames(); ++n)
            ASSERT_EQ (written.channels[channel][n], expected.channels[channel][n])
                << "channel " << channel << ", frame " << n;

    const auto measured = measureRender (outputPath, expected, exactFormat.sampleFormat);
    EXPECT_EQ (report.numChannels, measured.numChannels);
    EXPECT_EQ (report.numFrames, measured.numFrames);
    EXPECT_EQ (report.sampleRate, measured.sampleRate);
    EXPECT_EQ (report.peak, measured.peak);
    EXPECT_EQ (report.samplesBeyondFullScale, measured.samplesBeyondFullScale);
    if (level)
    {
        EXPECT_EQ (report.normalisationGainDb, level->gainDb);
        EXPECT_EQ (report.loudness, level->loudness);
        EXPECT_EQ (report.normalisationWarning, level->warning);
    }

    ASSERT_FALSE (fractions.empty());
    EXPECT_TRUE (std::is_sorted (fractions.begin(), fractions.end()));
    EXPECT_EQ (fractions.back(), 1.0);
}

/** An IR long enough that the FFT method is picked, and an input several
    segments long with a short last one. */
constexpr std::size_t irLength = 2000;

std::size_t inputSpanningSegments (std::size_t sampleBytes)
{
    return 3 * planOverlapAdd (100000, irLength, sampleBytes).segmentLength + 777;
}
} // namespace

TEST (StreamingRenderJob, AStereoWetRenderWritesWhatRenderJobComputes)
{
    const auto length = inputSpanningSegments (sizeof (float));
    const auto input = clipOf ({ test::whiteNoise (length, 1), test::whiteNoise (length, 2) });
    const auto ir = clipOf ({ test::decayingNoise (irLength, 3), test::decayingNoise (irLength, 4) });
    expectSameAsRenderJob (RenderOptions {}, input, ir);
}

TEST (StreamingRenderJob, TrueStereoWithDryMixAndGainsWritesWhatRenderJobComputes)
{
    const auto length = inputSpanningSegments (sizeof (float));
    const auto input = clipOf ({ test::whiteNoise (length, 5), test::whiteNoise (length, 6) });
    const auto ir = clipOf ({ test::decayingNoise (irLength, 7), test::decayingNoise (irLength, 8),
                              test::decayingNoise (irLength, 9), test::decayingNoise (irLength, 10) });
    RenderOptions options;
    options.mix = 0.4;
    options.wetGainDb = -3.0;
    options.dryGainDb = 2.0;
    options.outputGainDb = 7.5; // some samples beyond full scale for the report
    expectSameAsRenderJob (options, input, ir);
}

TEST (StreamingRenderJob, ANormalisedRenderWritesWhatTheInMemoryRenderWrites)
{
    // The streamed render spills its output and scales it once measured.
    const auto length = inputSpanningSegments (sizeof (float));
    const auto input = clipOf ({ test::whiteNoise (length, 21), test::whiteNoise (length, 22) });
    const auto ir = clipOf ({ test::decayingNoise (irLength, 23) });
    for (const auto& normalisation : { OutputNormalisation { OutputLevelMeasure::samplePeak, -1.0 },
                                       OutputNormalisation { OutputLevelMeasure::loudness, -23.0 } })
    {
        RenderOptions options;
        options.outputNormalisation = normalisation;
        options.mix = 0.5;
        SCOPED_TRACE (normalisation.measure == OutputLevelMeasure::loudness ? "loudness" : "peak");
        expectSameAsRenderJob (options, input, ir);
    }
}

TEST (StreamingRenderJob, SameAndValidModesWriteWhatRenderJobComputes)
{
    const auto length = inputSpanningSegments (sizeof (float));
    const auto input = clipOf ({ test::whiteNoise (length, 11) });
    const auto ir = clipOf ({ test::decayingNoise (irLength, 12) });
    for (const auto mode : { ConvolutionMode::same, ConvolutionMode::valid })
    {
        RenderOptions options;
        options.mode = mode;
        options.mix = 0.75;
        SCOPED_TRACE (mode == ConvolutionMode::same ? "same" : "valid");
        expectSameAsRenderJob (options, input, ir);
    }
}

TEST (StreamingRenderJob, DoublePrecisionWritesWhatRenderJobComputes)
{
    const auto length = inputSpanningSegments (sizeof (double));
    const auto input = clipOf ({ test::whiteNoise (length, 13), test::whiteNoise (length, 14) });
    const auto ir = clipOf ({ test::decayingNoise (irLength, 15) });
    RenderOptions options;
    options.precision = Precision::float64;
    expectSameAsRenderJob (options, input, ir);
}

TEST (StreamingRenderJob, TakesOnlyRendersThatPickTheFftMethodWithTheInputTheLonger)
{
    const StreamingRenderJob automatic (RenderOptions {});
    EXPECT_TRUE (automatic.canRender (2880000, 192000));
    EXPECT_FALSE (automatic.canRender (1000, 192000)); // the IR is the longer
    EXPECT_FALSE (automatic.canRender (100000, 3));    // direct is cheaper

    RenderOptions direct;
    direct.method = ConvolutionMethod::direct;
    EXPECT_FALSE (StreamingRenderJob (direct).canRender (2880000, 192000));

    RenderOptions fft;
    fft.method = ConvolutionMethod::fft;
    EXPECT_TRUE (StreamingRenderJob (fft).canRender (100000, 3));
}

TEST (StreamingRenderJob, AFailedRenderLeavesNoOutput)
{
    const test::TemporaryDirectory folder;
    const auto inputPath = folder / "in.wav";
    const auto outputPath = folder / "out.wav";
    const auto length = inputSpanningSegments (sizeof (float));
    writeAudioFile (inputPath, clipOf ({ test::whiteNoise (length, 16) }), exactFormat);

    // An IR at another rate than the input is refused before anything is written.
    const auto ir = clipOf ({ test::decayingNoise (irLength, 17) }, 44100.0);
    AudioFileReader reader (inputPath);
    EXPECT_THROW ((void)StreamingRenderJob (RenderOptions {})
                      .render (reader, ir, outputPath, exactFormat, OverwritePolicy::refuse),
                  std::invalid_argument);
    EXPECT_FALSE (std::filesystem::exists (outputPath));
    EXPECT_EQ (std::distance (std::filesystem::directory_iterator (folder.path()), {}), 1);
}

} // namespace partita
