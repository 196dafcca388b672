// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/SplitRealFft.h"

#include "TestSignals.h"
#include "engine/AlignedBuffer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>
#include <vector>

namespace partita
{
namespace
{
using Instructions = SplitRealFft::Instructions;

// Even sizes around every vector step (8 pairs for AVX2),
// with the half size odd and even, and the engine's powers of two.
const std::vector<std::size_t> sizes { 2, 4, 6, 8, 10, 18, 30, 32, 34, 36, 62, 64, 66, 68, 98, 130, 2048, 4098, 8192 };

/** X[k] = sum over n of x[n] exp(-2 pi i k n / N), for k = 0 to N/2, in double. */
std::vector<std::complex<double>> dftInDouble (const std::vector<float>& signal)
{
    const auto n = signal.size();
    std::vector<std::complex<double>> bins (n / 2 + 1);
    for (std::size_t k = 0; k < bins.size(); ++k)
    {
        std::complex<double> sum;
        for (std::size_t t = 0; t < n; ++t)
        {
            // k t mod N keeps the angle small, so the reference stays exact to double rounding.
            const double angle = -2.0 * std::numbers::pi * static_cast<double> ((k * t) % n) / static_cast<double> (n);
            sum += static_cast<double> (signal[t]) * std::complex<double> (std::cos (angle), std::sin (angle));
        }
        bins[k] = sum;
    }
    return bins;
}

double norm (const std::vector<float>& signal)
{
    double sum = 0.0;
    for (const float value : signal)
        sum += static_cast<double> (value) * static_cast<double> (value);
    return std::sqrt (sum);
}

struct Spectrum
{
    explicit Spectrum (std::size_t bins)
        : real (bins + 1, guard)
        , imag (bins + 1, guard)
    {
    }
    // One more than the bins, holding a value no transform writes.
    static constexpr float guard = 1234.5f;
    std::vector<float> real, imag;
};

TEST (SplitRealFft, ForwardMatchesADoublePrecisionDftAtEverySize)
{
    for (const auto size : sizes)
    {
        SCOPED_TRACE ("size " + std::to_string (size));
        SplitRealFft fft (size, FftPlanning::estimate);
        ASSERT_EQ (fft.numBins(), size / 2 + 1);
        const auto signal = test::whiteNoise (size, static_cast<std::uint32_t> (size));
        std::copy (signal.begin(), signal.end(), fft.timeData().begin());
        Spectrum spectrum (fft.numBins());
        fft.forward (spectrum.real.data(), spectrum.imag.data());

        const auto exact = dftInDouble (signal);
        // A bin's size is about the signal's norm; float rounding through
        // log2 N stages stays near 1e-7 of it, a wrong bin is off by all of it.
        const double tolerance = 2.0e-6 * norm (signal);
        for (std::size_t k = 0; k < fft.numBins(); ++k)
        {
            EXPECT_NEAR (spectrum.real[k], exact[k].real(), tolerance) << "bin " << k;
            EXPECT_NEAR (spectrum.imag[k], exact[k].imag(), tolerance) << "bin " << k;
        }
        EXPECT_EQ (spectrum.imag[0], 0.0f);
        EXPECT_EQ (spectrum.imag[size / 2], 0.0f);
        EXPECT_EQ (spectrum.real[fft.numBins()], Spectrum::guard);
        EXPECT_EQ (spectrum.imag[fft.numBins()], Spectrum::guard);
    }
}

TEST (SplitRealFft, InverseMatchesADoublePrecisionInverseDftAndIgnoresTheEdgeBinsImaginaryParts)
{
    for (const auto size : sizes)
    {
        SCOPED_TRACE ("size " + std::to_string (size));
        SplitRealFft fft (size, FftPlanning::estimate);
        const auto bins = fft.numBins();
        const auto real = test::whiteNoise (bins, 7);
        auto imag = test::whiteNoise (bins, 8);
        // A real signal has none; the inverse must not read them.
        imag[0] = 3.0f;
        imag[bins - 1] = -5.0f;
        fft.inverse (real.data(), imag.data());

        // x[t] = X[0] + (-1)^t X[N/2] + 2 sum over 0 < k < N/2 of Re (X[k] exp (2 pi i k t / N)).
        double largest = 0.0;
        for (std::size_t t = 0; t < size; ++t)
        {
            double sum =
                static_cast<double> (real[0]) + (t % 2 == 0 ? 1.0 : -1.0) * static_cast<double> (real[bins - 1]);
            for (std::size_t k = 1; k + 1 < bins; ++k)
            {
                const double angle =
                    2.0 * std::numbers::pi * static_cast<double> ((k * t) % size) / static_cast<double> (size);
                sum += 2.0
                       * (static_cast<double> (real[k]) * std::cos (angle)
                          - static_cast<double> (imag[k]) * std::sin (angle));
            }
            largest = std::max (largest, std::abs (static_cast<double> (fft.timeData()[t]) - sum));
        }
        EXPECT_LT (largest, 4.0e-6 * std::sqrt (static_cast<double> (size)) * norm (real)) << "worst sample";
    }
}

TEST (SplitRealFft, InverseOfForwardIsTheSignalTimesTheSize)
{
    for (const auto size : sizes)
    {
        SCOPED_TRACE ("size " + std::to_string (size));
        SplitRealFft fft (size, FftPlanning::estimate);
        const auto signal = test::whiteNoise (size, 99);
        std::copy (signal.begin(), signal.end(), fft.timeData().begin());
        Spectrum spectrum (fft.numBins());
        fft.forward (spectrum.real.data(), spectrum.imag.data());
        fft.inverse (spectrum.real.data(), spectrum.imag.data());
        const auto n = static_cast<double> (size);
        for (std::size_t t = 0; t < size; ++t)
            ASSERT_NEAR (static_cast<double> (fft.timeData()[t]) / n, static_cast<double> (signal[t]), 2.0e-6)
                << "sample " << t;
    }
}

TEST (SplitRealFft, ForwardFromAnotherBufferGivesTheSameBitsAndLeavesTheBufferAsItWas)
{
    // The engine's levels transform their blocks where they collected them,
    // the zeros after them kept, instead of copying both into timeData().
    for (const auto size : sizes)
    {
        for (const auto planning : { FftPlanning::estimate, FftPlanning::measure })
        {
            if (planning == FftPlanning::measure && size < 2048)
                continue;
            SCOPED_TRACE ("size " + std::to_string (size));
            SplitRealFft fft (size, planning);
            const auto signal = test::whiteNoise (size, 11);
            AlignedBuffer<float> elsewhere (size);
            std::copy (signal.begin(), signal.end(), elsewhere.data());

            std::copy (signal.begin(), signal.end(), fft.timeData().begin());
            Spectrum expected (fft.numBins());
            fft.forward (expected.real.data(), expected.imag.data());

            std::fill (fft.timeData().begin(), fft.timeData().end(), 7.0f);
            Spectrum spectrum (fft.numBins());
            fft.forward (elsewhere.data(), spectrum.real.data(), spectrum.imag.data());
            EXPECT_EQ (spectrum.real, expected.real);
            EXPECT_EQ (spectrum.imag, expected.imag);
            EXPECT_TRUE (std::equal (signal.begin(), signal.end(), elsewhere.data()));
        }
    }
}

TEST (SplitRealFft, EveryInstructionSetGivesThePortableCodesBits)
{
    // The vector path promises the scalar path's operations in its order, so
    // a machine's output never depends on which one ran. (On a CPU without
    // AVX2 it falls back, and the comparison holds trivially.)
    for (const auto size : sizes)
    {
        SCOPED_TRACE ("size " + std::to_string (size));
        const auto signal = test::whiteNoise (size, 5);
        const auto bins = size / 2 + 1;
        const auto spectrumReal = test::whiteNoise (bins, 6), spectrumImag = test::whiteNoise (bins, 7);

        SplitRealFft portable (size, FftPlanning::estimate, Instructions::portable);
        std::copy (signal.begin(), signal.end(), portable.timeData().begin());
        Spectrum expected (bins);
        portable.forward (expected.real.data(), expected.imag.data());
        portable.inverse (spectrumReal.data(), spectrumImag.data());
        const std::vector<float> expectedTime (portable.timeData().begin(), portable.timeData().end());

        for (const auto instructions : { Instructions::avx2, Instructions::best })
        {
            SplitRealFft fft (size, FftPlanning::estimate, instructions);
            std::copy (signal.begin(), signal.end(), fft.timeData().begin());
            Spectrum spectrum (bins);
            fft.forward (spectrum.real.data(), spectrum.imag.data());
            EXPECT_EQ (spectrum.real, expected.real);
            EXPECT_EQ (spectrum.imag, expected.imag);
            fft.inverse (spectrumReal.data(), spectrumImag.data());
            EXPECT_EQ (std::vector<float> (fft.timeData().begin(), fft.timeData().end()), expectedTime);
        }
    }
}

TEST (SplitRealFft, RejectsOddAndTooSmallSizes)
{
    EXPECT_THROW (SplitRealFft (0), std::invalid_argument);
    EXPECT_THROW (SplitRealFft (1), std::invalid_argument);
    EXPECT_THROW (SplitRealFft (7), std::invalid_argument);
}
} // namespace
} // namespace partita
