// SPDX-License-Identifier: GPL-3.0-or-later
#include "ir/BFormatDecoder.h"

#include "io/AudioFileError.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace partita
{
namespace
{
constexpr double degrees = std::numbers::pi / 180.0;

/** A plane wave from azimuth az (counter-clockwise from the front) and
    elevation el, a dirac at frame `at` of gain `gain`, encoded by hand with
    the published first-order formulas:
    FuMa  W = s / sqrt 2, X = s cos az cos el, Y = s sin az cos el, Z = s sin el;
    AmbiX (ACN W Y Z X, SN3D) W = s, Y = s sin az cos el, Z = s sin el, X = s cos az cos el. */
AudioClip planeWave (IrLayout convention, double azimuthDegrees, double elevationDegrees = 0.0, std::size_t at = 3,
                     double gain = 0.8)
{
    const double az = azimuthDegrees * degrees;
    const double el = elevationDegrees * degrees;
    const double w = convention == IrLayout::bFormatFuMa ? gain / std::sqrt (2.0) : gain;
    const double x = gain * std::cos (az) * std::cos (el);
    const double y = gain * std::sin (az) * std::cos (el);
    const double z = gain * std::sin (el);

    AudioClip clip;
    clip.sampleRate = 48000.0;
    clip.channels.assign (4, std::vector<double> (8, 0.0));
    const double fuma[] = { w, x, y, z };
    const double ambix[] = { w, y, z, x };
    for (std::size_t c = 0; c < 4; ++c)
        clip.channels[c][at] = convention == IrLayout::bFormatFuMa ? fuma[c] : ambix[c];
    return clip;
}

/** The first-order polar pattern: p + (1 - p) cos (az - micAz). */
double polarGain (double omniShare, double azimuthDegrees, double micAzimuthDegrees)
{
    return omniShare + (1.0 - omniShare) * std::cos ((azimuthDegrees - micAzimuthDegrees) * degrees);
}
} // namespace

TEST (BFormatDecoder, APlaneWaveReachesEachMicrophoneWithItsClosedFormPolarGain)
{
    for (const auto convention : { IrLayout::bFormatFuMa, IrLayout::bFormatAmbiX })
        for (const double omniShare : { 1.0, 0.7, 0.5, 0.25, 0.0 })
            for (const double angle : { 0.0, 90.0, 110.0, 180.0 })
                for (const double azimuth : { 0.0, 30.0, 90.0, 135.0, 180.0, -60.0, -150.0 })
                {
                    const auto decoded = decodeBFormat (planeWave (convention, azimuth), convention, omniShare, angle);
                    ASSERT_EQ (decoded.numChannels(), 2u);
                    ASSERT_EQ (decoded.numFrames(), 8u);
                    const double left = 0.8 * polarGain (omniShare, azimuth, angle / 2.0);
                    const double right = 0.8 * polarGain (omniShare, azimuth, -angle / 2.0);
                    EXPECT_NEAR (decoded.channels[0][3], left, 1.0e-12)
                        << "p " << omniShare << ", angle " << angle << ", azimuth " << azimuth;
                    EXPECT_NEAR (decoded.channels[1][3], right, 1.0e-12)
                        << "p " << omniShare << ", angle " << angle << ", azimuth " << azimuth;
                    for (const std::size_t n : { 0u, 1u, 2u, 4u, 7u })
                    {
                        EXPECT_EQ (decoded.channels[0][n], 0.0);
                        EXPECT_EQ (decoded.channels[1][n], 0.0);
                    }
                }
}

TEST (BFormatDecoder, AnXyPairOfCardioidsHearsTheFrontAndTheLeftSideAtTheirPublishedLevels)
{
    // Published values for coincident cardioids at +-45 degrees: on the
    // axis between them 0.5 + 0.5 cos 45 = 0.854 (-1.375 dB); a source at 90
    // degrees left reaches the left mic at 0.854 and the right at 0.146 (15.31 dB apart).
    const auto front =
        decodeBFormat (planeWave (IrLayout::bFormatAmbiX, 0.0, 0.0, 3, 1.0), IrLayout::bFormatAmbiX, 0.5, 90.0);
    EXPECT_NEAR (20.0 * std::log10 (front.channels[0][3]), -1.375, 0.001);
    EXPECT_NEAR (front.channels[0][3], front.channels[1][3], 1.0e-15);
    const auto left =
        decodeBFormat (planeWave (IrLayout::bFormatAmbiX, 90.0, 0.0, 3, 1.0), IrLayout::bFormatAmbiX, 0.5, 90.0);
    EXPECT_NEAR (20.0 * std::log10 (left.channels[0][3] / left.channels[1][3]), 15.31, 0.005);
}

TEST (BFormatDecoder, FuMaAndAmbiXEncodingsOfTheSameFieldDecodeIdentically)
{
    // A field of three plane waves at different times, elevations included.
    const auto field = [] (IrLayout convention)
    {
        auto clip = planeWave (convention, 20.0, 10.0, 1, 0.9);
        const auto second = planeWave (convention, -100.0, -30.0, 4, -0.4);
        const auto third = planeWave (convention, 170.0, 60.0, 6, 0.25);
        for (std::size_t c = 0; c < 4; ++c)
            for (std::size_t n = 0; n < 8; ++n)
                clip.channels[c][n] += second.channels[c][n] + third.channels[c][n];
        return clip;
    };
    for (const double omniShare : { 1.0, 0.5, 0.0 })
    {
        const auto fuma = decodeBFormat (field (IrLayout::bFormatFuMa), IrLayout::bFormatFuMa, omniShare, 100.0);
        const auto ambix = decodeBFormat (field (IrLayout::bFormatAmbiX), IrLayout::bFormatAmbiX, omniShare, 100.0);
        for (std::size_t c = 0; c < 2; ++c)
            for (std::size_t n = 0; n < 8; ++n)
                EXPECT_NEAR (fuma.channels[c][n], ambix.channels[c][n], 1.0e-12) << c << ", " << n;
    }
}

TEST (BFormatDecoder, HeightIsNotHeardByAHorizontalPair)
{
    // Z alone (a source straight above, W and X Y silent apart from Z) is
    // ignored: a figure-8 pair hears nothing of it.
    auto clip = planeWave (IrLayout::bFormatFuMa, 0.0, 90.0);
    clip.channels[0].assign (8, 0.0); // no W: Z is the only signal
    const auto decoded = decodeBFormat (clip, IrLayout::bFormatFuMa, 0.0, 90.0);
    for (const auto& microphone : decoded.channels)
        for (const double sample : microphone)
            EXPECT_NEAR (sample, 0.0, 1.0e-16);
}

TEST (BFormatDecoder, OnlyAFourChannelIrCanBeDecoded)
{
    AudioClip stereo;
    stereo.sampleRate = 48000.0;
    stereo.channels.assign (2, std::vector<double> (4, 0.5));
    try
    {
        (void)decodeBFormat (stereo, IrLayout::bFormatAmbiX, 0.5, 90.0, "hall.wav");
        FAIL() << "no exception";
    }
    catch (const AudioFileError& error)
    {
        EXPECT_STREQ (error.what(),
                      "'hall.wav' has 2 channels; first-order B-format has 4 (W X Y Z): choose another IR layout");
    }
    EXPECT_THROW ((void)decodeBFormat (planeWave (IrLayout::bFormatFuMa, 0.0), IrLayout::trueStereo, 0.5, 90.0),
                  std::invalid_argument);
    EXPECT_THROW ((void)decodeBFormat (planeWave (IrLayout::bFormatFuMa, 0.0), IrLayout::bFormatFuMa, 1.5, 90.0),
                  std::invalid_argument);
}

TEST (BFormatDecoder, AnyLayoutButBFormatLeavesTheIrBitForBit)
{
    const auto clip = planeWave (IrLayout::bFormatFuMa, 33.0);
    for (const auto layout : { IrLayout::trueStereo, IrLayout::independent })
    {
        const auto out = applyIrLayout (clip, { layout, IrLayoutReason::chosen }, {});
        EXPECT_EQ (out.channels, clip.channels);
        EXPECT_EQ (out.sampleRate, clip.sampleRate);
    }
    const auto decoded =
        applyIrLayout (clip, { IrLayout::bFormatFuMa, IrLayoutReason::name }, { IrLayout::automatic, 0.5, 90.0 });
    EXPECT_EQ (decoded.numChannels(), 2u);
}

} // namespace partita
