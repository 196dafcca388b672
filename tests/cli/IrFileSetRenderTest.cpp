// SPDX-License-Identifier: GPL-3.0-or-later
// `partita render --ir` given one file of a set (a left/right half, a
// true-stereo path, a rate variant): the set renders as one IR, compared with
// the brute-force double convolution with the combined IR built by hand here.
#include "CliRunner.h"
#include "ReferenceConvolution.h"
#include "TemporaryDirectory.h"
#include "TestSignals.h"
#include "io/AudioFileReader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace partita
{
namespace
{
constexpr double floatRoundingDb = -110.0;

class IrFileSetRender : public ::testing::Test
{
protected:
    std::string at (const std::string& name) const { return (directory / name).string(); }

    void write (const std::string& name, const std::vector<std::vector<float>>& channels, double rate = 48000.0)
    {
        test::writeFloatWav (directory / name, test::makeClip (channels, rate));
    }

    test::CliResult render (const std::string& output, std::vector<std::string> options)
    {
        std::vector<std::string> arguments { "render", at ("in.wav"), "-o", at (output), "-q" };
        arguments.insert (arguments.end(), options.begin(), options.end());
        return test::runPartita (arguments);
    }

    /** x convolved with h, h padded with zeros to `irLength`. */
    static std::vector<double> convolved (const std::vector<float>& x, std::vector<float> h, std::size_t irLength)
    {
        h.resize (irLength, 0.0f);
        return test::referenceConvolution<float> (x, h);
    }

    static std::vector<double> sum (std::vector<double> a, const std::vector<double>& b)
    {
        for (std::size_t n = 0; n < a.size(); ++n)
            a[n] += b[n];
        return a;
    }

    test::TemporaryDirectory directory;
    std::vector<float> left = test::whiteNoise (4000, 31);
    std::vector<float> right = test::whiteNoise (4000, 32);
};
} // namespace

TEST_F (IrFileSetRender, AHalfBringsItsPairAsOneStereoIrPaddedToTheLongerHalf)
{
    const auto irLeft = test::decayingNoise (700, 33);
    const auto irRight = test::decayingNoise (1100, 34);
    write ("in.wav", { left, right });
    write ("hall_L.wav", { irLeft });
    write ("hall_R.wav", { irRight });

    const auto result = render ("out.wav", { "--ir", at ("hall_R.wav") });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    EXPECT_NE (result.err.find ("is part of a set: rendering 'hall [L+R]' (left/right pair: hall_L.wav + "
                                "hall_R.wav) as one IR"),
               std::string::npos)
        << result.err;

    const auto output = readAudioFile (directory / "out.wav");
    ASSERT_EQ (output.numChannels(), 2u);
    EXPECT_EQ (output.numFrames(), 4000u + 1100u - 1u);
    EXPECT_LT (test::maxErrorDb<double> (output.channels[0], convolved (left, irLeft, 1100)), floatRoundingDb);
    EXPECT_LT (test::maxErrorDb<double> (output.channels[1], convolved (right, irRight, 1100)), floatRoundingDb);

    // The plugin's signal path (a plugin control given) loads the pair too.
    const auto throughPlugin = render ("plugin.wav", { "--ir", at ("hall_L.wav"), "--set", "width=100" });
    ASSERT_EQ (throughPlugin.exitStatus, 0) << throughPlugin.err;
    EXPECT_NE (throughPlugin.err.find ("rendering 'hall [L+R]'"), std::string::npos) << throughPlugin.err;
    const auto pluginOutput = readAudioFile (directory / "plugin.wav");
    ASSERT_EQ (pluginOutput.numChannels(), 2u);
    EXPECT_LT (test::maxErrorDb<double> (pluginOutput.channels[0], convolved (left, irLeft, 1100)), floatRoundingDb);
    EXPECT_LT (test::maxErrorDb<double> (pluginOutput.channels[1], convolved (right, irRight, 1100)), floatRoundingDb);
}

TEST_F (IrFileSetRender, IrSingleFileRendersTheNamedHalfAlone)
{
    const auto irLeft = test::decayingNoise (700, 35);
    write ("in.wav", { left, right });
    write ("hall_L.wav", { irLeft });
    write ("hall_R.wav", { test::decayingNoise (900, 36) });

    const auto result = render ("out.wav", { "--ir", at ("hall_L.wav"), "--ir-single-file" });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    EXPECT_EQ (result.err.find ("set"), std::string::npos) << result.err;
    const auto output = readAudioFile (directory / "out.wav");
    ASSERT_EQ (output.numFrames(), 4000u + 700u - 1u);
    // A mono IR on a stereo input: each channel through it.
    EXPECT_LT (test::maxErrorDb<double> (output.channels[0], convolved (left, irLeft, 700)), floatRoundingDb);
    EXPECT_LT (test::maxErrorDb<double> (output.channels[1], convolved (right, irLeft, 700)), floatRoundingDb);
}

TEST_F (IrFileSetRender, APathBringsItsQuadAsOneTrueStereoIr)
{
    write ("in.wav", { left, right });
    const char* names[] = { "room_LL.wav", "room_LR.wav", "room_RL.wav", "room_RR.wav" };
    std::vector<std::vector<float>> paths;
    for (std::uint32_t i = 0; i < 4; ++i)
    {
        paths.push_back (test::decayingNoise (600 + 50 * i, 40 + i));
        write (names[i], { paths.back() });
    }

    const auto result = render ("out.wav", { "--ir", at ("room_RL.wav") });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    EXPECT_NE (result.err.find ("true-stereo quad: room_LL.wav + room_LR.wav + room_RL.wav + room_RR.wav"),
               std::string::npos)
        << result.err;
    EXPECT_EQ (result.err.find ("assumed"), std::string::npos) << "the files say it is true stereo";

    const auto output = readAudioFile (directory / "out.wav");
    ASSERT_EQ (output.numChannels(), 2u);
    constexpr std::size_t length = 750;
    const auto expectedLeft = sum (convolved (left, paths[0], length), convolved (right, paths[2], length));
    const auto expectedRight = sum (convolved (left, paths[1], length), convolved (right, paths[3], length));
    EXPECT_LT (test::maxErrorDb<double> (output.channels[0], expectedLeft), floatRoundingDb);
    EXPECT_LT (test::maxErrorDb<double> (output.channels[1], expectedRight), floatRoundingDb);
}

TEST_F (IrFileSetRender, RateVariantsRenderWithTheOneAtTheInputsRate)
{
    const auto at44 = test::decayingNoise (441, 50);
    const auto at48 = test::decayingNoise (480, 51);
    const auto at96 = test::decayingNoise (960, 52);
    write ("in.wav", { left });
    write ("hall_44k.wav", { at44 }, 44100.0);
    write ("hall_48k.wav", { at48 }, 48000.0);
    write ("hall_96k.wav", { at96 }, 96000.0);

    const auto result = render ("out.wav", { "--ir", at ("hall_96k.wav") });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    EXPECT_NE (result.err.find ("hall_48k.wav, the 48000 Hz one of 3 rates (44100, 48000, 96000 Hz)"),
               std::string::npos)
        << result.err;
    const auto output = readAudioFile (directory / "out.wav");
    EXPECT_LT (test::maxErrorDb<double> (output.channels[0], convolved (left, at48, 480)), floatRoundingDb);

    // Pairs at several rates: the 44.1 kHz pair for a 44.1 kHz input.
    const auto pairLeft = test::decayingNoise (300, 53);
    const auto pairRight = test::decayingNoise (400, 54);
    write ("in.wav", { left, right }, 44100.0);
    write ("plate_L_44k.wav", { pairLeft }, 44100.0);
    write ("plate_R_44k.wav", { pairRight }, 44100.0);
    write ("plate_L_96k.wav", { test::decayingNoise (900, 55) }, 96000.0);
    write ("plate_R_96k.wav", { test::decayingNoise (900, 56) }, 96000.0);
    const auto pair = render ("pair.wav", { "--ir", at ("plate_R_96k.wav") });
    ASSERT_EQ (pair.exitStatus, 0) << pair.err;
    EXPECT_NE (pair.err.find ("'plate [L+R, 44.1 kHz]' (left/right pair: plate_L_44k.wav + plate_R_44k.wav, the "
                              "44100 Hz one of 2 rates (44100, 96000 Hz))"),
               std::string::npos)
        << pair.err;
    const auto pairOutput = readAudioFile (directory / "pair.wav");
    EXPECT_LT (test::maxErrorDb<double> (pairOutput.channels[0], convolved (left, pairLeft, 400)), floatRoundingDb);
    EXPECT_LT (test::maxErrorDb<double> (pairOutput.channels[1], convolved (right, pairRight, 400)), floatRoundingDb);
}

TEST_F (IrFileSetRender, InfoShowsTheSetAFileBelongsTo)
{
    write ("hall_L.wav", { test::decayingNoise (100, 60) });
    write ("hall_R.wav", { test::decayingNoise (100, 61) });
    write ("lone_L.wav", { test::decayingNoise (100, 62) });

    const auto result = test::runPartita ({ "info", at ("hall_L.wav"), at ("lone_L.wav") });
    ASSERT_EQ (result.exitStatus, 0) << result.err;
    EXPECT_NE (result.out.find ("  set:         left/right pair 'hall': hall_L.wav + hall_R.wav\n"), std::string::npos)
        << result.out;
    EXPECT_EQ (result.out.find ("set:", result.out.find ("lone_L.wav")), std::string::npos) << result.out;
}

} // namespace partita
