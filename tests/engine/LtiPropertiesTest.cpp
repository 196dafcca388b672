// SPDX-License-Identifier: GPL-3.0-or-later
// The properties of a linear time-invariant system (PRODUCT.md, "The model
// behind it"), each demonstrated on real computations by the engine: the
// streaming engine where a property is about signals in time, the
// whole-signal convolve() where it is about the algebra of convolution.
#include "ReferenceConvolution.h"
#include "StreamingHarness.h"
#include "TestSignals.h"
#include "engine/ConvolutionEngine.h"
#include "engine/KernelMatrix.h"
#include "engine/WholeSignalConvolution.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace partita
{
namespace
{
    using test::decayingNoise;
    using test::whiteNoise;

    // Single-precision FFT convolution of these lengths lands near -130 dB re peak;
    // the properties must hold far inside that.
    constexpr double singlePrecisionBoundDb = -110.0;

    std::vector<double> asDouble (const std::vector<float>& signal) { return { signal.begin(), signal.end() }; }

    std::vector<float> added (const std::vector<float>& a, const std::vector<float>& b)
    {
        std::vector<float> sum (std::max (a.size(), b.size()), 0.0f);
        for (std::size_t n = 0; n < a.size(); ++n)
            sum[n] += a[n];
        for (std::size_t n = 0; n < b.size(); ++n)
            sum[n] += b[n];
        return sum;
    }

    std::vector<float> scaled (const std::vector<float>& a, float factor)
    {
        auto result = a;
        for (auto& v : result)
            v *= factor;
        return result;
    }

    std::vector<float> delayed (const std::vector<float>& a, std::size_t delay)
    {
        std::vector<float> result (delay, 0.0f);
        result.insert (result.end(), a.begin(), a.end());
        return result;
    }

    double errorDb (const std::vector<float>& result, const std::vector<float>& expected)
    {
        return test::maxErrorDb<float> (result, asDouble (expected));
    }

    const EngineConfig streamingConfig { 64, LatencyMode::zero };

    std::vector<float> fullConvolve (const std::vector<float>& a, const std::vector<float>& b,
                                     ConvolutionMethod method = ConvolutionMethod::fft)
    {
        return convolve<float> (a, b, ConvolutionMode::full, method);
    }
} // namespace

TEST (LtiProperties, AnImpulseInGivesTheImpulseResponseOut)
{
    const auto h = decayingNoise (1000, 1);
    const auto y = test::streamConvolve (test::impulse (1, 0), h, streamingConfig, 11);
    ASSERT_EQ (y.size(), h.size());
    EXPECT_LT (errorDb (y, h), singlePrecisionBoundDb);
    // The direct head runs as an FIR: exact to the last bit. Its length is
    // the planner's choice (16 to 512 taps, from the cost model measured on
    // this machine), not the configured partition: under a sanitizer, or on
    // another machine, it can be shorter than 64.
    KernelMatrix kernels (1, 1);
    kernels.setKernel (0, 0, h);
    ConvolutionEngine engine;
    engine.prepare (kernels, streamingConfig);
    const auto head = std::min (engine.plan()->headLength, h.size());
    EXPECT_GE (head, 16u);
    for (std::size_t n = 0; n < head; ++n)
        EXPECT_EQ (y[n], h[n]) << "at sample " << n << " of the " << head << "-tap direct head";
}

TEST (LtiProperties, ADelayedImpulseGivesADelayedImpulseResponse)
{
    const auto h = decayingNoise (700, 2);
    constexpr std::size_t delay = 333;
    const auto y = test::streamConvolve (test::impulse (delay + 1, delay), h, streamingConfig, 12);
    ASSERT_EQ (y.size(), delay + h.size());
    for (std::size_t n = 0; n < delay; ++n)
        ASSERT_EQ (y[n], 0.0f) << "output before the impulse arrived, at " << n;
    EXPECT_LT (errorDb (y, delayed (h, delay)), singlePrecisionBoundDb);
}

TEST (LtiProperties, SuperpositionTheResponseToASumIsTheSumOfTheResponses)
{
    const auto h = decayingNoise (2000, 3);
    const auto a = whiteNoise (5000, 4);
    const auto b = whiteNoise (5000, 5);
    const auto ofSum = test::streamConvolve (added (a, b), h, streamingConfig, 13);
    const auto sumOf = added (test::streamConvolve (a, h, streamingConfig, 14),
                              test::streamConvolve (b, h, streamingConfig, 15));
    EXPECT_LT (errorDb (ofSum, sumOf), singlePrecisionBoundDb);
}

TEST (LtiProperties, ScalingTheInputScalesTheOutput)
{
    const auto h = decayingNoise (2000, 6);
    const auto x = whiteNoise (5000, 7);
    constexpr float factor = -3.25f;
    const auto ofScaled = test::streamConvolve (scaled (x, factor), h, streamingConfig, 16);
    const auto scaledOutput = scaled (test::streamConvolve (x, h, streamingConfig, 17), factor);
    EXPECT_LT (errorDb (ofScaled, scaledOutput), singlePrecisionBoundDb);
}

TEST (LtiProperties, TimeInvarianceAShiftedInputGivesAShiftedOutput)
{
    const auto h = decayingNoise (3000, 8);
    const auto x = whiteNoise (4000, 9);
    for (const std::size_t shift : { 1u, 63u, 64u, 1000u })
    {
        const auto ofShifted = test::streamConvolve (delayed (x, shift), h, streamingConfig, 18);
        const auto shiftedOutput = delayed (test::streamConvolve (x, h, streamingConfig, 19), shift);
        EXPECT_LT (errorDb (ofShifted, shiftedOutput), singlePrecisionBoundDb) << "shift " << shift;
    }
}

TEST (LtiProperties, ConvolutionIsCommutative)
{
    const auto a = whiteNoise (3000, 10);
    const auto b = decayingNoise (700, 11);
    for (const auto method : { ConvolutionMethod::direct, ConvolutionMethod::fft })
        EXPECT_LT (errorDb (fullConvolve (a, b, method), fullConvolve (b, a, method)), singlePrecisionBoundDb);
    EXPECT_LT (errorDb (test::streamConvolve (a, b, streamingConfig, 20),
                        test::streamConvolve (b, a, streamingConfig, 21)),
               singlePrecisionBoundDb);
}

TEST (LtiProperties, ConvolutionIsAssociative)
{
    const auto a = whiteNoise (1500, 12);
    const auto b = decayingNoise (300, 13);
    const auto c = decayingNoise (500, 14);
    EXPECT_LT (errorDb (fullConvolve (fullConvolve (a, b), c), fullConvolve (a, fullConvolve (b, c))),
               singlePrecisionBoundDb);
}

TEST (LtiProperties, ConvolutionDistributesOverAddition)
{
    const auto a = whiteNoise (2500, 15);
    const auto b = decayingNoise (400, 16);
    const auto c = decayingNoise (400, 17);
    EXPECT_LT (errorDb (fullConvolve (a, added (b, c)), added (fullConvolve (a, b), fullConvolve (a, c))),
               singlePrecisionBoundDb);
}

TEST (LtiProperties, AFullConvolutionOfLengthsNAndMHasNPlusMMinusOneSamples)
{
    for (const auto& [n, m] : { std::pair<std::size_t, std::size_t> { 1, 1 }, { 1, 7 }, { 7, 1 }, { 100, 37 },
                                { 37, 100 }, { 4096, 4096 } })
    {
        const auto a = whiteNoise (n, 18);
        const auto b = whiteNoise (m, 19);
        for (const auto method : { ConvolutionMethod::direct, ConvolutionMethod::fft, ConvolutionMethod::automatic })
            EXPECT_EQ (fullConvolve (a, b, method).size(), n + m - 1) << n << " x " << m;
        EXPECT_EQ (test::streamConvolve (a, b, streamingConfig, 22).size(), n + m - 1);
    }
}

TEST (LtiProperties, TwoFairDiceSumToTheTriangularDistribution)
{
    // The probability of each face value 0..6 of one die; the distribution of the
    // sum of two dice is the convolution, indexed by the sum 0..12.
    const std::vector<double> die { 0.0, 1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6 };
    for (const auto method : { ConvolutionMethod::direct, ConvolutionMethod::fft })
    {
        const auto sum = convolve<double> (die, die, ConvolutionMode::full, method);
        ASSERT_EQ (sum.size(), 13u);
        EXPECT_NEAR (sum[0], 0.0, 1e-15);
        EXPECT_NEAR (sum[1], 0.0, 1e-15);
        for (int total = 2; total <= 12; ++total)
        {
            const int ways = 6 - std::abs (total - 7);
            EXPECT_NEAR (sum[static_cast<std::size_t> (total)], ways / 36.0, 1e-15) << "sum " << total;
        }
    }
}

TEST (LtiProperties, ConvolutionFlipsTheKernelAndCorrelationDoesNot)
{
    const std::vector<double> x { 1.0, 2.0, 3.0 };
    const std::vector<double> h { 0.0, 1.0, 0.5 };
    // By hand: convolution y[n] = sum_k x[k] h[n-k]; correlation c[n] = sum_k x[k+n-2] h[k].
    const std::vector<double> expectedConvolution { 0.0, 1.0, 2.5, 4.0, 1.5 };
    const std::vector<double> expectedCorrelation { 0.5, 2.0, 3.5, 3.0, 0.0 };

    const auto convolution = convolve<double> (x, h);
    const auto correlation = correlate<double> (x, h);
    ASSERT_EQ (convolution.size(), expectedConvolution.size());
    ASSERT_EQ (correlation.size(), expectedCorrelation.size());
    for (std::size_t n = 0; n < convolution.size(); ++n)
    {
        EXPECT_NEAR (convolution[n], expectedConvolution[n], 1e-12) << n;
        EXPECT_NEAR (correlation[n], expectedCorrelation[n], 1e-12) << n;
    }

    // A matched filter: correlating a signal with itself peaks at zero lag, the
    // centre of the full result; convolving it with itself does not.
    const auto chirp = whiteNoise (257, 23);
    const auto autoCorrelation = correlate<float> (chirp, chirp, ConvolutionMode::full, ConvolutionMethod::fft);
    const auto peak = std::max_element (autoCorrelation.begin(), autoCorrelation.end(),
                                        [] (float a, float b) { return std::abs (a) < std::abs (b); });
    EXPECT_EQ (peak - autoCorrelation.begin(), 256);
}

} // namespace partita
