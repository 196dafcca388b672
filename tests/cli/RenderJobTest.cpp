// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/RenderJob.h"

#include "ReferenceConvolution.h"
#include "TestSignals.h"
#include "engine/WholeSignalConvolution.h"

#include <gtest/gtest.h>

#include <cmath>
#include <iostream>
#include <mutex>
#include <stdexcept>
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

AudioClip clipOf (const std::vector<std::vector<float>>& channels, double rate = 48000.0)
{
    AudioClip clip;
    clip.sampleRate = rate;
    for (const auto& channel : channels)
        clip.channels.emplace_back (channel.begin(), channel.end());
    return clip;
}

std::vector<double> referenceOf (const std::vector<double>& x, const std::vector<double>& h)
{
    return test::referenceConvolution<double> (x, h);
}

std::vector<double> plus (std::vector<double> a, const std::vector<double>& b)
{
    for (std::size_t n = 0; n < a.size(); ++n)
        a[n] += b[n];
    return a;
}

std::vector<double> slice (const std::vector<double>& signal, std::size_t offset, std::size_t length)
{
    return { signal.begin() + static_cast<std::ptrdiff_t> (offset),
             signal.begin() + static_cast<std::ptrdiff_t> (offset + length) };
}
} // namespace

TEST (RenderJob, AWetOnlyRenderIsExactlyTheEnginesSinglePrecisionConvolution)
{
    const auto x0 = test::whiteNoise (3000, 1);
    const auto x1 = test::whiteNoise (3000, 2);
    const auto h = test::decayingNoise (700, 3);

    const auto output = RenderJob (RenderOptions {}, 2).render (clipOf ({ x0, x1 }), clipOf ({ h }));

    ASSERT_EQ (output.numChannels(), 2u);
    const auto expected0 = convolve<float> (x0, h, ConvolutionMode::full, ConvolutionMethod::automatic);
    const auto expected1 = convolve<float> (x1, h, ConvolutionMode::full, ConvolutionMethod::automatic);
    ASSERT_EQ (output.numFrames(), 3000u + 700u - 1u);
    for (std::size_t n = 0; n < expected0.size(); ++n)
    {
        ASSERT_EQ (output.channels[0][n], static_cast<double> (expected0[n])) << n;
        ASSERT_EQ (output.channels[1][n], static_cast<double> (expected1[n])) << n;
    }
    EXPECT_EQ (output.sampleRate, 48000.0);
}

TEST (RenderJob, SinglePrecisionStaysWithin110DbOfTheDoubleReference)
{
    const auto x = test::whiteNoise (5000, 4);
    const auto h = test::decayingNoise (1200, 5);
    for (const auto method : { ConvolutionMethod::automatic, ConvolutionMethod::direct, ConvolutionMethod::fft })
    {
        RenderOptions options;
        options.method = method;
        const auto output = RenderJob (options).render (clipOf ({ x }), clipOf ({ h }));
        const auto error =
            test::maxErrorDb<double> (output.channels[0], referenceOf (test::toDouble (x), test::toDouble (h)));
        EXPECT_LT (error, -110.0) << "method " << static_cast<int> (method);
    }
}

TEST (RenderJob, DoublePrecisionStaysWithin200DbOfTheDoubleReference)
{
    const auto x = test::toDouble (test::whiteNoise (5000, 6));
    const auto h = test::toDouble (test::decayingNoise (1200, 7));
    RenderOptions options;
    options.precision = Precision::float64;

    AudioClip input { 48000.0, { x } };
    AudioClip ir { 48000.0, { h } };
    const auto output = RenderJob (options).render (input, ir);
    const auto error = test::maxErrorDb<double> (output.channels[0], referenceOf (x, h));
    std::cout << "double-precision render error: " << error << " dB\n";
    EXPECT_LT (error, -200.0);
}

TEST (RenderJob, AnEvenMixOfADelayedImpulseAddsHalfTheDelayedAndHalfTheDryInput)
{
    const auto x = test::whiteNoise (400, 8);
    RenderOptions options;
    options.mix = 0.5;
    const auto output = RenderJob (options).render (clipOf ({ x }), clipOf ({ { 0.0f, 0.0f, 1.0f } }));

    ASSERT_EQ (output.numFrames(), 402u);
    for (std::size_t n = 0; n < 402; ++n)
    {
        const double dry = sampleAt (x, n);
        const double wet = n >= 2 ? sampleAt (x, n - 2) : 0.0;
        ASSERT_NEAR (output.channels[0][n], 0.5 * wet + 0.5 * dry, 1e-7) << n;
    }
}

