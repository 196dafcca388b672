// SPDX-License-Identifier: GPL-3.0-or-later
// `partita sweep` and `partita deconvolve`, run as the built binary: the
// sweep file against the closed form of the synchronized swept sine and the
// options asked, the metadata's round trip through the file, a known sparse
// IR recovered end to end, and the refusals.
#include "CliRunner.h"
#include "ReferenceConvolution.h"
#include "TemporaryDirectory.h"
#include "io/AudioFileReader.h"
#include "measure/SweepFile.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <numbers>
#include <string>
#include <vector>

namespace partita
{
namespace
{
namespace fs = std::filesystem;

const fs::path irFolder = fs::path (PARTITA_SHARED_TESTDATA_DIR) / "ir";

bool isOneLine (const std::string& text)
{
    return !text.empty() && text.find ('\n') == text.size() - 1;
}

TEST (SweepCommand, WritesTheClosedFormWithItsParametersInTheFile)
{
    const test::TemporaryDirectory folder;
    const auto path = folder / "sweep.wav";
    const auto result = test::runPartita ({ "sweep", "-o", path.string(), "--duration", "2", "--rate", "44100",
                                            "--level", "-6", "--silence", "500ms", "--start", "40Hz", "--end", "16k" });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    EXPECT_NE (result.out.find ("metadata: partita-sweep/1"), std::string::npos) << result.out;

    const auto file = readSweepFile (path);
    ASSERT_TRUE (file.spec.has_value());
    EXPECT_EQ (file.spec->startHz, 40.0);
    EXPECT_EQ (file.spec->endHz, 16000.0);
    EXPECT_EQ (file.spec->durationSeconds, 2.0);
    EXPECT_EQ (file.spec->sampleRate, 44100.0);
    EXPECT_EQ (file.spec->levelDbfs, -6.0);
    EXPECT_EQ (file.spec->silenceSeconds, 0.5);

    // x(t) = A sin(2 pi f1 L (exp(t / L) - 1)), L = round(T f1 / ln(f2 / f1)) / f1.
    const double rate = std::round (2.0 * 40.0 / std::log (400.0)) / 40.0;
    const double amplitude = std::pow (10.0, -6.0 / 20.0);
    const double duration = rate * std::log (400.0);
    const auto& samples = file.audio.channels.front();
    ASSERT_EQ (samples.size(), static_cast<std::size_t> (std::ceil (duration * 44100.0)) + 22050);
    EXPECT_NE (result.out.find (std::to_string (duration).substr (0, 5)), std::string::npos) << result.out;
    double worst = 0.0;
    for (std::size_t frame = 4410; frame < static_cast<std::size_t> ((duration - 0.01) * 44100.0); ++frame)
    {
        const double t = static_cast<double> (frame) / 44100.0;
        const double expected = amplitude * std::sin (2.0 * std::numbers::pi * 40.0 * rate * std::expm1 (t / rate));
        worst = std::max (worst, std::abs (samples[frame] - expected));
    }
    EXPECT_LT (worst, 1.0e-6); // 32-bit float
    for (std::size_t frame = samples.size() - 22050; frame < samples.size(); ++frame)
        ASSERT_EQ (samples[frame], 0.0);
}

TEST (SweepCommand, EndsAtNyquistWhenTwentyKilohertzIsAboveIt)
{
    const test::TemporaryDirectory folder;
    const auto path = folder / "sweep.flac";
    const auto result = test::runPartita ({ "sweep", "-o", path.string(), "--rate", "32000", "--duration", "1",
                                            "--repeats", "2", "--channels", "2", "--format", "24" });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    const auto file = readSweepFile (path);
    ASSERT_TRUE (file.spec.has_value());
    EXPECT_EQ (file.spec->endHz, 16000.0);
    EXPECT_EQ (file.spec->repeats, 2u);
    EXPECT_EQ (file.audio.numChannels(), 2u);
    EXPECT_EQ (readAudioFileInfo (path).sampleFormat, "24-bit PCM");
}

TEST (SweepCommand, RefusesWhatItCannotMakeInOneLine)
{
    const test::TemporaryDirectory folder;
    const auto path = folder / "sweep.wav";
    auto result = test::runPartita ({ "sweep", "-o", path.string(), "--end", "30k" });
    EXPECT_EQ (result.exitStatus, 1);
    EXPECT_TRUE (isOneLine (result.err)) << result.err;
    EXPECT_NE (result.err.find ("Nyquist"), std::string::npos) << result.err;
    EXPECT_FALSE (fs::exists (path));

    result = test::runPartita ({ "sweep", "-o", path.string(), "--duration", "ten" });
    EXPECT_EQ (result.exitStatus, 2);
    EXPECT_TRUE (isOneLine (result.err)) << result.err;

    result = test::runPartita ({ "sweep" });
    EXPECT_EQ (result.exitStatus, 2);
    EXPECT_NE (result.err.find ("missing -o"), std::string::npos) << result.err;

    ASSERT_EQ (test::runPartita ({ "sweep", "-o", path.string(), "--duration", "1" }).exitStatus, 0);
    result = test::runPartita ({ "sweep", "-o", path.string(), "--duration", "1" });
    EXPECT_EQ (result.exitStatus, 1);
    EXPECT_TRUE (isOneLine (result.err)) << result.err;
    EXPECT_EQ (test::runPartita ({ "sweep", "-o", path.string(), "--duration", "1", "--force" }).exitStatus, 0);
}

class DeconvolveCommand : public ::testing::Test
{
protected:
    void SetUp() override
    {
        const auto made = test::runPartita ({ "sweep", "-o", sweepPath().string(), "--duration", "2", "--rate", "44100",
                                              "--silence", "1", "--level", "-6" });
        ASSERT_EQ (made.exitStatus, 0) << made.err;
        // A sparse room: the direct sound after 500 frames, a reflection at 800.
        const auto sweep = readAudioFile (sweepPath()).channels.front();
        std::vector<double> room (801, 0.0);
        room[500] = 0.5;
        room[800] = -0.25;
        const auto wet = test::referenceConvolution<double> (sweep, room);
        AudioClip recording;
        recording.sampleRate = 44100.0;
        recording.channels = { std::vector<double> (wet.begin(),
                                                    wet.begin() + static_cast<std::ptrdiff_t> (sweep.size())) };
        test::writeFloatWav (recordingPath(), recording);
    }

