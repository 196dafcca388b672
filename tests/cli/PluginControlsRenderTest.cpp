// SPDX-License-Identifier: GPL-3.0-or-later
// The plugin controls end to end, through the built `partita` binary: a --ir
// render given one runs the plugin's signal path, and --state renders take
// them over the preset. Each output is compared with a reference computed
// here: the brute-force double convolution, shifted or scaled by hand.
#include "CliRunner.h"
#include "ReferenceConvolution.h"
#include "TemporaryDirectory.h"
#include "TestSignals.h"
#include "io/AudioFileReader.h"
#include "state/ContentHash.h"
#include "state/PluginStateFormat.h"
#include "state/StateFile.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <memory>
#include <numbers>
#include <string>
#include <utility>
#include <vector>

namespace partita
{
namespace
{
namespace fs = std::filesystem;

constexpr double rate = 44100.0;
/** Float rounding of a partitioned FFT convolution, re peak (the engine's
    accuracy tests hold it below -121 dB). */
constexpr double floatRoundingDb = -110.0;

class PluginControlsRender : public ::testing::Test
{
protected:
    PluginControlsRender()
    {
        test::writeFloatWav (directory / "in.wav", test::makeClip ({ input }, rate));
        test::writeFloatWav (directory / "ir.wav", test::makeClip ({ ir }, rate));
    }

    std::string at (const std::string& name) const { return (directory / name).string(); }

    /** Renders in.wav with these options into `output` and returns its first channel. */
    std::vector<double> render (const std::string& output, std::vector<std::string> options)
    {
        std::vector<std::string> arguments { "render", at ("in.wav"), "-o", at (output), "-q" };
        arguments.insert (arguments.end(), options.begin(), options.end());
        const auto result = test::runPartita (arguments);
        EXPECT_EQ (result.exitStatus, 0) << result.err;
        if (result.exitStatus != 0)
            return {};
        return readAudioFile (directory / output).channels.front();
    }

    /** The brute-force convolution of the input with the IR, in double. */
    std::vector<double> reference() const { return test::referenceConvolution<float> (input, ir); }

