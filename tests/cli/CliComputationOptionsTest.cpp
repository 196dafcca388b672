// SPDX-License-Identifier: GPL-3.0-or-later
// The options that choose how the whole-signal engine computes (--method)
// and what part of its result is kept (--mode), checked end to end through
// the built binary: each must reach the engine, not merely parse.
#include "CliRunner.h"
#include "ReferenceConvolution.h"
#include "TemporaryDirectory.h"
#include "TestSignals.h"
#include "io/AudioFileReader.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <iostream>
#include <random>
#include <string>
#include <vector>

namespace partita
{
namespace
{
/** Values k / 64 with k a whole number from -8 to 8: exact in float, and so
    are all their products (multiples of 1/4096) and the sums of a few
    thousand of them. */
std::vector<float> smallDyadicValues (std::size_t length, std::uint32_t seed)
{
    std::mt19937 generator (seed);
    std::uniform_int_distribution<int> numerator (-8, 8);
    std::vector<float> values (length);
    for (auto& value : values)
        value = static_cast<float> (numerator (generator)) / 64.0f;
    return values;
}

/** How many samples are not a whole multiple of 1/4096. */
std::size_t samplesOffTheGrid (const std::vector<double>& samples)
{
    std::size_t count = 0;
    for (const auto sample : samples)
        if (const auto scaled = sample * 4096.0; scaled != std::round (scaled))
            ++count;
    return count;
}

class CliComputationOptions : public ::testing::Test
{
protected:
    std::string at (const std::string& name) const { return (directory / name).string(); }

    void writeClip (const std::string& name, const std::vector<float>& samples)
    {
        test::writeFloatWav (directory / name, test::makeClip ({ samples }, 48000.0));
    }

    std::vector<double> run (std::vector<std::string> arguments, const std::string& output)
    {
        arguments.insert (arguments.end(), { "-o", at (output), "-q" });
        const auto result = test::runPartita (arguments);
        EXPECT_EQ (result.exitStatus, 0) << result.err;
        return readAudioFile (directory / output).channels.at (0);
    }

