// SPDX-License-Identifier: GPL-3.0-or-later
// `partita render --normalize-output` and `--fail-on-clip`, run end to end:
// the levels are measured in the written files by the test itself, the
// loudness through a steady sine whose loudness follows from its amplitude.
#include "CliRunner.h"
#include "TemporaryDirectory.h"
#include "TestSignals.h"
#include "io/AudioFileReader.h"
#include "state/ContentHash.h"
#include "state/PluginStateFormat.h"
#include "state/StateFile.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <complex>
#include <filesystem>
#include <numbers>
#include <string>
#include <vector>

namespace partita
{
namespace
{
double peakDbfs (const AudioClip& clip)
{
    double peak = 0.0;
    for (const auto& channel : clip.channels)
        for (const double sample : channel)
            peak = std::max (peak, std::abs (sample));
    return 20.0 * std::log10 (peak);
}

/** The gain in dB of BS.1770's K-weighting at `frequency`, from the
    standard's published 48 kHz coefficients (tables 1 and 2). */
double kWeightingGainDb (double frequency)
{
    const auto z1 = std::polar (1.0, -2.0 * std::numbers::pi * frequency / 48000.0);
    const auto shelf = (1.53512485958697 - 2.69169618940638 * z1 + 1.19839281085285 * z1 * z1)
                       / (1.0 - 1.69065929318241 * z1 + 0.73248077421585 * z1 * z1);
    const auto highPass = (1.0 - 2.0 * z1 + z1 * z1) / (1.0 - 1.99004745483398 * z1 + 0.99007225036621 * z1 * z1);
    return 20.0 * std::log10 (std::abs (shelf * highPass));
}

/** The loudness of a steady sine of this amplitude in each of numChannels
    front channels: -0.691 + 10 log10 of the channels' summed K-weighted mean
    squares, A^2 / 2 each. */
double sineLoudness (double amplitude, double frequency, std::size_t numChannels)
{
    return -0.691 + kWeightingGainDb (frequency)
           + 10.0 * std::log10 (static_cast<double> (numChannels) * amplitude * amplitude / 2.0);
}

std::vector<float> sine (double amplitude, double frequency, double rate, std::size_t length)
{
    std::vector<float> signal (length);
    for (std::size_t n = 0; n < length; ++n)
        signal[n] = static_cast<float> (
            amplitude * std::sin (2.0 * std::numbers::pi * frequency * static_cast<double> (n) / rate));
    return signal;
}

std::size_t countLines (const std::string& text)
{
    return static_cast<std::size_t> (std::count (text.begin(), text.end(), '\n'));
}

class OutputLevel : public ::testing::Test
{
protected:
    std::string at (const std::string& name) const { return (directory / name).string(); }

    void writeClip (const std::string& name, const std::vector<std::vector<float>>& channels, double rate = 48000.0)
    {
        test::writeFloatWav (directory / name, test::makeClip (channels, rate));
    }

    /** A preset whose wet path is the plain convolution with `ir`. */
    void writeNeutralState (const std::string& name, const std::vector<float>& ir)
    {
        PluginState state;
        state.parameters.autoGain = false;
        SavedImpulseResponse saved;
        saved.name = "ir.wav";
        saved.audio = std::make_shared<const AudioClip> (test::makeClip ({ ir }, 48000.0));
        saved.contentHash = contentHash (*saved.audio);
        state.impulseResponse = saved;
        writeStateFile (directory / name, serialiseState (state));
    }