    test::TemporaryDirectory directory;
    std::vector<float> input = test::whiteNoise (3000, 11);
    std::vector<float> ir = test::decayingNoise (1500, 12);
};

double errorDb (const std::vector<double>& actual, const std::vector<double>& expected)
{
    return test::maxErrorDb (std::span<const double> (actual), std::span<const double> (expected));
}

std::vector<double> scaled (std::vector<double> signal, double factor)
{
    for (auto& sample : signal)
        sample *= factor;
    return signal;
}

/** A preset holding `impulseResponse`, with these parameters. */
void writePreset (const fs::path& file, const ProcessorParameters& parameters, const AudioClip& impulseResponse)
{
    PluginState state;
    state.parameters = parameters;
    SavedImpulseResponse saved;
    saved.name = "ir.wav";
    saved.audio = std::make_shared<const AudioClip> (impulseResponse);
    saved.contentHash = contentHash (impulseResponse);
    state.impulseResponse = saved;
    writeStateFile (file, serialiseState (state));
}
} // namespace

TEST_F (PluginControlsRender, APreDelayDelaysThePlainConvolutionByWholeSamples)
{
    // round (10.3 ms * 44.1 samples/ms) = round (454.23) = 454
    constexpr std::size_t delay = 454;
    std::vector<double> shifted (delay, 0.0);
    const auto plainReference = reference();
    shifted.insert (shifted.end(), plainReference.begin(), plainReference.end());

    const auto delayed = render ("delayed.wav", { "--ir", at ("ir.wav"), "--pre-delay", "10.3ms" });
    ASSERT_EQ (delayed.size(), shifted.size()) << "the tail holds the IR and the pre-delay";
    for (std::size_t n = 0; n < delay; ++n)
        ASSERT_EQ (delayed[n], 0.0) << n;
    EXPECT_LT (errorDb (delayed, shifted), floatRoundingDb);

    // The exact render, shifted by hand, agrees as well.
    auto plain = render ("plain.wav", { "--ir", at ("ir.wav") });
    plain.insert (plain.begin(), delay, 0.0);
    EXPECT_LT (errorDb (delayed, plain), floatRoundingDb);
}

TEST_F (PluginControlsRender, ASyncedPreDelayIsItsNoteAtTheTempoGivenAnd120BpmWithout)
{
    // A dotted eighth (0.75 beat): at 97.3 BPM 0.75 * 60 * 44100 / 97.3 =
    // 20395.68 -> 20396 samples; at 120 BPM exactly 16537.5 -> 16538.
    ProcessorParameters parameters;
    parameters.autoGain = false;
    parameters.preDelayMs = 20.0f; // not read when synced
    parameters.preDelaySync = PreDelaySync::tempo;
    parameters.preDelayNote = NoteValue::eighthDotted;
    writePreset (directory / "synced.partita", parameters, test::makeClip ({ ir }, rate));
    const auto plainReference = reference();
    for (const auto& [tempo, delay] : { std::pair<std::string, std::size_t> { "97.3", 20396 }, { "", 16538 } })
    {
        std::vector<std::string> options { "--state", at ("synced.partita") };
        if (!tempo.empty())
            options.insert (options.end(), { "--tempo", tempo });
        const auto delayed = render ("synced" + tempo + ".wav", options);
        std::vector<double> shifted (delay, 0.0);
        shifted.insert (shifted.end(), plainReference.begin(), plainReference.end());
        ASSERT_EQ (delayed.size(), shifted.size()) << "the tail holds the IR and the synced delay; tempo " << tempo;
        EXPECT_LT (errorDb (delayed, shifted), floatRoundingDb) << tempo;

        // The same controls on an IR file run the plugin's path alike.
        options = { "--ir", at ("ir.wav"), "--pre-delay-sync", "tempo", "--pre-delay-note", "1/8D" };
        if (!tempo.empty())
            options.insert (options.end(), { "--tempo", tempo });
        EXPECT_EQ (render ("synced_ir" + tempo + ".wav", options), delayed) << tempo;
    }
}

TEST_F (PluginControlsRender, IrChannelAndMaxIrLengthShapeTheIrThatIsPlayed)
{
    // A stereo IR file: channel 2 alone, capped at 20 ms (882 samples, the
    // last 441 faded along 0.5 (1 + cos (pi (i + 1) / 442))).
    const auto second = test::decayingNoise (1500, 13);
    test::writeFloatWav (directory / "stereo_ir.wav", test::makeClip ({ ir, second }, rate));
    std::vector<float> capped (second.begin(), second.begin() + 882);
    for (std::size_t i = 0; i < 441; ++i)
        capped[441 + i] =
            static_cast<float> (static_cast<double> (capped[441 + i])
                                * (0.5 * (1.0 + std::cos (std::numbers::pi * static_cast<double> (i + 1) / 442.0))));
    const auto output =
        test::runPartita ({ "render", at ("in.wav"), "--ir", at ("stereo_ir.wav"), "-o", at ("channel2.wav"), "-q",
                            "--ir-channel", "2", "--max-ir-length", "20ms", "--output-channels", "1" });
    ASSERT_EQ (output.exitStatus, 0) << output.err;
    const auto rendered = readAudioFile (directory / "channel2.wav").channels.front();
    EXPECT_LT (errorDb (rendered, test::referenceConvolution<float> (input, capped)), floatRoundingDb);

    // A channel the IR lacks: channel 1 plays, and the render says so.
    const auto fallback =
        test::runPartita ({ "render", at ("in.wav"), "--ir", at ("stereo_ir.wav"), "-o", at ("channel5.wav"), "-q",
                            "--ir-channel", "5", "--output-channels", "1" });
    ASSERT_EQ (fallback.exitStatus, 0) << fallback.err;
    EXPECT_NE (fallback.err.find ("warning: the IR 'stereo_ir.wav': no channel 5 in 2 channels: channel 1 plays"),
               std::string::npos)
        << fallback.err;
    EXPECT_LT (errorDb (readAudioFile (directory / "channel5.wav").channels.front(), reference()), floatRoundingDb);
}

TEST_F (PluginControlsRender, IrGainScalesTheWetSignalByItsDecibels)
{
    const auto louder = render ("louder.wav", { "--ir", at ("ir.wav"), "--ir-gain", "6" });
    EXPECT_LT (errorDb (louder, scaled (reference(), std::pow (10.0, 6.0 / 20.0))), floatRoundingDb);

    // The same through --set, and the plugin's path with every control at its
    // default is the plain convolution.
    const auto set = render ("set.wav", { "--ir", at ("ir.wav"), "--set", "irGain=6dB" });
    EXPECT_LT (errorDb (set, louder), floatRoundingDb);
    const auto neutral = render ("neutral.wav", { "--ir", at ("ir.wav"), "--auto-gain", "off" });
    EXPECT_LT (errorDb (neutral, reference()), floatRoundingDb);
}

TEST_F (PluginControlsRender, MixAndTheGainsMeanTheSameInTheExactRenderAndThePluginsPath)
{
    // out = output gain * ((1 - mix) * dry + mix * wet gain * wet), written out here.
    const double mix = 0.3;
    const double wetGain = std::pow (10.0, -3.0 / 20.0);
    const double outputGain = std::pow (10.0, -2.0 / 20.0);
    auto expected = reference();
    for (std::size_t n = 0; n < expected.size(); ++n)
    {
        const double dry = n < input.size() ? static_cast<double> (input[n]) : 0.0;
        expected[n] = outputGain * ((1.0 - mix) * dry + mix * wetGain * expected[n]);
    }

    const std::vector<std::string> controls {
        "--ir", at ("ir.wav"), "--mix", "30", "--wet-gain", "-3", "--gain", "-2"
    };
    const auto exact = render ("exact.wav", controls);
    EXPECT_LT (errorDb (exact, expected), floatRoundingDb);
    // --auto-gain off changes nothing but the path: the plugin's.
    auto pluginControls = controls;
    pluginControls.insert (pluginControls.end(), { "--auto-gain", "off" });
    const auto pluginPath = render ("plugin.wav", pluginControls);
    EXPECT_LT (errorDb (pluginPath, expected), floatRoundingDb);
}

TEST_F (PluginControlsRender, AutoGainScalesTheLoudestPathToUnitEnergy)
{
    // A stereo IR whose right channel is 3 times the left: the right, the
    // loudest path, gets an energy (sum of squares) of 1, the left keeps its
    // ratio to it.
    std::vector<float> right;
    double rightEnergy = 0.0;
    for (const auto sample : ir)
    {
        right.push_back (3.0f * sample);
        rightEnergy += static_cast<double> (3.0f * sample) * static_cast<double> (3.0f * sample);
    }
    test::writeFloatWav (directory / "stereo_ir.wav", test::makeClip ({ ir, right }, rate));
    const double factor = 1.0 / std::sqrt (rightEnergy);

    const auto result = test::runPartita (
        { "render", at ("in.wav"), "--ir", at ("stereo_ir.wav"), "-o", at ("auto.wav"), "-q", "--auto-gain" });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    const auto output = readAudioFile (directory / "auto.wav");
    ASSERT_EQ (output.numChannels(), 2u);
    EXPECT_LT (errorDb (output.channels[0], scaled (reference(), factor)), floatRoundingDb);
    EXPECT_LT (errorDb (output.channels[1], scaled (reference(), 3.0 * factor)), floatRoundingDb);
    // The figure is a real change of level here, not a no-op.
    EXPECT_LT (factor, 0.5);
}

TEST_F (PluginControlsRender, MixZeroOverAPresetGivesTheDryInput)
{
    ProcessorParameters parameters;
    parameters.preDelayMs = 20.0f;
    writePreset (directory / "p.partita", parameters, test::makeClip ({ ir }, rate));

    const auto dry = render ("dry.wav", { "--state", at ("p.partita"), "--set", "mix=0" });
    ASSERT_GE (dry.size(), input.size());
    for (std::size_t n = 0; n < dry.size(); ++n)
        ASSERT_NEAR (dry[n], n < input.size() ? static_cast<double> (input[n]) : 0.0, 1e-7) << n;

    // Without the override the preset's mix (100 % wet) holds.
    const auto wet = render ("wet.wav", { "--state", at ("p.partita") });
    EXPECT_GT (
        std::abs (wet[0] - static_cast<double> (input[0])) + std::abs (wet[10] - static_cast<double> (input[10])), 0.0);
}

TEST_F (PluginControlsRender, APreDelayOverAPresetMatchesThePresetSavedWithIt)
{
    const fs::path fixture = fs::path (PARTITA_RESOURCES_DIR) / ".." / "tests" / "golden" / "states"
                             / "small-room-shaped-zero-latency.partita";
    auto parsed = parseState (readStateFile (fixture));
    ASSERT_TRUE (parsed.problems.empty());
    ASSERT_EQ (parsed.state.parameters.preDelayMs, 12.5f);
    parsed.state.parameters.preDelayMs = 40.0f;
    writeStateFile (directory / "saved40.partita", serialiseState (parsed.state));

    const auto overridden = render ("overridden.wav", { "--state", fixture.string(), "--pre-delay", "40" });
    const auto saved = render ("saved.wav", { "--state", at ("saved40.partita") });
    const auto original = render ("original.wav", { "--state", fixture.string() });
    ASSERT_EQ (overridden.size(), saved.size());
    EXPECT_LT (errorDb (overridden, saved), floatRoundingDb);
    // 27.5 ms more of pre-delay: a longer tail, and a different signal.
    EXPECT_EQ (overridden.size(), original.size() + static_cast<std::size_t> (std::lround (27.5 * rate / 1000.0)));
    EXPECT_GT (errorDb (std::vector<double> (overridden.begin(), overridden.begin() + 5000),
                        std::vector<double> (original.begin(), original.begin() + 5000)),
               -20.0);
}

TEST_F (PluginControlsRender, TheEqualiserTakesAnIrRenderToThePluginsPathAsAPresetWithItWould)
{
    const std::vector<std::string> controls { "--ir",      at ("ir.wav"),  "--peak1-gain",
                                              "9dB",       "--peak1-freq", "2kHz",
                                              "--low-cut", "200",          "--low-cut-slope",
                                              "24-db-oct" };
    const auto equalised = render ("equalised.wav", controls);
    const auto neutral = render ("neutral.wav", { "--ir", at ("ir.wav"), "--auto-gain", "off" });
    ASSERT_EQ (equalised.size(), neutral.size());
    // A 9 dB peak and a steep cut: far from the plain convolution.
    EXPECT_GT (errorDb (equalised, neutral), -20.0);

    ProcessorParameters parameters;
    parameters.autoGain = false; // as --ir renders default to
    parameters.peak1GainDb = 9.0f;
    parameters.peak1Hz = 2000.0f;
    parameters.lowCutHz = 200.0f;
    parameters.lowCutSlope = CutSlope::twentyFourDecibels;
    writePreset (directory / "eq.partita", parameters, test::makeClip ({ ir }, rate));
    const auto preset = render ("preset.wav", { "--state", at ("eq.partita") });
    ASSERT_EQ (preset.size(), equalised.size());
    EXPECT_EQ (preset, equalised);
}

TEST_F (PluginControlsRender, AnExactRenderOptionWithAPluginControlIsOneLineAndStatusTwo)
{
    const auto result = test::runPartita ({ "render", at ("in.wav"), "--ir", at ("ir.wav"), "-o", at ("out.wav"),
                                            "--precision", "double", "--stretch", "150" });
    EXPECT_EQ (result.exitStatus, 2);
    EXPECT_EQ (result.err, "partita: error: option --precision cannot be combined with --stretch, which runs the "
                           "plugin's signal path: that path computes in single precision, as the plugin (see "
                           "'partita render --help')\n");
    EXPECT_FALSE (fs::exists (directory / "out.wav"));
}

TEST_F (PluginControlsRender, AMatrixIrWithAPluginControlSaysWhichPathTakesIt)
{
    test::writeFloatWav (directory / "matrix.wav", test::makeClip (std::vector<std::vector<float>> (9, ir), rate));
    const auto result = test::runPartita (
        { "render", at ("in.wav"), "--ir", at ("matrix.wav"), "-o", at ("out.wav"), "--set", "width=50" });
    EXPECT_EQ (result.exitStatus, 1);
    EXPECT_EQ (result.err, "partita: error: '" + at ("matrix.wav")
                               + "' has 9 channels; the plugin's signal path, which --set 'width=50' selects, takes "
                                 "IRs of 1, 2 or 4 (the exact render, without plugin controls, takes channel "
                                 "matrices)\n");
}

} // namespace partita
