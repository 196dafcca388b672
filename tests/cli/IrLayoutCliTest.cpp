// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"
#include "JsonReader.h"
#include "TemporaryDirectory.h"
#include "cli/PreparedImpulseResponses.h"
#include "io/AudioFileError.h"
#include "io/AudioFileReader.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

namespace partita
{
namespace
{
constexpr double azimuthDegrees = -40.0; // a source to the right of the front
constexpr double gain = 0.5;

/** A dirac of `gain` at frame 2 from azimuthDegrees, encoded by hand:
    FuMa W X Y Z (W / sqrt 2) or AmbiX W Y Z X (W at unit gain). */
AudioClip planeWave (bool ambix)
{
    const double az = azimuthDegrees * std::numbers::pi / 180.0;
    const auto w = static_cast<float> (ambix ? gain : gain / std::sqrt (2.0));
    const auto x = static_cast<float> (gain * std::cos (az));
    const auto y = static_cast<float> (gain * std::sin (az));
    std::vector<std::vector<float>> channels (4, std::vector<float> (6, 0.0f));
    const float values[] = { w, ambix ? y : x, ambix ? 0.0f : y, ambix ? x : 0.0f };
    for (std::size_t c = 0; c < 4; ++c)
        channels[c][2] = values[c];
    return test::makeClip (channels, 48000.0);
}

/** p + (1 - p) cos (az - micAz), times the wave's gain. */
double micGain (double omniShare, double micAzimuthDegrees)
{
    return gain
           * (omniShare
              + (1.0 - omniShare) * std::cos ((azimuthDegrees - micAzimuthDegrees) * std::numbers::pi / 180.0));
}
} // namespace

TEST (IrLayoutCli, AnIrNamedAmbixIsDecodedToTheDefaultCardioidPair)
{
    const test::TemporaryDirectory folder;
    const auto path = folder / "hall_ambix.wav";
    test::writeFloatWav (path, planeWave (true));

    PreparedImpulseResponses irs (path, IrNormalisation::none);
    EXPECT_EQ (irs.layout(), (ResolvedIrLayout { IrLayout::bFormatAmbiX, IrLayoutReason::name }));
    EXPECT_EQ (irs.routedChannels(), 2u);
    EXPECT_TRUE (irs.assumedLayoutNote().empty());
    irs.prepare (std::vector<double> { 48000.0 });
    const auto decoded = irs.at (48000.0);
    ASSERT_EQ (decoded->numChannels(), 2u);
    // Floats in the file: the encoding is exact to float rounding.
    EXPECT_NEAR (decoded->channels[0][2], micGain (0.5, 45.0), 1.0e-7);
    EXPECT_NEAR (decoded->channels[1][2], micGain (0.5, -45.0), 1.0e-7);
}

TEST (IrLayoutCli, AChosenLayoutAndMicrophonePairOverrideWhatTheFileSays)
{
    const test::TemporaryDirectory folder;
    const auto path = folder / "hall_ambix.wav"; // the name says AmbiX, the data are FuMa
    test::writeFloatWav (path, planeWave (false));

    PreparedImpulseResponses irs (path, IrNormalisation::none, { IrLayout::bFormatFuMa, 0.0, 180.0 });
    EXPECT_EQ (irs.layout(), (ResolvedIrLayout { IrLayout::bFormatFuMa, IrLayoutReason::chosen }));
    irs.prepare (std::vector<double> { 48000.0 });
    const auto decoded = irs.at (48000.0);
    // Figure-8s facing left and right (a Blumlein-style side pair).
    EXPECT_NEAR (decoded->channels[0][2], micGain (0.0, 90.0), 1.0e-7);
    EXPECT_NEAR (decoded->channels[1][2], micGain (0.0, -90.0), 1.0e-7);

    // True stereo chosen: the file as it is.
    PreparedImpulseResponses asIs (path, IrNormalisation::none, { IrLayout::trueStereo, 0.5, 90.0 });
    EXPECT_EQ (asIs.routedChannels(), 4u);
}

TEST (IrLayoutCli, BFormatOnAnIrThatIsNotFourChannelsIsOneLineError)
{
    const test::TemporaryDirectory folder;
    const auto path = folder / "stereo.wav";
    test::writeFloatWav (path, test::makeClip ({ { 1.0f }, { 0.5f } }, 48000.0));
    try
    {
        PreparedImpulseResponses irs (path, IrNormalisation::none, { IrLayout::bFormatAmbiX, 0.5, 90.0 });
        FAIL() << "no AudioFileError";
    }
    catch (const AudioFileError& error)
    {
        EXPECT_NE (std::string (error.what()).find ("has 2 channels; first-order B-format has 4 (W X Y Z)"),
                   std::string::npos)
            << error.what();
    }
}

TEST (IrLayoutCli, TheExactRenderDecodesAFuMaIrNamedBFormatAsThePluginDoes)
{
    const test::TemporaryDirectory folder;
    test::writeFloatWav (folder / "church_bformat.wav", planeWave (false));
    std::vector<float> dry (64, 0.0f);
    dry[0] = 1.0f;
    dry[10] = -0.5f;
    test::writeFloatWav (folder / "dry.wav", test::makeClip ({ dry }, 48000.0));

    const auto result =
        test::runPartita ({ "render", (folder / "dry.wav").string(), "--ir", (folder / "church_bformat.wav").string(),
                            "-o", (folder / "wet.wav").string(), "-q" });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    EXPECT_EQ (result.err.find ("note:"), std::string::npos) << result.err;
    const auto wet = readAudioFile (folder / "wet.wav");
    ASSERT_EQ (wet.numChannels(), 2u); // mono in, the pair out
    const double left = micGain (0.5, 45.0);
    const double right = micGain (0.5, -45.0);
    for (std::size_t n = 0; n < wet.numFrames(); ++n)
    {
        const double expectedDry = n == 2 ? 1.0 : n == 12 ? -0.5 : 0.0;
        EXPECT_NEAR (wet.channels[0][n], left * expectedDry, 1.0e-6) << n;
        EXPECT_NEAR (wet.channels[1][n], right * expectedDry, 1.0e-6) << n;
    }
}

TEST (IrLayoutCli, TheLayoutOptionsDecodeInTheExactRenderWhateverTheFileSays)
{
    const test::TemporaryDirectory folder;
    test::writeFloatWav (folder / "room.wav", planeWave (true)); // AmbiX data, a name that says nothing
    std::vector<float> dry (64, 0.0f);
    dry[0] = 1.0f;
    dry[10] = -0.5f;
    test::writeFloatWav (folder / "dry.wav", test::makeClip ({ dry }, 48000.0));

    // Figure-8s facing left and right; --mode same is the exact render's own
    // option, so the layout options keep that path.
    const auto result = test::runPartita ({ "render", (folder / "dry.wav").string(), "--ir",
                                            (folder / "room.wav").string(), "-o", (folder / "wet.wav").string(),
                                            "--ir-layout", "b-format-ambix", "--mic-pattern", "100", "--set",
                                            "micAngle=180deg", "--mode", "same", "-q" });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    EXPECT_EQ (result.err.find ("note:"), std::string::npos) << result.err;
    const auto wet = readAudioFile (folder / "wet.wav");
    ASSERT_EQ (wet.numChannels(), 2u);
    ASSERT_EQ (wet.numFrames(), dry.size()); // same: the input's length
    // same keeps full[(M - 1) / 2 ...] = full[2 ...] for the 6-frame IR: the
    // dirac at frame 2 of the IR lands the input where it was.
    const double left = micGain (0.0, 90.0);
    const double right = micGain (0.0, -90.0);
    for (std::size_t n = 0; n < wet.numFrames(); ++n)
    {
        const double expectedDry = n == 0 ? 1.0 : n == 10 ? -0.5 : 0.0;
        EXPECT_NEAR (wet.channels[0][n], left * expectedDry, 1.0e-6) << n;
        EXPECT_NEAR (wet.channels[1][n], right * expectedDry, 1.0e-6) << n;
    }
}

TEST (IrLayoutCli, AFourChannelIrThatSaysNothingRendersAsTrueStereoWithANote)
{
    const test::TemporaryDirectory folder;
    test::writeFloatWav (folder / "room.wav", planeWave (true));
    test::writeFloatWav (folder / "dry.wav", test::makeClip ({ { 1.0f, 0.0f }, { 0.0f, 1.0f } }, 48000.0));

    const auto result =
        test::runPartita ({ "render", (folder / "dry.wav").string(), "--ir", (folder / "room.wav").string(), "-o",
                            (folder / "wet.wav").string(), "-q" });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    EXPECT_NE (result.err.find ("partita: note: '" + (folder / "room.wav").string()
                                + "' has 4 channels and does not say what they are: taken as true stereo (LL, LR, "
                                  "RL, RR)"),
               std::string::npos)
        << result.err;
    EXPECT_EQ (readAudioFile (folder / "wet.wav").numChannels(), 2u);
}

TEST (IrLayoutCli, InfoSaysTheLayoutOfAFourChannelFileAndWhy)
{
    const test::TemporaryDirectory folder;
    test::writeFloatWav (folder / "hall.amb", planeWave (false));
    test::writeFloatWav (folder / "hall_AmbiX.wav", planeWave (true));
    test::writeFloatWav (folder / "room.wav", planeWave (true));
    test::writeFloatWav (folder / "stereo.wav", test::makeClip ({ { 1.0f }, { 0.5f } }, 48000.0));

    const auto result =
        test::runPartita ({ "info", (folder / "hall.amb").string(), (folder / "hall_AmbiX.wav").string(),
                            (folder / "room.wav").string(), (folder / "stereo.wav").string() });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    EXPECT_NE (result.out.find ("layout:      B-format FuMa (W X Y Z) from the .amb extension"), std::string::npos)
        << result.out;
    EXPECT_NE (result.out.find ("layout:      B-format AmbiX (W Y Z X) from the file name"), std::string::npos)
        << result.out;
    EXPECT_NE (result.out.find ("layout:      true stereo (LL, LR, RL, RR), assumed: the file does not say; set the "
                                "IR layout if it is B-format (render --ir-layout)"),
               std::string::npos)
        << result.out;
    // Only 4-channel files leave their layout open.
    std::size_t layoutLines = 0;
    for (auto at = result.out.find ("layout:"); at != std::string::npos; at = result.out.find ("layout:", at + 1))
        ++layoutLines;
    EXPECT_EQ (layoutLines, 3u) << result.out;

    // The same for scripts: the layout and what said it.
    const auto json = test::runPartita ({ "info", "--json", (folder / "hall.amb").string(),
                                          (folder / "room.wav").string(), (folder / "stereo.wav").string() });
    ASSERT_EQ (json.exitStatus, 0) << json.err;
    const auto files = test::parseJson (json.out).array;
    ASSERT_EQ (files.size(), 3u);
    EXPECT_NE (files[0]["layout"].string.find ("FuMa"), std::string::npos) << json.out;
    EXPECT_EQ (files[0]["layout_from"].string, "extension");
    EXPECT_NE (files[1]["layout"].string.find ("true stereo"), std::string::npos) << json.out;
    EXPECT_EQ (files[1]["layout_from"].string, "assumed");
    EXPECT_FALSE (files[2].has ("layout"));
}

} // namespace partita
