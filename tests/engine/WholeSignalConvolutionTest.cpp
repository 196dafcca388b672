// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/WholeSignalConvolution.h"

#include "ReferenceConvolution.h"
#include "TestSignals.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <stdexcept>
#include <utility>
#include <vector>

namespace partita
{
namespace
{
const std::vector<double> numpySignal { 1, 2, 3, 4, 6, 8 };
const std::vector<double> numpyKernel { 0.1, 0.4, 0.5 };
const std::vector<double> numpyFull { 0.1, 0.6, 1.6, 2.6, 3.7, 5.2, 6.2, 4.0 }; // PRODUCT.md

template <typename Sample>
void expectNear (const std::vector<Sample>& result, const std::vector<double>& expected, double tolerance)
{
    ASSERT_EQ (result.size(), expected.size());
    for (std::size_t n = 0; n < expected.size(); ++n)
        EXPECT_NEAR (static_cast<double> (result[n]), expected[n], tolerance) << "at index " << n;
}

template <typename Sample>
std::vector<Sample> cast (const std::vector<double>& values)
{
    return { values.begin(), values.end() };
}

const ConvolutionMethod allMethods[] = { ConvolutionMethod::automatic, ConvolutionMethod::direct,
                                         ConvolutionMethod::fft };

const char* methodName (ConvolutionMethod method)
{
    return method == ConvolutionMethod::direct ? "direct" : method == ConvolutionMethod::fft ? "fft" : "auto";
}
} // namespace

TEST (WholeSignalConvolution, TheNumpyExampleInFullMode)
{
    for (const auto method : allMethods)
    {
        expectNear (convolve<double> (numpySignal, numpyKernel, ConvolutionMode::full, method), numpyFull, 1e-12);
        expectNear (
            convolve<float> (cast<float> (numpySignal), cast<float> (numpyKernel), ConvolutionMode::full, method),
            numpyFull, 1e-5);
    }
}

TEST (WholeSignalConvolution, TheNumpyExampleInSameModeKeepsTheCentreNSamples)
{
    const std::vector<double> expected { 0.6, 1.6, 2.6, 3.7, 5.2, 6.2 };
    for (const auto method : allMethods)
        expectNear (convolve<double> (numpySignal, numpyKernel, ConvolutionMode::same, method), expected, 1e-12);
}

TEST (WholeSignalConvolution, TheNumpyExampleInValidModeKeepsOnlySamplesWithoutZeroPadding)
{
    const std::vector<double> expected { 1.6, 2.6, 3.7, 5.2 };
    for (const auto method : allMethods)
        expectNear (convolve<double> (numpySignal, numpyKernel, ConvolutionMode::valid, method), expected, 1e-12);
}

TEST (WholeSignalConvolution, SameModeWithAnEvenKernelStartsAtHalfTheKernelRoundedDown)
{
    // full of [1..5] * [1,1,1,1] is [1,3,6,10,14,12,9,5]; numpy and scipy both
    // start "same" at index (4 - 1) / 2 = 1.
    const std::vector<double> signal { 1, 2, 3, 4, 5 };
    const std::vector<double> kernel { 1, 1, 1, 1 };
    expectNear (convolve<double> (signal, kernel, ConvolutionMode::same), { 3, 6, 10, 14, 12 }, 1e-12);
}

TEST (WholeSignalConvolution, AKernelLongerThanTheSignalSwapsRolesInValidModeAndKeepsTheSignalLengthInSameMode)
{
    const std::vector<double> signal { 1, 2 };
    const std::vector<double> kernel { 1, 0, -1, 2, 3 };
    // full: [1, 2, -1, 0, 7, 6]
    for (const auto method : allMethods)
    {
        expectNear (convolve<double> (signal, kernel, ConvolutionMode::full, method), { 1, 2, -1, 0, 7, 6 }, 1e-12);
        // scipy.signal.convolve: valid swaps the inputs, M - N + 1 = 4 samples.
        expectNear (convolve<double> (signal, kernel, ConvolutionMode::valid, method), { 2, -1, 0, 7 }, 1e-12);
        // scipy: same has the first argument's length, centred: offset (5 - 1) / 2 = 2.
        expectNear (convolve<double> (signal, kernel, ConvolutionMode::same, method), { -1, 0 }, 1e-12);
    }
}

TEST (WholeSignalConvolution, EqualLengthsInValidModeGiveOneSample)
{
    expectNear (
        convolve<double> (std::vector<double> { 1, 2, 3 }, std::vector<double> { 4, 5, 6 }, ConvolutionMode::valid),
        { 1 * 6 + 2 * 5 + 3 * 4 }, 1e-12);
}

TEST (WholeSignalConvolution, EmptyInputsAreRejected)
{
    const std::vector<float> empty;
    const std::vector<float> one { 1.0f };
    EXPECT_THROW (convolve<float> (empty, one), std::invalid_argument);
    EXPECT_THROW (convolve<float> (one, empty), std::invalid_argument);
}

TEST (WholeSignalConvolution, DirectAndFftAgreeWithTheDoublePrecisionReferenceInSinglePrecision)
{
    for (const auto& [n, m] : { std::pair<std::size_t, std::size_t> { 1, 1 },
                                { 2, 3 },
                                { 1000, 1 },
                                { 1, 1000 },
                                { 5000, 777 },
                                { 20000, 4096 },
                                { 4096, 20000 } })
    {
        const auto x = test::whiteNoise (n, 31);
        const auto h = test::decayingNoise (m, 32);
        const auto reference = test::referenceConvolution<float> (x, h);
        for (const auto method : allMethods)
        {
            const auto y = convolve<float> (x, h, ConvolutionMode::full, method);
            EXPECT_LT (test::maxErrorDb<float> (y, reference), -120.0) << n << " x " << m << " " << methodName (method);
        }
    }
}

TEST (WholeSignalConvolution, DoublePrecisionReachesMinus200DecibelsOfTheReference)
{
    const auto x = test::toDouble (test::whiteNoise (30000, 41));
    const auto h = test::toDouble (test::decayingNoise (9000, 42));
    const auto reference = test::referenceConvolution<double> (x, h);
    for (const auto method : { ConvolutionMethod::direct, ConvolutionMethod::fft })
    {
        const auto y = convolve<double> (x, h, ConvolutionMode::full, method);
        const double error = test::maxErrorDb<double> (y, reference);
        EXPECT_LT (error, -200.0) << methodName (method);
        std::printf ("[ measured ] double precision, %s: %.1f dB re peak\n", methodName (method), error);
    }
}

TEST (WholeSignalConvolution, AutomaticPicksDirectForShortKernelsAndFftForLongOnes)
{
    EXPECT_EQ (chooseConvolutionMethod (6, 3), ConvolutionMethod::direct);
    EXPECT_EQ (chooseConvolutionMethod (48000, 8), ConvolutionMethod::direct);
    EXPECT_EQ (chooseConvolutionMethod (48000, 4800), ConvolutionMethod::fft);
    EXPECT_EQ (chooseConvolutionMethod (2880000, 192000), ConvolutionMethod::fft);
    EXPECT_EQ (chooseConvolutionMethod (3, 100000), ConvolutionMethod::direct);
}

TEST (WholeSignalConvolution, ProgressIsReportedFromZeroToOne)
{
    const auto x = test::whiteNoise (100000, 51);
    const auto h = test::decayingNoise (5000, 52);
    std::vector<double> reports;
    convolve<float> (x, h, ConvolutionMode::full, ConvolutionMethod::fft,
                     [&reports] (double fraction) { reports.push_back (fraction); });
    ASSERT_GE (reports.size(), 2u);
    EXPECT_TRUE (std::is_sorted (reports.begin(), reports.end()));
    EXPECT_DOUBLE_EQ (reports.back(), 1.0);
}

TEST (WholeSignalConvolution, EachCorrelationSampleIsTheSumAtItsLag)
{
    // correlationLag numbers every sample correlate() returns: sample n must
    // be sum_k signal[k + lag] kernel[k], summed here in double from the
    // definition. Every parity of N and M, and kernels longer than the signal
    // (valid mode's lags then run from -(M - N) to 0).
    const std::pair<std::size_t, std::size_t> sizes[] = { { 9, 4 }, { 9, 5 }, { 10, 4 }, { 10, 5 },
                                                          { 4, 9 }, { 5, 10 }, { 1, 1 }, { 1, 6 } };
    for (const auto& [n, m] : sizes)
    {
        const auto signal = test::toDouble (test::whiteNoise (n, static_cast<std::uint32_t> (60 + n)));
        const auto kernel = test::toDouble (test::whiteNoise (m, static_cast<std::uint32_t> (70 + m)));
        for (const auto mode : { ConvolutionMode::full, ConvolutionMode::same, ConvolutionMode::valid })
        {
            const auto result = correlate<double> (signal, kernel, mode, ConvolutionMethod::direct);
            for (std::size_t index = 0; index < result.size(); ++index)
            {
                const auto lag = correlationLag (n, m, mode, index);
                double sum = 0.0;
                for (std::size_t k = 0; k < m; ++k)
                {
                    const auto position = static_cast<std::ptrdiff_t> (k) + lag;
                    if (position >= 0 && position < static_cast<std::ptrdiff_t> (n))
                        sum += signal[static_cast<std::size_t> (position)] * kernel[k];
                }
                EXPECT_NEAR (result[index], sum, 1e-12) << n << " x " << m << " mode " << static_cast<int> (mode)
                                                        << " index " << index << " lag " << lag;
            }
        }
    }
    // The numbering of scipy.signal.correlation_lags (6, 4): full -3..5, valid 0..2.
    EXPECT_EQ (correlationLag (6, 4, ConvolutionMode::full, 0), -3);
    EXPECT_EQ (correlationLag (6, 4, ConvolutionMode::same, 0), -2);
    EXPECT_EQ (correlationLag (6, 4, ConvolutionMode::valid, 0), 0);
    EXPECT_EQ (correlationLag (4, 6, ConvolutionMode::valid, 0), -2);
}

} // namespace partita
