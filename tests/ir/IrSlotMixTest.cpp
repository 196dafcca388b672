// SPDX-License-Identifier: GPL-3.0-or-later
// The two IR slots' pieces against closed forms: the band-limited fractional
// delay (a delayed sine's phase, a delayed impulse's spectrum), the blend
// and pan laws, and how two slots of different layouts are summed.
#include "ir/IrSlotMix.h"

#include "TestSignals.h"
#include "ir/FractionalDelay.h"

#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <iostream>
#include <numbers>
#include <vector>

namespace partita
{
namespace
{
constexpr double pi = std::numbers::pi;

std::vector<double> noise (std::size_t length, std::uint32_t seed)
{
    return test::toDouble (test::whiteNoise (length, seed));
}

AudioClip clipOf (std::vector<std::vector<double>> channels)
{
    AudioClip clip;
    clip.sampleRate = 48000.0;
    clip.channels = std::move (channels);
    return clip;
}

TEST (FractionalDelay, AWholeNumberOfSamplesIsAnExactShift)
{
    const auto signal = noise (300, 1);
    const auto delayed = delayedBy (signal, 7.0);
    ASSERT_EQ (delayed.size(), 307u);
    for (std::size_t n = 0; n < 7; ++n)
        EXPECT_EQ (delayed[n], 0.0);
    for (std::size_t n = 0; n < signal.size(); ++n)
        EXPECT_EQ (delayed[n + 7], signal[n]);
    EXPECT_EQ (delayedBy (signal, 0.0), signal);
}

// sin (w n) delayed by D is sin (w (n - D)): amplitude and phase within 1e-4
// up to 0.44 of the rate, away from the ends of the finite sine.
TEST (FractionalDelay, ADelayedSineKeepsItsAmplitudeAndShiftsItsPhaseByTheFraction)
{
    double worstOfAll = 0.0;
    for (const double delay : { 0.25, 0.5, 3.7, 96.123 })
        for (const double cyclesPerSample : { 0.01, 0.1, 0.25, 0.4, 0.44 })
        {
            const double omega = 2.0 * pi * cyclesPerSample;
            std::vector<double> sine (2000);
            for (std::size_t n = 0; n < sine.size(); ++n)
                sine[n] = std::sin (omega * static_cast<double> (n));
            const auto delayed = delayedBy (sine, delay);
            double worst = 0.0;
            for (std::size_t n = 200; n < 1800; ++n)
                worst = std::max (worst, std::abs (delayed[n] - std::sin (omega * (static_cast<double> (n) - delay))));
            EXPECT_LT (worst, 1e-4) << "delay " << delay << " samples, " << cyclesPerSample << " cycles a sample";
            worstOfAll = std::max (worstOfAll, worst);
        }
    std::cout << "[ figures  ] delayed sine, up to 0.44 of the rate: largest error " << worstOfAll << "\n";
}

// An impulse at n0 delayed by D is, band-limited, the sampled sinc around
// n0 + D, whose spectrum is exp (-i w (n0 + D)): unit magnitude and linear
// phase, which the windowed sinc meets within 1e-4 up to 0.44 of the rate.
TEST (FractionalDelay, ADelayedImpulseHasTheSpectrumOfTheBandLimitedDelayedImpulse)
{
    const double n0 = 100.0;
    std::vector<double> impulse (201, 0.0);
    impulse[100] = 1.0;
    double worstOfAll = 0.0;
    for (const double delay : { 0.3, 0.5, 12.875 })
    {
        const auto delayed = delayedBy (impulse, delay);
        for (double cyclesPerSample = 0.0; cyclesPerSample <= 0.44; cyclesPerSample += 0.02)
        {
            const double omega = 2.0 * pi * cyclesPerSample;
            std::complex<double> spectrum = 0.0;
            for (std::size_t n = 0; n < delayed.size(); ++n)
                spectrum += delayed[n] * std::polar (1.0, -omega * static_cast<double> (n));
            const auto expected = std::polar (1.0, -omega * (n0 + delay));
            EXPECT_LT (std::abs (spectrum - expected), 1e-4) << "delay " << delay << ", " << cyclesPerSample;
            worstOfAll = std::max (worstOfAll, std::abs (spectrum - expected));
        }
    }
    std::cout << "[ figures  ] delayed impulse, up to 0.44 of the rate: largest spectral error " << worstOfAll << "\n";
}

TEST (SlotBlend, BothSlotsAreAtFullLevelInTheMiddleAndAloneAtTheEnds)
{
    for (const double percent : { 0.0, 10.0, 25.0, 50.0, 75.0, 90.0, 100.0 })
    {
        const double b = percent / 100.0;
        const auto gains = blendGains (percent, true, true);
        EXPECT_DOUBLE_EQ (gains.a, std::min (1.0, 2.0 - 2.0 * b)) << percent;
        EXPECT_DOUBLE_EQ (gains.b, std::min (1.0, 2.0 * b)) << percent;
    }
    EXPECT_EQ (blendGains (50.0, true, true).a, 1.0);
    EXPECT_EQ (blendGains (50.0, true, true).b, 1.0);
    EXPECT_EQ (blendGains (0.0, true, true).b, 0.0);
    EXPECT_EQ (blendGains (100.0, true, true).a, 0.0);
}

TEST (SlotBlend, ASlotAlonePlaysAtItsOwnLevelWhateverTheBlend)
{
    for (const double percent : { 0.0, 30.0, 100.0 })
    {
        EXPECT_EQ (blendGains (percent, true, false).a, 1.0);
        EXPECT_EQ (blendGains (percent, false, true).b, 1.0);
    }
}

// Constant power: L^2 + R^2 = 2 (0 dB at the centre, +3 dB at a hard pan),
// L = sqrt 2 cos (pi (1 + p) / 4).
TEST (SlotPan, AMonoIrIsPannedAtConstantPowerWithUnityInTheCentre)
{
    EXPECT_EQ (panGains (0.0, 1).left, 1.0);
    EXPECT_EQ (panGains (0.0, 1).right, 1.0);
    for (const double percent : { -100.0, -60.0, -10.0, 25.0, 100.0 })
    {
        const auto gains = panGains (percent, 1);
        EXPECT_NEAR (gains.left * gains.left + gains.right * gains.right, 2.0, 1e-12) << percent;
        EXPECT_NEAR (gains.left, std::sqrt (2.0) * std::cos (pi * (1.0 + percent / 100.0) / 4.0), 1e-12);
    }
    EXPECT_NEAR (panGains (-100.0, 1).left, std::sqrt (2.0), 1e-12);
    EXPECT_NEAR (panGains (-100.0, 1).right, 0.0, 1e-12);
}

TEST (SlotPan, AStereoIrIsBalancedKeepingTheNearSideAtUnity)
{
    EXPECT_EQ (panGains (-40.0, 2).left, 1.0);
    EXPECT_DOUBLE_EQ (panGains (-40.0, 2).right, 0.6);
    EXPECT_DOUBLE_EQ (panGains (70.0, 4).left, 0.3);
    EXPECT_EQ (panGains (70.0, 4).right, 1.0);
    EXPECT_EQ (panGains (100.0, 2).left, 0.0);
}

TEST (SlotPlacement, NeutralSettingsLeaveTheIrUntouchedBitForBit)
{
    const auto ir = clipOf ({ noise (500, 2), noise (500, 3) });
    const auto placed = placeSlot (ir, {}, 1.0, 2);
    EXPECT_EQ (placed.channels, ir.channels);
}

TEST (SlotPlacement, LevelPolarityDelayAndPanActAsTheirClosedForms)
{
    const auto mono = noise (300, 4);
    IrSlotSettings settings;
    settings.levelDb = -6.0;
    settings.invert = true;
    settings.delayMs = 0.25; // 12 samples at 48 kHz: a whole number, an exact shift
    settings.panPercent = 50.0;
    const auto placed = placeSlot (clipOf ({ mono }), settings, 0.8, 2);
    ASSERT_EQ (placed.numChannels(), 2u);
    ASSERT_EQ (placed.numFrames(), 312u);
    const double gain = -0.8 * std::pow (10.0, -6.0 / 20.0);
    const double left = std::sqrt (2.0) * std::cos (pi * 1.5 / 4.0);
    const double right = std::sqrt (2.0) * std::sin (pi * 1.5 / 4.0);
    for (std::size_t n = 0; n < mono.size(); ++n)
    {
        EXPECT_NEAR (placed.channels[0][n + 12], gain * left * mono[n], 1e-12);
        EXPECT_NEAR (placed.channels[1][n + 12], gain * right * mono[n], 1e-12);
    }
}

TEST (SlotPlacement, PanDoesNothingOnAMonoOutput)
{
    const auto ir = clipOf ({ noise (100, 5) });
    IrSlotSettings settings;
    settings.panPercent = -70.0;
    EXPECT_EQ (placeSlot (ir, settings, 1.0, 1).channels, ir.channels);
}

// Mono (on every channel) and stereo (per channel) on stereo audio: the
// mono IR goes on both of the stereo IR's channels.
TEST (SlotSum, MonoAndStereoMeetAsStereo)
{
    const auto mono = noise (50, 6);
    const auto left = noise (80, 7);
    const auto right = noise (80, 8);
    const auto sum = sumSlots (clipOf ({ mono }), clipOf ({ left, right }), { 2, 2, IrChannelMeaning::byCount });
    ASSERT_EQ (sum.numChannels(), 2u);
    ASSERT_EQ (sum.numFrames(), 80u);
    for (std::size_t n = 0; n < 80; ++n)
    {
        const double m = n < 50 ? mono[n] : 0.0;
        EXPECT_EQ (sum.channels[0][n], m + left[n]);
        EXPECT_EQ (sum.channels[1][n], m + right[n]);
    }
}

// Stereo per channel and true stereo (LL, LR, RL, RR): the stereo IR has
// no cross paths, so it becomes L, 0, 0, R.
TEST (SlotSum, StereoAndTrueStereoMeetAsTrueStereo)
{
    const auto left = noise (40, 9);
    const auto right = noise (40, 10);
    std::vector<std::vector<double>> trueStereo { noise (40, 11), noise (40, 12), noise (40, 13), noise (40, 14) };
    const auto sum = sumSlots (clipOf ({ left, right }), clipOf (trueStereo), { 2, 2, IrChannelMeaning::byCount });
    ASSERT_EQ (sum.numChannels(), 4u);
    for (std::size_t n = 0; n < 40; ++n)
    {
        EXPECT_EQ (sum.channels[0][n], left[n] + trueStereo[0][n]);
        EXPECT_EQ (sum.channels[1][n], trueStereo[1][n]);
        EXPECT_EQ (sum.channels[2][n], trueStereo[2][n]);
        EXPECT_EQ (sum.channels[3][n], right[n] + trueStereo[3][n]);
    }
}

TEST (SlotSum, MonoAndTrueStereoMeetAsTrueStereoWithTheMonoIrOnTheDiagonal)
{
    const auto mono = noise (30, 15);
    std::vector<std::vector<double>> trueStereo { noise (30, 16), noise (30, 17), noise (30, 18), noise (30, 19) };
    const auto sum = sumSlots (clipOf (trueStereo), clipOf ({ mono }), { 2, 2, IrChannelMeaning::byCount });
    ASSERT_EQ (sum.numChannels(), 4u);
    for (std::size_t n = 0; n < 30; ++n)
    {
        EXPECT_EQ (sum.channels[0][n], trueStereo[0][n] + mono[n]);
        EXPECT_EQ (sum.channels[1][n], trueStereo[1][n]);
        EXPECT_EQ (sum.channels[2][n], trueStereo[2][n]);
        EXPECT_EQ (sum.channels[3][n], trueStereo[3][n] + mono[n]);
    }
}

TEST (SlotSum, SlotsThatCannotShareAWiringAreRefusedNamingBothCounts)
{
    std::vector<std::vector<double>> four { noise (10, 20), noise (10, 21), noise (10, 22), noise (10, 23) };
    try
    {
        (void)sumSlots (clipOf ({ noise (10, 24), noise (10, 25) }), clipOf (four),
                        { 1, 2, IrChannelMeaning::byCount });
        FAIL() << "a 4-channel IR cannot be routed from a mono input to stereo";
    }
    catch (const std::invalid_argument& error)
    {
        EXPECT_NE (std::string (error.what()).find ("2-channel and a 4-channel"), std::string::npos) << error.what();
    }
}
} // namespace
} // namespace partita