    fs::path sweepPath() const { return folder / "sweep.wav"; }
    fs::path recordingPath() const { return folder / "take.wav"; }

    test::TemporaryDirectory folder;
};

TEST_F (DeconvolveCommand, RecoversAKnownIrAndWritesTheHarmonicsBesideIt)
{
    const auto output = folder / "ir.wav";
    const auto result =
        test::runPartita ({ "deconvolve", recordingPath().string(), "--sweep", sweepPath().string(), "-o",
                            output.string(), "--latency", "keep", "--length", "0.1", "--harmonics", "2" });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    EXPECT_NE (result.out.find ("analytic inverse"), std::string::npos) << result.out;
    EXPECT_NE (result.out.find ("take.wav ch 1: PNR"), std::string::npos) << result.out;
    EXPECT_NE (result.out.find ("length kept 0.100 s"), std::string::npos) << result.out;
    EXPECT_TRUE (fs::exists (folder / "ir_harmonic2.wav"));
    EXPECT_TRUE (fs::exists (folder / "ir_harmonic3.wav"));

    const auto ir = readAudioFile (output);
    ASSERT_EQ (ir.numChannels(), 1u);
    ASSERT_EQ (ir.numFrames(), 4410u);
    const auto& response = ir.channels.front();
    // Band-limited to 20 Hz - 20 kHz: the impulses keep their places and
    // their ratio; everything else is small.
    EXPECT_NEAR (response[800] / response[500], -0.5, 0.01);
    EXPECT_NEAR (response[500], 0.5 * 0.9, 0.05);
    double elsewhere = 0.0;
    for (std::size_t frame = 0; frame < response.size(); ++frame)
        if ((frame < 490 || frame > 510) && (frame < 790 || frame > 810))
            elsewhere = std::max (elsewhere, std::abs (response[frame]));
    EXPECT_LT (elsewhere, 0.02); // measured 0.011: the band edges' ringing
}

TEST_F (DeconvolveCommand, RemovesTheLatencyByDefault)
{
    const auto output = folder / "ir.wav";
    const auto result = test::runPartita (
        { "deconvolve", recordingPath().string(), "--sweep", sweepPath().string(), "-o", output.string() });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    EXPECT_NE (result.out.find ("latency removed"), std::string::npos) << result.out;
    const auto ir = readAudioFile (output);
    const auto& response = ir.channels.front();
    const auto peak = std::max_element (response.begin(), response.end(),
                                        [] (double a, double b) { return std::abs (a) < std::abs (b); })
                      - response.begin();
    // 1 ms (44 frames) before the first arrival, which the band-limited
    // impulse's first sidelobe puts up to 2 frames early.
    EXPECT_GE (peak, 44);
    EXPECT_LE (peak, 46);
}

TEST_F (DeconvolveCommand, RefusesBadRecordingsAndOutputsInOneLine)
{
    const auto output = folder / "ir.wav";
    AudioClip wrongRate = readAudioFile (recordingPath());
    wrongRate.sampleRate = 48000.0;
    test::writeFloatWav (folder / "wrong_rate.wav", wrongRate);
    auto result = test::runPartita (
        { "deconvolve", (folder / "wrong_rate.wav").string(), "--sweep", sweepPath().string(), "-o", output.string() });
    EXPECT_EQ (result.exitStatus, 1);
    EXPECT_TRUE (isOneLine (result.err)) << result.err;
    EXPECT_NE (result.err.find ("wrong_rate.wav: recorded at 48000 Hz"), std::string::npos) << result.err;
    EXPECT_FALSE (fs::exists (output));

    result = test::runPartita ({ "deconvolve", recordingPath().string(), "--sweep", sweepPath().string(), "-o",
                                 recordingPath().string(), "--force" });
    EXPECT_EQ (result.exitStatus, 1);
    EXPECT_NE (result.err.find ("never overwrites its input"), std::string::npos) << result.err;

    result = test::runPartita ({ "deconvolve", recordingPath().string(), "-o", output.string() });
    EXPECT_EQ (result.exitStatus, 2);
    EXPECT_NE (result.err.find ("missing --sweep"), std::string::npos) << result.err;

    result = test::runPartita ({ "deconvolve", recordingPath().string(), "--sweep", sweepPath().string(), "-o",
                                 output.string(), "--latency", "later" });
    EXPECT_EQ (result.exitStatus, 2);
    EXPECT_TRUE (isOneLine (result.err)) << result.err;
}

TEST (DeconvolveRealRecordings, BinauralRecordingOfTheForeignSweep)
{
    if (!fs::exists (irFolder / "sweep_rec_binaural_FC_48k.wav"))
        GTEST_SKIP() << "no recordings at " << irFolder << " (they live beside the repository, not in it)";
    const test::TemporaryDirectory folder;
    const auto result = test::runPartita ({ "deconvolve", (irFolder / "sweep_rec_binaural_FC_48k.wav").string(),
                                            "--sweep", (irFolder / "sweep_dry_ess_6.15s_48k.wav").string(), "-o",
                                            (folder / "brir.wav").string() });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    std::cout << result.out;
    EXPECT_NE (result.out.find ("regularised inverse"), std::string::npos);
    EXPECT_NE (result.out.find ("ch 2: PNR"), std::string::npos);
    EXPECT_EQ (readAudioFile (folder / "brir.wav").numChannels(), 2u);
}

} // namespace
} // namespace partita
