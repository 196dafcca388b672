// SPDX-License-Identifier: GPL-3.0-or-later
// The built `partita` binary, run on real files: its output is compared with
// the engine's own result and with the brute-force double reference.
#include "CliRunner.h"
#include "ReferenceConvolution.h"
#include "TemporaryDirectory.h"
#include "TestSignals.h"
#include "engine/WholeSignalConvolution.h"
#include "io/AudioFileReader.h"
#include "io/AudioFileWriter.h"
#include "io/Resampler.h"
#include "ir/ImpulseResponsePreparation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <vector>

namespace partita
{
namespace
{
/** x[n] in double, 0 outside the signal. */
double sampleAt (const std::vector<float>& signal, std::size_t n)
{
    return n < signal.size() ? static_cast<double> (signal[n]) : 0.0;
}

namespace fs = std::filesystem;

std::vector<float> toFloat (const std::vector<double>& signal)
{
    return { signal.begin(), signal.end() };
}

void expectExactlyEqual (const std::vector<double>& actual, const std::vector<float>& expected, const char* what)
{
    ASSERT_EQ (actual.size(), expected.size()) << what;
    std::size_t mismatches = 0;
    for (std::size_t n = 0; n < actual.size(); ++n)
        if (actual[n] != static_cast<double> (expected[n]))
            ++mismatches;
    EXPECT_EQ (mismatches, 0u) << what;
}

class CliEndToEnd : public ::testing::Test
{
protected:
    std::string at (const std::string& name) const { return (directory / name).string(); }

    void writeClip (const std::string& name, const std::vector<std::vector<float>>& channels, double rate = 48000.0)
    {
        test::writeFloatWav (directory / name, test::makeClip (channels, rate));
    }