    test::TemporaryDirectory directory;
};
} // namespace

TEST_F (OutputLevel, APeakTargetIsReachedInTheWrittenFile)
{
    writeClip ("in.wav", { test::whiteNoise (20000, 1), test::whiteNoise (20000, 2) });
    writeClip ("ir.wav", { test::decayingNoise (3000, 3) });

    for (const std::string format : { "float", "24", "16" })
    {
        const auto output = "out" + format + ".wav";
        const auto result = test::runPartita ({ "render", at ("in.wav"), "--ir", at ("ir.wav"), "-o", at (output),
                                                "--format", format, "--normalize-output", "peak", "-1" });
        ASSERT_EQ (result.exitStatus, 0) << result.err;
        EXPECT_NEAR (peakDbfs (readAudioFile (directory / output)), -1.0, 0.01) << format;
        EXPECT_NE (result.out.find ("peak -1.0 dBFS, 0 samples beyond full scale, normalised by "), std::string::npos)
            << result.out;
        EXPECT_EQ (result.err, "");
    }
}

TEST_F (OutputLevel, ALoudnessTargetGivesASteadySineTheAmplitudeOfThatLoudness)
{
    // 5 s of a 1 kHz stereo sine at -6 dBFS through a delayed half-gain impulse.
    const auto x = sine (0.5, 1000.0, 48000.0, 240000);
    writeClip ("in.wav", { x, x });
    std::vector<float> ir (11, 0.0f);
    ir[10] = 0.5f;
    writeClip ("ir.wav", { ir });

    const auto result = test::runPartita ({ "render", at ("in.wav"), "--ir", at ("ir.wav"), "-o", at ("out.wav"),
                                            "--normalize-output", "loudness", "-23" });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    const auto output = readAudioFile (directory / "out.wav");
    const double amplitude = std::pow (10.0, peakDbfs (output) / 20.0);
    EXPECT_NEAR (sineLoudness (amplitude, 1000.0, 2), -23.0, 0.1);
    EXPECT_NE (result.out.find (", loudness -23.0 LUFS"), std::string::npos) << result.out;

    // The --name=value form and the other spelling; a mono sine at 44.1 kHz.
    writeClip ("mono.wav", { sine (0.25, 1000.0, 44100.0, 44100 * 3) }, 44100.0);
    const auto mono = test::runPartita ({ "render", at ("mono.wav"), "--ir", at ("ir.wav"), "-o", at ("mono_out.wav"),
                                          "--normalise-output=loudness", "-30" });
    ASSERT_EQ (mono.exitStatus, 0) << mono.err;
    const double monoAmplitude = std::pow (10.0, peakDbfs (readAudioFile (directory / "mono_out.wav")) / 20.0);
    EXPECT_NEAR (sineLoudness (monoAmplitude, 1000.0, 1), -30.0, 0.1);
}

TEST_F (OutputLevel, AStateRenderIsNormalisedToo)
{
    writeClip ("in.wav", { test::whiteNoise (9600, 4) });
    writeNeutralState ("s.partita", test::decayingNoise (2000, 5));

    const auto result = test::runPartita ({ "render", at ("in.wav"), "--state", at ("s.partita"), "-o", at ("out.wav"),
                                            "--normalize-output", "peak", "-3.5" });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    EXPECT_NEAR (peakDbfs (readAudioFile (directory / "out.wav")), -3.5, 0.01);
}

TEST_F (OutputLevel, EachFileOfABatchIsNormalisedOnItsOwn)
{
    auto quiet = test::whiteNoise (12000, 6);
    for (auto& sample : quiet)
        sample *= 0.01f;
    writeClip ("loud.wav", { test::whiteNoise (12000, 7) });
    writeClip ("quiet.wav", { quiet });
    writeClip ("ir.wav", { test::decayingNoise (1000, 8) });

    const auto result = test::runPartita ({ "render", at ("loud.wav"), at ("quiet.wav"), "--ir", at ("ir.wav"), "-o",
                                            at ("wet/"), "--normalize-output", "peak", "-6" });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    EXPECT_NEAR (peakDbfs (readAudioFile (directory / "wet" / "loud.wav")), -6.0, 0.01);
    EXPECT_NEAR (peakDbfs (readAudioFile (directory / "wet" / "quiet.wav")), -6.0, 0.01);
    EXPECT_EQ (countLines (result.out), 2u);

    // --fail-on-clip refuses the file that clips and writes the other.
    const auto clipped = test::runPartita (
        { "render", at ("loud.wav"), at ("quiet.wav"), "--ir", at ("ir.wav"), "-o", at ("raw/"), "--fail-on-clip" });
    EXPECT_EQ (clipped.exitStatus, 1);
    EXPECT_EQ (countLines (clipped.err), 1u) << clipped.err;
    EXPECT_NE (clipped.err.find ("loud.wav' not written: peak +"), std::string::npos) << clipped.err;
    EXPECT_EQ (test::folderEntries (directory / "raw"), std::vector<std::string> { "quiet.wav" });
}

TEST_F (OutputLevel, ASilentOutputIsWrittenUnscaledWithOneWarning)
{
    writeClip ("in.wav", { std::vector<float> (48000, 0.0f) });
    writeClip ("ir.wav", { test::decayingNoise (100, 9) });

    for (const std::string measure : { "peak", "loudness" })
    {
        const auto output = measure + ".wav";
        const auto result = test::runPartita (
            { "render", at ("in.wav"), "--ir", at ("ir.wav"), "-o", at (output), "--normalize-output", measure, "-1" });
        ASSERT_EQ (result.exitStatus, 0) << result.err;
        EXPECT_EQ (countLines (result.err), 1u) << result.err;
        EXPECT_NE (result.err.find ("warning: " + at (output) + " is silent"), std::string::npos) << result.err;
        EXPECT_NE (result.err.find ("--normalize-output left it unscaled"), std::string::npos) << result.err;
        EXPECT_EQ (result.out.find ("nan"), std::string::npos) << result.out;
        EXPECT_EQ (result.out.find ("normalised"), std::string::npos) << result.out;
        const auto written = readAudioFile (directory / output);
        EXPECT_TRUE (std::ranges::all_of (written.channels[0], [] (double sample) { return sample == 0.0; }));
    }

    // Loud, but too short for one 400 ms loudness block.
    writeClip ("short.wav", { test::whiteNoise (4800, 10) });
    const auto result = test::runPartita ({ "render", at ("short.wav"), "--ir", at ("ir.wav"), "-o",
                                            at ("short_out.wav"), "--normalize-output", "loudness", "-23" });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    EXPECT_NE (result.err.find ("is shorter than the 400 ms of a loudness block"), std::string::npos) << result.err;
}

TEST_F (OutputLevel, FailOnClipRefusesAClippingOutputAndLeavesNoFile)
{
    // 0.9 * 10^(6/20) = 1.7957 (+5.1 dBFS) in one sample; the others at 0.5 * 2 = 1.0 do not count.
    writeClip ("small.wav", { { 0.5f, -0.9f, 0.1f } });
    writeClip ("one.wav", { { 1.0f } });
    const auto small = test::runPartita (
        { "render", at ("small.wav"), "--ir", at ("one.wav"), "-o", at ("out.wav"), "--gain", "6", "--fail-on-clip" });
    EXPECT_EQ (small.exitStatus, 1);
    EXPECT_EQ (small.err, "partita: error: '" + at ("out.wav")
                              + "' not written: peak +5.1 dBFS, 1 samples beyond full scale (--fail-on-clip)\n");
    EXPECT_EQ (test::folderEntries (directory.path()), (std::vector<std::string> { "one.wav", "small.wav" }));

    // A long input through the streamed render, which writes as it goes:
    // a float output too, which clips when it is played.
    writeClip ("long.wav", { test::whiteNoise (300000, 11) });
    writeClip ("room.wav", { test::decayingNoise (4000, 12) });
    const auto streamed = test::runPartita ({ "render", at ("long.wav"), "--ir", at ("room.wav"), "-o",
                                              at ("long_out.wav"), "--method", "fft", "--fail-on-clip" });
    EXPECT_EQ (streamed.exitStatus, 1);
    EXPECT_EQ (countLines (streamed.err), 1u) << streamed.err;
    EXPECT_NE (streamed.err.find ("'" + at ("long_out.wav") + "' not written: peak +"), std::string::npos)
        << streamed.err;
    EXPECT_NE (streamed.err.find (" samples beyond full scale (--fail-on-clip)"), std::string::npos) << streamed.err;
    EXPECT_EQ (test::folderEntries (directory.path()),
               (std::vector<std::string> { "long.wav", "one.wav", "room.wav", "small.wav" }));

    // Normalised, the streamed render passes: scaled through its spill file.
    const auto normalised =
        test::runPartita ({ "render", at ("long.wav"), "--ir", at ("room.wav"), "-o", at ("long_peak.wav"), "--method",
                            "fft", "--normalize-output", "peak", "-0.5", "--fail-on-clip" });
    EXPECT_EQ (normalised.exitStatus, 0) << normalised.err;
    EXPECT_NEAR (peakDbfs (readAudioFile (directory / "long_peak.wav")), -0.5, 0.01);
    EXPECT_EQ (test::folderEntries (directory.path()),
               (std::vector<std::string> { "long.wav", "long_peak.wav", "one.wav", "room.wav", "small.wav" }));

    // Without the flag: written, with today's warning.
    const auto warned = test::runPartita (
        { "render", at ("long.wav"), "--ir", at ("room.wav"), "-o", at ("long_out.wav"), "--method", "fft" });
    EXPECT_EQ (warned.exitStatus, 0);
    EXPECT_NE (warned.err.find ("they clip when the file is played or converted"), std::string::npos) << warned.err;
    EXPECT_TRUE (std::filesystem::exists (directory / "long_out.wav"));
}

TEST_F (OutputLevel, FailOnClipJudgesTheNormalisedOutput)
{
    writeClip ("in.wav", { test::whiteNoise (20000, 13) });
    writeClip ("ir.wav", { test::decayingNoise (2000, 14) });

    // Far above full scale before normalisation, at -0.1 dBFS after it.
    const auto peak = test::runPartita ({ "render", at ("in.wav"), "--ir", at ("ir.wav"), "-o", at ("peak.wav"),
                                          "--gain", "24", "--normalize-output", "peak", "-0.1", "--fail-on-clip" });
    EXPECT_EQ (peak.exitStatus, 0) << peak.err;
    EXPECT_TRUE (std::filesystem::exists (directory / "peak.wav"));

    // Noise at 0 LUFS has its peaks well above full scale.
    const auto loud = test::runPartita ({ "render", at ("in.wav"), "--ir", at ("ir.wav"), "-o", at ("loud.wav"),
                                          "--normalize-output", "loudness", "0", "--fail-on-clip" });
    EXPECT_EQ (loud.exitStatus, 1);
    EXPECT_NE (loud.err.find ("'" + at ("loud.wav") + "' not written: peak +"), std::string::npos) << loud.err;
    EXPECT_FALSE (std::filesystem::exists (directory / "loud.wav"));
}

TEST_F (OutputLevel, ABadTargetIsAUsageError)
{
    writeClip ("in.wav", { test::whiteNoise (100, 15) });
    writeClip ("ir.wav", { { 1.0f } });
    const auto render = [&] (std::vector<std::string> extra)
    {
        std::vector<std::string> arguments { "render", at ("in.wav"), "--ir", at ("ir.wav"), "-o", at ("out.wav") };
        arguments.insert (arguments.end(), extra.begin(), extra.end());
        return test::runPartita (arguments);
    };
    const auto missing = render ({ "--normalize-output", "loudness" });
    EXPECT_EQ (missing.exitStatus, 2);
    EXPECT_NE (missing.err.find ("option --normalize-output needs a value: peak or loudness, then a target in dBFS or "
                                 "LUFS"),
               std::string::npos)
        << missing.err;
    const auto above = render ({ "--normalize-output", "peak", "+3" });
    EXPECT_EQ (above.exitStatus, 2);
    EXPECT_NE (above.err.find ("option --normalize-output needs a target from -100 to 0 dBFS, not '+3'"),
               std::string::npos)
        << above.err;
    const auto kind = render ({ "--normalize-output", "rms", "-3" });
    EXPECT_EQ (kind.exitStatus, 2);
    EXPECT_NE (kind.err.find ("option --normalize-output must be peak or loudness, not 'rms'"), std::string::npos)
        << kind.err;
    EXPECT_FALSE (std::filesystem::exists (directory / "out.wav"));
}

} // namespace partita