    test::TemporaryDirectory directory;
};
} // namespace

// The direct method sums in double: on inputs whose products and sums are all
// exact (small multiples of 1/64), every output sample is exact, a multiple of
// 1/4096. Single-precision FFT rounds in its transforms, so most samples miss
// that grid by a few float ulps. Were --method ignored, both runs would use
// the same method and one of the two expectations would fail.
TEST_F (CliComputationOptions, RenderMethodDirectIsExactWhereFftRounds)
{
    const auto signal = smallDyadicValues (3000, 1);
    const auto kernel = smallDyadicValues (200, 2);
    writeClip ("in.wav", signal);
    writeClip ("ir.wav", kernel);
    const std::vector<std::string> render { "render", at ("in.wav"), "--ir", at ("ir.wav") };

    auto direct = render;
    direct.insert (direct.end(), { "--method", "direct" });
    auto fft = render;
    fft.insert (fft.end(), { "--method", "fft" });
    const auto directOutput = run (direct, "direct.wav");
    const auto fftOutput = run (fft, "fft.wav");
    ASSERT_EQ (directOutput.size(), 3199u);
    ASSERT_EQ (fftOutput.size(), 3199u);

    const auto directOff = samplesOffTheGrid (directOutput);
    const auto fftOff = samplesOffTheGrid (fftOutput);
    std::cout << "render, samples off the 1/4096 grid of 3199: direct " << directOff << ", fft " << fftOff << "\n";
    EXPECT_EQ (directOff, 0u);
    EXPECT_GT (fftOff, 3199u / 4);

    // Both are the convolution, whichever way computed.
    const auto reference = test::referenceConvolution<float> (signal, kernel);
    EXPECT_LT (test::maxErrorDb<double> (directOutput, reference), -140.0);
    EXPECT_LT (test::maxErrorDb<double> (fftOutput, reference), -110.0);
}

TEST_F (CliComputationOptions, CorrelateMethodDirectIsExactWhereFftRounds)
{
    writeClip ("a.wav", smallDyadicValues (3000, 3));
    writeClip ("b.wav", smallDyadicValues (200, 4));
    const std::vector<std::string> correlate { "correlate", at ("a.wav"), at ("b.wav") };

    auto direct = correlate;
    direct.insert (direct.end(), { "--method", "direct" });
    auto fft = correlate;
    fft.insert (fft.end(), { "--method", "fft" });
    const auto directOff = samplesOffTheGrid (run (direct, "direct.wav"));
    const auto fftOff = samplesOffTheGrid (run (fft, "fft.wav"));
    std::cout << "correlate, samples off the 1/4096 grid of 3199: direct " << directOff << ", fft " << fftOff << "\n";
    EXPECT_EQ (directOff, 0u);
    EXPECT_GT (fftOff, 3199u / 4);
}

// numpy.convolve([1,2,3,4,6,8], [0.1,0.4,0.5,0.2]), worked by hand: full is
// [0.1, 0.6, 1.6, 2.8, 4.1, 5.8, 7.0, 5.2, 1.6]; same keeps 6 samples from
// index (4 - 1) / 2 = 1 (rounded down); valid keeps indices 3 to 5.
TEST_F (CliComputationOptions, SameAndValidModesWithAnEvenKernelKeepNumpysSamples)
{
    writeClip ("in.wav", { 1.0f, 2.0f, 3.0f, 4.0f, 6.0f, 8.0f });
    writeClip ("ir.wav", { 0.1f, 0.4f, 0.5f, 0.2f });
    const struct
    {
        const char* mode;
        std::vector<double> expected;
    } cases[] = {
        { "full", { 0.1, 0.6, 1.6, 2.8, 4.1, 5.8, 7.0, 5.2, 1.6 } },
        { "same", { 0.6, 1.6, 2.8, 4.1, 5.8, 7.0 } },
        { "valid", { 2.8, 4.1, 5.8 } },
    };
    for (const auto& expectation : cases)
        for (const auto* method : { "direct", "fft" })
        {
            const auto name = std::string (expectation.mode) + "_" + method + ".wav";
            const auto output =
                run ({ "render", at ("in.wav"), "--ir", at ("ir.wav"), "--mode", expectation.mode, "--method", method },
                     name);
            ASSERT_EQ (output.size(), expectation.expected.size()) << name;
            for (std::size_t n = 0; n < output.size(); ++n)
                EXPECT_NEAR (output[n], expectation.expected[n], 1e-6) << name << " sample " << n;
        }
}

TEST_F (CliComputationOptions, SameAndValidModesWithALongEvenKernelMatchTheBruteForceReference)
{
    // M = 900: same starts at full index (900 - 1) / 2 = 449, valid at 899.
    const auto x = test::whiteNoise (4000, 122);
    const auto h = test::decayingNoise (900, 123);
    writeClip ("in.wav", x);
    writeClip ("ir.wav", h);
    const auto full = test::referenceConvolution<float> (x, h);

    const struct
    {
        const char* mode;
        std::size_t offset;
        std::size_t length;
    } cases[] = { { "same", 449, 4000 }, { "valid", 899, 3101 } };
    for (const auto& expectation : cases)
    {
        const auto output = run ({ "render", at ("in.wav"), "--ir", at ("ir.wav"), "--mode", expectation.mode },
                                 std::string (expectation.mode) + ".wav");
        ASSERT_EQ (output.size(), expectation.length) << expectation.mode;
        const std::vector<double> expected (
            full.begin() + static_cast<std::ptrdiff_t> (expectation.offset),
            full.begin() + static_cast<std::ptrdiff_t> (expectation.offset + expectation.length));
        EXPECT_LT (test::maxErrorDb<double> (output, expected), -110.0) << expectation.mode;
    }
}

} // namespace partita