TEST (RenderJob, AppliesWetDryAndOutputGainsInDecibels)
{
    const auto x = test::whiteNoise (300, 9);
    RenderOptions options;
    options.mix = 0.25;
    options.wetGainDb = 20.0;       // x10
    options.dryGainDb = -20.0;      // x0.1
    options.outputGainDb = -6.0206; // x0.5
    const auto output = RenderJob (options).render (clipOf ({ x }), clipOf ({ { 0.0f, 1.0f } }));

    ASSERT_EQ (output.numFrames(), 301u);
    for (std::size_t n = 0; n < 301; ++n)
    {
        const double dry = sampleAt (x, n);
        const double wet = n >= 1 ? sampleAt (x, n - 1) : 0.0;
        ASSERT_NEAR (output.channels[0][n], 0.5 * (0.25 * 10.0 * wet + 0.75 * 0.1 * dry), 1e-5) << n;
    }
}

TEST (RenderJob, AZeroMixGivesTheDrySignalPaddedToTheFullLength)
{
    const auto x = test::whiteNoise (100, 10);
    RenderOptions options;
    options.mix = 0.0;
    const auto output = RenderJob (options).render (clipOf ({ x }), clipOf ({ test::decayingNoise (50, 11) }));
    ASSERT_EQ (output.numFrames(), 149u);
    for (std::size_t n = 0; n < 149; ++n)
        ASSERT_EQ (output.channels[0][n], sampleAt (x, n)) << n;
}

TEST (RenderJob, KeepsDryAndWetAlignedInSameAndValidModes)
{
    const auto x = test::whiteNoise (1000, 12);
    const auto h = test::decayingNoise (301, 13);
    const auto wetFull = referenceOf (test::toDouble (x), test::toDouble (h));
    std::vector<double> dryFull (wetFull.size(), 0.0);
    std::copy (x.begin(), x.end(), dryFull.begin());

    const struct
    {
        ConvolutionMode mode;
        std::size_t offset;
        std::size_t length;
    } cases[] = { { ConvolutionMode::full, 0, 1300 },
                  { ConvolutionMode::same, 150, 1000 },
                  { ConvolutionMode::valid, 300, 700 } };

    for (const auto& expectation : cases)
    {
        RenderOptions options;
        options.mode = expectation.mode;
        options.mix = 0.3;
        const auto output = RenderJob (options).render (clipOf ({ x }), clipOf ({ h }));
        ASSERT_EQ (output.numFrames(), expectation.length) << "mode " << static_cast<int> (expectation.mode);

        std::vector<double> expected (expectation.length);
        for (std::size_t n = 0; n < expectation.length; ++n)
            expected[n] = 0.3 * wetFull[expectation.offset + n] + 0.7 * dryFull[expectation.offset + n];
        EXPECT_LT (test::maxErrorDb<double> (output.channels[0], expected), -110.0) << "mode " << static_cast<int> (expectation.mode);
    }
}

TEST (RenderJob, ValidModeWithAKernelLongerThanTheSignalSwapsTheRoles)
{
    const auto x = test::whiteNoise (100, 14);
    const auto h = test::decayingNoise (250, 15);
    RenderOptions options;
    options.mode = ConvolutionMode::valid;
    const auto output = RenderJob (options).render (clipOf ({ x }), clipOf ({ h }));
    ASSERT_EQ (output.numFrames(), 151u);
    const auto full = referenceOf (test::toDouble (x), test::toDouble (h));
    EXPECT_LT (test::maxErrorDb<double> (output.channels[0], slice (full, 99, 151)), -110.0);
}

