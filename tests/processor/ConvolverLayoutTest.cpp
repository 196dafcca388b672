// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcessorTestHelpers.h"
#include "processor/ConvolverProcessor.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace partita
{
namespace
{
constexpr double rate = 48000.0;
constexpr double sourceAzimuth = 60.0; // degrees, to the left of the front

/** An AmbiX (ACN W Y Z X, SN3D) B-format IR: a dirac of gain 0.5 at frame 0
    arriving from sourceAzimuth in the horizontal plane, encoded by hand. */
AudioClip ambixPlaneWave()
{
    const double az = sourceAzimuth * std::numbers::pi / 180.0;
    const double gain = 0.5;
    AudioClip clip;
    clip.sampleRate = rate;
    clip.channels = { { gain }, { gain * std::sin (az) }, { 0.0 }, { gain * std::cos (az) } };
    return clip;
}

/** The closed form: a virtual microphone of omni share p at micAzimuth
    hears the wave at 0.5 (p + (1 - p) cos (az - micAzimuth)). */
double micGain (double omniShare, double micAzimuthDegrees)
{
    return 0.5
           * (omniShare
              + (1.0 - omniShare) * std::cos ((sourceAzimuth - micAzimuthDegrees) * std::numbers::pi / 180.0));
}

ProcessorParameters withLayout (IrLayout layout, float patternPercent = 50.0f, float angleDegrees = 90.0f)
{
    auto parameters = test::neutralParameters();
    parameters.irLayout = layout;
    parameters.micPatternPercent = patternPercent;
    parameters.micAngleDegrees = angleDegrees;
    return parameters;
}
} // namespace

TEST (ConvolverLayout, AnAmbiXIrIsHeardThroughTheVirtualMicrophonePair)
{
    for (const auto& [pattern, angle] : { std::pair { 50.0f, 90.0f }, std::pair { 0.0f, 90.0f },
                                          std::pair { 100.0f, 90.0f }, std::pair { 75.0f, 120.0f } })
    {
        ConvolverProcessor processor (RebuildMode::synchronous);
        processor.setParameters (withLayout (IrLayout::bFormatAmbiX, pattern, angle));
        ASSERT_NE (processor.loadImpulseResponse (ambixPlaneWave(), "hall.wav"), LoadOutcome::failed);
        processor.prepare (rate, 512, 1, 2); // mono in, the pair out

        const auto x = test::sine (4800, 440.0, rate, 0.5);
        const auto y = test::renderThroughProcessor (processor, { x }, 2, x.size(), 5);
        const double p = 1.0 - static_cast<double> (pattern) / 100.0;
        const double left = micGain (p, static_cast<double> (angle) / 2.0);
        const double right = micGain (p, -static_cast<double> (angle) / 2.0);
        for (std::size_t n = 0; n < x.size(); ++n)
        {
            const auto xn = static_cast<double> (x[n]);
            ASSERT_NEAR (y[0][n], left * xn, 1.0e-6) << "pattern " << pattern << ", sample " << n;
            ASSERT_NEAR (y[1][n], right * xn, 1.0e-6) << "pattern " << pattern << ", sample " << n;
        }
        const auto info = processor.impulseResponseInfo();
        ASSERT_NE (info, nullptr);
        EXPECT_EQ (info->numChannels, 4u);
        EXPECT_EQ (info->shapedChannels.size(), 2u);
        EXPECT_EQ (info->layout, (ResolvedIrLayout { IrLayout::bFormatAmbiX, IrLayoutReason::chosen }));
    }
}

TEST (ConvolverLayout, AutoFollowsTheFilesHintAndOtherwiseKeepsTrueStereo)
{
    const auto x = test::sine (4800, 300.0, rate, 0.5);
    const auto x2 = test::sine (4800, 170.0, rate, 0.25);

    // Auto with the hint a file named *ambix* gives: the pair, as if chosen.
    {
        ConvolverProcessor processor (RebuildMode::synchronous);
        processor.setParameters (withLayout (IrLayout::automatic));
        processor.loadImpulseResponse (ambixPlaneWave(), "hall_ambix.wav", {},
                                       { IrLayout::bFormatAmbiX, IrLayoutReason::name });
        processor.prepare (rate, 512, 1, 2);
        const auto y = test::renderThroughProcessor (processor, { x }, 2, x.size(), 6);
        for (std::size_t n = 0; n < x.size(); ++n)
        {
            ASSERT_NEAR (y[0][n], micGain (0.5, 45.0) * static_cast<double> (x[n]), 1.0e-6) << n;
            ASSERT_NEAR (y[1][n], micGain (0.5, -45.0) * static_cast<double> (x[n]), 1.0e-6) << n;
        }
        EXPECT_EQ (processor.impulseResponseInfo()->layout.reason, IrLayoutReason::name);
    }
    // Auto without a hint: the historic true stereo, LL LR RL RR, and it says it assumed so.
    {
        ConvolverProcessor processor (RebuildMode::synchronous);
        processor.setParameters (withLayout (IrLayout::automatic));
        const auto ir = ambixPlaneWave(); // LL = 0.5, LR = 0.433, RL = 0, RR = 0.25
        processor.loadImpulseResponse (ir, "room.wav");
        processor.prepare (rate, 512, 2, 2);
        const auto y = test::renderThroughProcessor (processor, { x, x2 }, 2, x.size(), 7);
        for (std::size_t n = 0; n < x.size(); ++n)
        {
            const auto l = static_cast<double> (x[n]);
            const auto r = static_cast<double> (x2[n]);
            ASSERT_NEAR (y[0][n], ir.channels[0][0] * l + ir.channels[2][0] * r, 1.0e-6) << n;
            ASSERT_NEAR (y[1][n], ir.channels[1][0] * l + ir.channels[3][0] * r, 1.0e-6) << n;
        }
        EXPECT_EQ (processor.impulseResponseInfo()->layout,
                   (ResolvedIrLayout { IrLayout::trueStereo, IrLayoutReason::assumed }));
    }
}

TEST (ConvolverLayout, IndependentChannelsOnAStereoBusFeedEachOutputItsOwnChannelNeverAMatrix)
{
    // 4 independent channels, 2 outputs: channel 1 for the left, 2 for the
    // right, no cross paths (true stereo would add RL and LR).
    ConvolverProcessor processor (RebuildMode::synchronous);
    processor.setParameters (withLayout (IrLayout::independent));
    const auto ir = ambixPlaneWave(); // 0.5, 0.433, 0, 0.25
    ASSERT_NE (processor.loadImpulseResponse (ir, "four mics.wav"), LoadOutcome::failed);
    processor.prepare (rate, 512, 2, 2);
    const auto x = test::sine (2400, 300.0, rate, 0.5);
    const auto x2 = test::sine (2400, 170.0, rate, 0.25);
    const auto y = test::renderThroughProcessor (processor, { x, x2 }, 2, x.size(), 8);
    for (std::size_t n = 0; n < x.size(); ++n)
    {
        ASSERT_NEAR (y[0][n], ir.channels[0][0] * static_cast<double> (x[n]), 1.0e-6) << n;
        ASSERT_NEAR (y[1][n], ir.channels[1][0] * static_cast<double> (x2[n]), 1.0e-6) << n;
    }
}

TEST (ConvolverLayout, BFormatSetForAStereoIrPlaysItAsStereoAndSaysSo)
{
    // A session set to B-format does not refuse the next stereo IR.
    ConvolverProcessor processor (RebuildMode::synchronous);
    processor.setParameters (withLayout (IrLayout::bFormatAmbiX));
    ASSERT_NE (processor.loadImpulseResponse (test::makeClip ({ { 0.5f }, { -0.25f } }, rate), "plate.wav"),
               LoadOutcome::failed);
    processor.prepare (rate, 512, 2, 2);
    const auto x = test::sine (2400, 300.0, rate, 0.5);
    const auto y = test::renderThroughProcessor (processor, { x, x }, 2, x.size(), 9);
    for (std::size_t n = 0; n < x.size(); ++n)
    {
        ASSERT_NEAR (y[0][n], 0.5 * static_cast<double> (x[n]), 1.0e-6) << n;
        ASSERT_NEAR (y[1][n], -0.25 * static_cast<double> (x[n]), 1.0e-6) << n;
    }
    EXPECT_EQ (describeChannelLayout (*processor.impulseResponseInfo()),
               "stereo (the IR layout B-format AmbiX (W Y Z X) applies to 4-channel IRs only)");
}

TEST (ConvolverLayout, ChangingTheLayoutCrossfadesToTheNewWiringWithoutAStep)
{
    // True stereo -> AmbiX at swapAt: the output goes linearly from the
    // old closed form to the new one over the crossfade, and never steps
    // more than the signals themselves do.
    const std::size_t swapAt = 6000;
    const std::size_t length = 14400;
    const auto fade = static_cast<std::size_t> (std::llround (ConvolverProcessor::crossfadeSeconds * rate));
    const auto x = test::sine (length, 200.0, rate, 0.5);
    const auto ir = ambixPlaneWave();

    const auto render = [&] (bool change)
    {
        ConvolverProcessor processor (RebuildMode::synchronous);
        auto parameters = withLayout (IrLayout::trueStereo);
        processor.setParameters (parameters);
        processor.loadImpulseResponse (ir, "hall.wav");
        processor.prepare (rate, 512, 2, 2);
        return test::renderInSegments (processor, { x, x }, 2, length, 11, { swapAt },
                                       [&] (std::size_t position)
                                       {
                                           if (change && position == swapAt)
                                           {
                                               parameters.irLayout = IrLayout::bFormatAmbiX;
                                               processor.setParameters (parameters);
                                           }
                                       });
    };
    const auto held = render (false);
    const auto changed = render (true);

    // The same input on both channels: true stereo gives (LL + RL) x and
    // (LR + RR) x; the decoded pair, routed as a stereo IR, g_L x and g_R x.
    const double before[] = { ir.channels[0][0] + ir.channels[2][0], ir.channels[1][0] + ir.channels[3][0] };
    const double after[] = { micGain (0.5, 45.0), micGain (0.5, -45.0) };
    for (std::size_t c = 0; c < 2; ++c)
        for (std::size_t n = 0; n < length; ++n)
        {
            double gain = before[c];
            if (n >= swapAt + fade)
                gain = after[c];
            else if (n >= swapAt)
            {
                const double g = static_cast<double> (n - swapAt + 1) / static_cast<double> (fade);
                gain = g * after[c] + (1.0 - g) * before[c];
            }
            ASSERT_NEAR (changed[c][n], gain * static_cast<double> (x[n]), 1.0e-6)
                << "channel " << c << ", sample " << n;
        }

    // The parameter changes what is heard (a layout that did nothing would pass the step test)...
    EXPECT_GT (std::abs (after[1] - before[1]), 0.1);
    // ... and its change makes no step larger than the held signal's own.
    for (std::size_t c = 0; c < 2; ++c)
        EXPECT_LE (test::largestStep (changed[c]), 1.5 * test::largestStep (held[c]) + 1.0e-4) << c;
}

} // namespace partita
