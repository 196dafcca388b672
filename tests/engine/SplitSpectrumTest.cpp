// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/SplitSpectrum.h"

#include "TestSignals.h"

#include <gtest/gtest.h>

#include <complex>
#include <vector>

namespace partita
{
namespace
{
struct Operands
{
    std::size_t count;
    std::size_t bins;
    std::vector<std::vector<float>> aReal, aImag, bReal, bImag;
    std::vector<const float*> ar, ai, br, bi;

    Operands (std::size_t numSpectra, std::size_t numBins)
        : count (numSpectra)
        , bins (numBins)
    {
        for (std::size_t j = 0; j < count; ++j)
        {
            const auto seed = static_cast<std::uint32_t> (4 * j + 1);
            aReal.push_back (test::whiteNoise (bins, seed));
            aImag.push_back (test::whiteNoise (bins, seed + 1));
            bReal.push_back (test::whiteNoise (bins, seed + 2));
            bImag.push_back (test::whiteNoise (bins, seed + 3));
        }
        for (std::size_t j = 0; j < count; ++j)
        {
            ar.push_back (aReal[j].data());
            ai.push_back (aImag[j].data());
            br.push_back (bReal[j].data());
            bi.push_back (bImag[j].data());
        }
    }

    /** Partitions [firstJ, endJ) and bins [firstBin, endBin) into acc. */
    void accumulate (std::size_t firstJ, std::size_t endJ, std::size_t firstBin, std::size_t endBin,
                     std::vector<float>& accReal, std::vector<float>& accImag) const
    {
        std::vector<const float*> a1, a2, b1, b2;
        for (std::size_t j = firstJ; j < endJ; ++j)
        {
            a1.push_back (ar[j] + firstBin);
            a2.push_back (ai[j] + firstBin);
            b1.push_back (br[j] + firstBin);
            b2.push_back (bi[j] + firstBin);
        }
        splitSpectrum::multiplyAccumulateSum (a1.data(), a2.data(), b1.data(), b2.data(), endJ - firstJ,
                                              accReal.data() + firstBin, accImag.data() + firstBin, endBin - firstBin);
    }
};
} // namespace

TEST (SplitSpectrum, MultiplyAccumulateEqualsTheComplexSumInDoublePrecision)
{
    for (const std::size_t bins : { 1u, 31u, 32u, 33u, 1025u })
    {
        const Operands operands (8, bins);
        std::vector<float> accReal (bins, 0.5f), accImag (bins, -0.25f);
        operands.accumulate (0, 8, 0, bins, accReal, accImag);
        for (std::size_t bin = 0; bin < bins; ++bin)
        {
            std::complex<double> exact (0.5, -0.25);
            for (std::size_t j = 0; j < 8; ++j)
            {
                const auto widen = [] (float value) { return static_cast<double> (value); };
                exact += std::complex<double> (widen (operands.aReal[j][bin]), widen (operands.aImag[j][bin]))
                         * std::complex<double> (widen (operands.bReal[j][bin]), widen (operands.bImag[j][bin]));
            }
            EXPECT_NEAR (accReal[bin], exact.real(), 1.0e-5) << bins << " bins, bin " << bin;
            EXPECT_NEAR (accImag[bin], exact.imag(), 1.0e-5) << bins << " bins, bin " << bin;
        }
    }
}

TEST (SplitSpectrum, SplittingTheBinsOrThePartitionsChangesNoBit)
{
    // The engine splits a level's multiply-accumulate by partitions and by
    // bins to spread it over callbacks: every way must give the same bits.
    const std::size_t bins = 1025;
    const Operands operands (8, bins);
    std::vector<float> wholeReal (bins, 0.0f), wholeImag (bins, 0.0f);
    operands.accumulate (0, 8, 0, bins, wholeReal, wholeImag);

    for (const std::size_t cutBin : { 1u, 16u, 17u, 512u, 1000u })
    {
        for (const std::size_t cutJ : { 1u, 3u, 7u })
        {
            std::vector<float> real (bins, 0.0f), imag (bins, 0.0f);
            operands.accumulate (0, cutJ, 0, cutBin, real, imag);
            operands.accumulate (0, cutJ, cutBin, bins, real, imag);
            operands.accumulate (cutJ, 8, cutBin, bins, real, imag);
            operands.accumulate (cutJ, 8, 0, cutBin, real, imag);
            EXPECT_EQ (real, wholeReal) << "bins cut at " << cutBin << ", partitions at " << cutJ;
            EXPECT_EQ (imag, wholeImag) << "bins cut at " << cutBin << ", partitions at " << cutJ;
        }
    }
}

} // namespace partita