TEST (RenderJob, TrueStereoSumsTheFourPathsIntoEachOutput)
{
    const auto left = test::whiteNoise (2000, 16);
    const auto right = test::whiteNoise (2000, 17);
    std::vector<std::vector<float>> ir;
    for (std::uint32_t c = 0; c < 4; ++c)
        ir.push_back (test::decayingNoise (400, 20 + c));

    const auto output = RenderJob (RenderOptions {}, 4).render (clipOf ({ left, right }), clipOf (ir));
    ASSERT_EQ (output.numChannels(), 2u);

    const auto l = test::toDouble (left);
    const auto r = test::toDouble (right);
    const auto expectedLeft = plus (referenceOf (l, test::toDouble (ir[0])), referenceOf (r, test::toDouble (ir[2])));
    const auto expectedRight = plus (referenceOf (l, test::toDouble (ir[1])), referenceOf (r, test::toDouble (ir[3])));
    EXPECT_LT (test::maxErrorDb<double> (output.channels[0], expectedLeft), -110.0);
    EXPECT_LT (test::maxErrorDb<double> (output.channels[1], expectedRight), -110.0);
}

TEST (RenderJob, AMonoInputThroughAStereoIrMixesTheDryIntoBothOutputs)
{
    const auto x = test::whiteNoise (200, 30);
    RenderOptions options;
    options.mix = 0.5;
    const auto output = RenderJob (options).render (clipOf ({ x }), clipOf ({ { 1.0f }, { -1.0f } }));
    ASSERT_EQ (output.numChannels(), 2u);
    for (std::size_t n = 0; n < 200; ++n)
    {
        ASSERT_NEAR (output.channels[0][n], static_cast<double> (x[n]), 1e-7);
        ASSERT_NEAR (output.channels[1][n], 0.0, 1e-7);
    }
}

TEST (RenderJob, RefusesADryMixThatCannotBeRouted)
{
    RenderOptions options;
    options.mix = 0.5;
    std::vector<std::vector<float>> ir (6, std::vector<float> { 1.0f });
    EXPECT_THROW ((void)RenderJob (options).render (clipOf ({ { 1.0f }, { 1.0f } }), clipOf (ir)),
                  std::invalid_argument);
}

TEST (RenderJob, RefusesAnIrThatCannotBeRouted)
{
    std::vector<std::vector<float>> ir (3, std::vector<float> { 1.0f });
    EXPECT_THROW ((void)RenderJob (RenderOptions {}).render (clipOf ({ { 1.0f }, { 1.0f } }), clipOf (ir)),
                  std::invalid_argument);
}

TEST (RenderJob, RefusesAnIrAtAnotherRateAndEmptyClips)
{
    EXPECT_THROW (
        (void)RenderJob (RenderOptions {}).render (clipOf ({ { 1.0f } }, 48000.0), clipOf ({ { 1.0f } }, 44100.0)),
        std::invalid_argument);
    EXPECT_THROW ((void)RenderJob (RenderOptions {}).render (clipOf ({ {} }), clipOf ({ { 1.0f } })),
                  std::invalid_argument);
    EXPECT_THROW ((void)RenderJob (RenderOptions {}).render (clipOf ({ { 1.0f } }), clipOf ({ {} })),
                  std::invalid_argument);
}

TEST (RenderJob, HonoursARequestedOutputCount)
{
    RenderOptions options;
    options.outputChannels = 2;
    const auto output = RenderJob (options).render (clipOf ({ { 1.0f, 2.0f } }), clipOf ({ { 1.0f, 0.5f } }));
    ASSERT_EQ (output.numChannels(), 2u);
    EXPECT_EQ (output.channels[0], output.channels[1]);
    EXPECT_EQ (output.channels[0], (std::vector<double> { 1.0, 2.5, 1.0 }));
}

TEST (RenderJob, ReportsProgressThatRisesToOne)
{
    std::mutex lock;
    std::vector<double> reports;
    const auto output = RenderJob (RenderOptions {}, 2)
                            .render (clipOf ({ test::whiteNoise (20000, 40), test::whiteNoise (20000, 41) }),
                                     clipOf ({ test::decayingNoise (2000, 42) }),
                                     [&] (double fraction)
                                     {
                                         const std::scoped_lock guard (lock);
                                         reports.push_back (fraction);
                                     });
    ASSERT_FALSE (reports.empty());
    EXPECT_DOUBLE_EQ (reports.back(), 1.0);
    for (std::size_t i = 1; i < reports.size(); ++i)
        EXPECT_GE (reports[i], reports[i - 1]);
}

} // namespace partita