    test::TemporaryDirectory directory;
};
} // namespace

TEST_F (CliEndToEnd, AMonoRenderEqualsTheEnginesConvolutionSampleForSample)
{
    const auto x = test::whiteNoise (20000, 100);
    const auto h = test::decayingNoise (2500, 101);
    writeClip ("in.wav", { x });
    writeClip ("ir.wav", { h });

    const auto result = test::runPartita ({ "render", at ("in.wav"), "--ir", at ("ir.wav"), "-o", at ("out.wav") });
    ASSERT_EQ (result.exitStatus, 0) << result.err;

    const auto output = readAudioFile (directory / "out.wav");
    EXPECT_EQ (output.sampleRate, 48000.0);
    ASSERT_EQ (output.numChannels(), 1u);
    EXPECT_EQ (output.numFrames(), 20000u + 2500u - 1u); // the whole tail, by default

    expectExactlyEqual (output.channels[0], convolve<float> (x, h, ConvolutionMode::full, ConvolutionMethod::automatic),
                        "mono");
    const auto error = test::maxErrorDb<double> (output.channels[0], test::referenceConvolution<float> (x, h));
    std::cout << "mono render vs double reference: " << error << " dB\n";
    EXPECT_LT (error, -110.0);
}

TEST_F (CliEndToEnd, AStereoRenderEqualsTheEnginesConvolutionOfEachChannel)
{
    const auto left = test::whiteNoise (15000, 110);
    const auto right = test::whiteNoise (15000, 111);
    const auto irLeft = test::decayingNoise (3000, 112);
    const auto irRight = test::decayingNoise (3000, 113);
    writeClip ("in.wav", { left, right });
    writeClip ("ir.wav", { irLeft, irRight });

    const auto result = test::runPartita ({ "render", at ("in.wav"), "--ir", at ("ir.wav"), "-o", at ("out.wav") });
    ASSERT_EQ (result.exitStatus, 0) << result.err;

    const auto output = readAudioFile (directory / "out.wav");
    ASSERT_EQ (output.numChannels(), 2u);
    EXPECT_EQ (output.numFrames(), 15000u + 3000u - 1u);
    expectExactlyEqual (output.channels[0], convolve<float> (left, irLeft), "left");
    expectExactlyEqual (output.channels[1], convolve<float> (right, irRight), "right");
    EXPECT_LT (test::maxErrorDb<double> (output.channels[0], test::referenceConvolution<float> (left, irLeft)), -110.0);
    EXPECT_LT (test::maxErrorDb<double> (output.channels[1], test::referenceConvolution<float> (right, irRight)),
               -110.0);
}

TEST_F (CliEndToEnd, SameAndValidModesKeepTheDocumentedPartOfTheConvolution)
{
    const auto x = test::whiteNoise (4000, 120);
    const auto h = test::decayingNoise (901, 121);
    writeClip ("in.wav", { x });
    writeClip ("ir.wav", { h });
    const auto full = test::referenceConvolution<float> (x, h);

    const struct
    {
        const char* mode;
        std::size_t offset;
        std::size_t length;
    } cases[] = { { "same", 450, 4000 }, { "valid", 900, 3100 } };

    for (const auto& expectation : cases)
    {
        const auto name = std::string (expectation.mode) + ".wav";
        const auto result = test::runPartita (
            { "render", at ("in.wav"), "--ir", at ("ir.wav"), "-o", at (name), "--mode", expectation.mode });
        ASSERT_EQ (result.exitStatus, 0) << result.err;

        const auto output = readAudioFile (directory / name);
        ASSERT_EQ (output.numFrames(), expectation.length) << expectation.mode;
        const std::vector<double> expected (
            full.begin() + static_cast<std::ptrdiff_t> (expectation.offset),
            full.begin() + static_cast<std::ptrdiff_t> (expectation.offset + expectation.length));
        EXPECT_LT (test::maxErrorDb<double> (output.channels[0], expected), -110.0) << expectation.mode;
    }
}

TEST_F (CliEndToEnd, DoublePrecisionMatchesTheDoubleReferenceWithin200Db)
{
    const auto x = test::whiteNoise (12000, 130);
    const auto h = test::decayingNoise (1500, 131);
    writeClip ("in.wav", { x });
    writeClip ("ir.wav", { h });

    const auto result = test::runPartita ({ "render", at ("in.wav"), "--ir", at ("ir.wav"), "-o", at ("out.wav"),
                                            "--precision", "double", "--format", "double" });
    ASSERT_EQ (result.exitStatus, 0) << result.err;

    const auto output = readAudioFile (directory / "out.wav");
    EXPECT_NE (readAudioFileInfo (directory / "out.wav").sampleFormat.find ("64"), std::string::npos);
    const auto error = test::maxErrorDb<double> (output.channels[0], test::referenceConvolution<float> (x, h));
    std::cout << "double-precision CLI render vs double reference: " << error << " dB\n";
    EXPECT_LT (error, -200.0);
}

TEST_F (CliEndToEnd, AnEvenMixOfADelayedImpulseIsHalfWetHalfDry)
{
    const auto x = test::whiteNoise (3000, 140);
    writeClip ("in.wav", { x });
    writeClip ("ir.wav", { { 0.0f, 0.0f, 0.0f, 1.0f } });

    const auto result = test::runPartita (
        { "render", at ("in.wav"), "--ir", at ("ir.wav"), "-o", at ("out.wav"), "--mix", "50", "-q" });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    EXPECT_EQ (result.out, ""); // --quiet: no report

    const auto output = readAudioFile (directory / "out.wav");
    ASSERT_EQ (output.numFrames(), 3003u);
    for (std::size_t n = 0; n < 3003; ++n)
    {
        const double dry = sampleAt (x, n);
        const double wet = n >= 3 ? sampleAt (x, n - 3) : 0.0;
        ASSERT_NEAR (output.channels[0][n], 0.5 * wet + 0.5 * dry, 1e-6) << n;
    }
}

TEST_F (CliEndToEnd, AGainOfMinus6Point0206DbHalvesTheOutput)
{
    const auto x = test::whiteNoise (2000, 150);
    writeClip ("in.wav", { x });
    writeClip ("ir.wav", { { 1.0f } });

    const auto result = test::runPartita (
        { "render", at ("in.wav"), "--ir", at ("ir.wav"), "-o", at ("out.wav"), "--gain", "-6.0206" });
    ASSERT_EQ (result.exitStatus, 0) << result.err;

    const auto output = readAudioFile (directory / "out.wav");
    ASSERT_EQ (output.numFrames(), 2000u);
    for (std::size_t n = 0; n < 2000; ++n)
        ASSERT_NEAR (output.channels[0][n], 0.5 * sampleAt (x, n), 1e-6) << n;
}

TEST_F (CliEndToEnd, PeakNormalisationScalesTheIrToAPeakOfOne)
{
    const auto x = test::whiteNoise (1000, 155);
    writeClip ("in.wav", { x });
    writeClip ("ir.wav", { { 0.25f, -0.125f } });

    const auto result = test::runPartita (
        { "render", at ("in.wav"), "--ir", at ("ir.wav"), "-o", at ("out.wav"), "--normalize", "peak" });
    ASSERT_EQ (result.exitStatus, 0) << result.err;

    const auto output = readAudioFile (directory / "out.wav");
    ASSERT_EQ (output.numFrames(), 1001u);
    for (std::size_t n = 0; n < 1001; ++n)
    {
        const double expected = sampleAt (x, n) - 0.5 * (n >= 1 ? sampleAt (x, n - 1) : 0.0);
        ASSERT_NEAR (output.channels[0][n], expected, 1e-6) << n;
    }
}

TEST_F (CliEndToEnd, AnIrAt44100HzIsResampledToA48000HzInput)
{
    const auto x = test::whiteNoise (6000, 160);
    const auto h = test::decayingNoise (2205, 161); // 50 ms at 44.1 kHz
    writeClip ("in.wav", { x }, 48000.0);
    writeClip ("ir.wav", { h }, 44100.0);

    const auto result = test::runPartita ({ "render", at ("in.wav"), "--ir", at ("ir.wav"), "-o", at ("out.wav") });
    ASSERT_EQ (result.exitStatus, 0) << result.err;

    const auto output = readAudioFile (directory / "out.wav");
    EXPECT_EQ (output.sampleRate, 48000.0);
    auto resampled = resample (std::span<const double> (test::toDouble (h)), 44100.0, 48000.0);
    ASSERT_EQ (resampled.size(), 2400u);
    for (auto& sample : resampled)
        sample *= 44100.0 / 48000.0; // the IR keeps its frequency response at the new rate
    EXPECT_EQ (output.numFrames(), 6000u + 2400u - 1u);

    const auto reference = test::referenceConvolution<double> (test::toDouble (x), resampled);
    EXPECT_LT (test::maxErrorDb<double> (output.channels[0], reference), -110.0);
}

TEST_F (CliEndToEnd, TrueStereoGivesTheMatrixSums)
{
    const auto left = test::whiteNoise (5000, 170);
    const auto right = test::whiteNoise (5000, 171);
    std::vector<std::vector<float>> ir;
    for (std::uint32_t c = 0; c < 4; ++c)
        ir.push_back (test::decayingNoise (800, 172 + c));
    writeClip ("in.wav", { left, right });
    writeClip ("ir.wav", ir);

    const auto result = test::runPartita ({ "render", at ("in.wav"), "--ir", at ("ir.wav"), "-o", at ("out.wav") });
    ASSERT_EQ (result.exitStatus, 0) << result.err;

    const auto output = readAudioFile (directory / "out.wav");
    ASSERT_EQ (output.numChannels(), 2u);
    auto expectedLeft = test::referenceConvolution<float> (left, ir[0]);  // L in to L out
    auto expectedRight = test::referenceConvolution<float> (left, ir[1]); // L in to R out
    const auto rightToLeft = test::referenceConvolution<float> (right, ir[2]);
    const auto rightToRight = test::referenceConvolution<float> (right, ir[3]);
    for (std::size_t n = 0; n < expectedLeft.size(); ++n)
    {
        expectedLeft[n] += rightToLeft[n];
        expectedRight[n] += rightToRight[n];
    }
    EXPECT_LT (test::maxErrorDb<double> (output.channels[0], expectedLeft), -110.0);
    EXPECT_LT (test::maxErrorDb<double> (output.channels[1], expectedRight), -110.0);
}

TEST_F (CliEndToEnd, SeveralInputsRenderIntoAFolderUnderTheirOwnNames)
{
    const auto h = test::decayingNoise (500, 180);
    writeClip ("ir.wav", { h });
    std::vector<std::vector<float>> inputs;
    for (std::uint32_t i = 0; i < 3; ++i)
    {
        inputs.push_back (test::whiteNoise (3000 + 1000 * i, 181 + i));
        writeClip ("take" + std::to_string (i) + ".wav", { inputs.back() });
    }

    const auto result = test::runPartita ({ "render", at ("take0.wav"), at ("take1.wav"), at ("take2.wav"), "--ir",
                                            at ("ir.wav"), "-o", at ("renders") + "/" });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    EXPECT_EQ (test::folderEntries (directory / "renders"),
               (std::vector<std::string> { "take0.wav", "take1.wav", "take2.wav" }));

    for (std::size_t i = 0; i < 3; ++i)
    {
        const auto name = "take" + std::to_string (i) + ".wav";
        const auto output = readAudioFile (directory / "renders" / name);
        expectExactlyEqual (output.channels[0], convolve<float> (inputs[i], h), name.c_str());
        EXPECT_NE (result.out.find (name + ": 1 ch, 48000 Hz"), std::string::npos) << result.out;
    }

    // An existing folder works without the trailing slash.
    fs::create_directory (directory / "again");
    const auto again =
        test::runPartita ({ "render", at ("take0.wav"), at ("take1.wav"), "--ir", at ("ir.wav"), "-o", at ("again") });
    ASSERT_EQ (again.exitStatus, 0) << again.err;
    EXPECT_EQ (test::folderEntries (directory / "again"), (std::vector<std::string> { "take0.wav", "take1.wav" }));
}

TEST_F (CliEndToEnd, ReportsEachOutputsChannelsRateLengthAndPeak)
{
    writeClip ("ir.wav", { { 0.5f } });
    auto clip = test::makeClip ({ std::vector<float> (48000, 0.0f) }, 48000.0);
    clip.channels[0][100] = 1.0;
    test::writeFloatWav (directory / "in.wav", clip);

    const auto result = test::runPartita ({ "render", at ("in.wav"), "--ir", at ("ir.wav"), "-o", at ("out.wav") });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    EXPECT_EQ (result.out, at ("out.wav") + ": 1 ch, 48000 Hz, 1.000 s, peak -6.0 dBFS, 0 samples beyond full scale\n");
    EXPECT_EQ (result.err, "");
}

TEST_F (CliEndToEnd, WarnsWhenAFixedPointOutputClips)
{
    writeClip ("in.wav", { { 0.5f, -0.9f, 0.1f } });
    writeClip ("ir.wav", { { 1.0f } });

    const auto result = test::runPartita (
        { "render", at ("in.wav"), "--ir", at ("ir.wav"), "-o", at ("out.wav"), "--format", "16", "--gain", "6" });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    // 0.9 * 10^(6/20) = 1.7957: +5.085 dBFS, rounded up.
    EXPECT_NE (result.err.find ("warning: " + at ("out.wav")
                                + " clips: peak +5.1 dBFS in 16-bit PCM (1 samples beyond full scale); lower --gain by "
                                  "at least 5.1 dB or use --format float"),
               std::string::npos)
        << result.err;
    EXPECT_NE (result.out.find ("peak +5.1 dBFS, 1 samples beyond full scale"), std::string::npos) << result.out;
    EXPECT_EQ (readAudioFileInfo (directory / "out.wav").sampleFormat, "16-bit PCM");
}

TEST_F (CliEndToEnd, WritesFlacAsTwentyFourBitByDefault)
{
    const auto x = test::whiteNoise (1000, 190);
    writeClip ("in.wav", { x });
    writeClip ("ir.wav", { { 0.5f } });

    const auto result = test::runPartita ({ "render", at ("in.wav"), "--ir", at ("ir.wav"), "-o", at ("out.flac") });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    const auto info = readAudioFileInfo (directory / "out.flac");
    EXPECT_EQ (info.formatName, "FLAC");
    EXPECT_EQ (info.sampleFormat, "24-bit PCM");

    const auto output = readAudioFile (directory / "out.flac");
    for (std::size_t n = 0; n < 1000; ++n)
        ASSERT_NEAR (output.channels[0][n], 0.5 * sampleAt (x, n), 1.0 / 8388608.0) << n;
}

TEST_F (CliEndToEnd, HelpExplainsEveryOptionAndExitsWithZero)
{
    const auto general = test::runPartita ({ "--help" });
    EXPECT_EQ (general.exitStatus, 0);
    EXPECT_NE (general.out.find ("partita render"), std::string::npos);
    EXPECT_NE (general.out.find ("partita info"), std::string::npos);

    const auto render = test::runPartita ({ "render", "--help" });
    EXPECT_EQ (render.exitStatus, 0);
    for (const auto* option : { "--ir", "-o, --output", "--mix", "--wet-gain", "--dry-gain", "--gain", "--normalize",
                                "--mode", "--method", "--precision", "--format", "--output-channels", "--force",
                                "-q, --quiet", "-h, --help", "Default", "Examples" })
        EXPECT_NE (render.out.find (option), std::string::npos) << option;
    EXPECT_EQ (render.err, "");

    const auto info = test::runPartita ({ "info", "--help" });
    EXPECT_EQ (info.exitStatus, 0);
    EXPECT_NE (info.out.find ("peak"), std::string::npos);

    const auto version = test::runPartita ({ "--version" });
    EXPECT_EQ (version.exitStatus, 0);
    EXPECT_EQ (version.out.rfind ("partita ", 0), 0u);
}

TEST_F (CliEndToEnd, InfoDescribesAKnownFile)
{
    // Channel 1 peaks at 0.5 (-6.0 dBFS), channel 2 at 0.25 (-12.0 dBFS); a
    // constant 0.25 has an RMS of -12.0 dBFS.
    std::vector<float> first (44100, 0.0f);
    first[10] = -0.5f;
    writeClip ("known.wav", { first, std::vector<float> (44100, 0.25f) }, 44100.0);

    const auto result = test::runPartita ({ "info", at ("known.wav") });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    EXPECT_NE (result.out.find (at ("known.wav")), std::string::npos);
    EXPECT_NE (result.out.find ("WAV"), std::string::npos);
    EXPECT_NE (result.out.find ("32-bit float"), std::string::npos);
    EXPECT_NE (result.out.find ("channels:    2"), std::string::npos) << result.out;
    EXPECT_NE (result.out.find ("44100 Hz"), std::string::npos);
    EXPECT_NE (result.out.find ("44100 frames, 1.000 s"), std::string::npos);
    EXPECT_NE (result.out.find ("channel 1:   peak -6.0 dBFS (0.500000)"), std::string::npos) << result.out;
    EXPECT_NE (result.out.find ("channel 2:   peak -12.0 dBFS (0.250000), RMS -12.0 dBFS"), std::string::npos)
        << result.out;
}

TEST_F (CliEndToEnd, RendersNoiseThroughAMeasuredRoomIrResampledFrom44100Hz)
{
    const fs::path irPath = fs::path (PARTITA_SHARED_TESTDATA_DIR) / "ir" / "room_seminar_clap_mono_44k1.wav";
    if (!fs::exists (irPath))
        GTEST_SKIP() << "measured IRs not present (" << irPath << "); skipping";

    const auto x = test::whiteNoise (2 * 48000, 200);
    writeClip ("noise.wav", { x }, 48000.0);

    const auto result =
        test::runPartita ({ "render", at ("noise.wav"), "--ir", irPath.string(), "-o", at ("room.wav") });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    const auto output = readAudioFile (directory / "room.wav");

    // The IR through the same chain the CLI uses, then through the engine.
    const auto prepared = prepareImpulseResponse (readAudioFile (irPath), 48000.0, IrNormalisation::none, "room");
    ASSERT_EQ (prepared.numChannels(), 1u);
    const auto h = prepared.channels[0];
    EXPECT_EQ (h.size(), static_cast<std::size_t> (std::lround (
                             static_cast<double> (readAudioFileInfo (irPath).numFrames) * 48000.0 / 44100.0)));
    ASSERT_EQ (output.numFrames(), x.size() + h.size() - 1);
    expectExactlyEqual (output.channels[0], convolve<float> (x, toFloat (h)), "measured room");

    // The definition, evaluated at a few thousand output samples spread over
    // the whole result (the full brute-force sum would take too long here).
    const auto hFloat = toFloat (h);
    std::mt19937 random (201);
    std::uniform_int_distribution<std::size_t> positionOf (0, output.numFrames() - 1);
    double worst = 0.0;
    double peak = 0.0;
    for (const auto sample : output.channels[0])
        peak = std::max (peak, std::abs (sample));
    for (int i = 0; i < 3000; ++i)
    {
        const auto n = positionOf (random);
        double expected = 0.0;
        const auto first = n >= hFloat.size() - 1 ? n - (hFloat.size() - 1) : 0;
        const auto last = std::min (n, x.size() - 1);
        for (auto k = first; k <= last; ++k)
            expected += static_cast<double> (x[k]) * static_cast<double> (hFloat[n - k]);
        worst = std::max (worst, std::abs (output.channels[0][n] - expected));
    }
    const double errorDb = 20.0 * std::log10 (std::max (worst, 1e-30) / peak);
    std::cout << "measured room IR render vs definition at 3000 samples: " << errorDb << " dB\n";
    EXPECT_LT (errorDb, -110.0);
}

} // namespace partita
