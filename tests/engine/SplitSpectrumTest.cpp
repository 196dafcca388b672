// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/SplitSpectrum.h"

#include "TestSignals.h"

#include <gtest/gtest.h>

#include <complex>
#include <cstring>
#include <limits>
#include <utility>
#include <vector>

namespace partita
{
namespace
{
struct RandomSpectra
{
    std::size_t count;
    std::size_t bins;
    std::vector<std::vector<float>> aReal, aImag, bReal, bImag;
    std::vector<const float*> ar, ai, br, bi;

    RandomSpectra (std::size_t numSpectra, std::size_t numBins)
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
        std::vector<std::vector<float>> real { std::move (accReal) }, imag { std::move (accImag) };
        accumulateSums (firstJ, endJ, 1, firstBin, endBin, real, imag);
        accReal = std::move (real[0]);
        accImag = std::move (imag[0]);
    }

    /** acc[d] += a[j] * b[j + d] for j in [firstJ, endJ), d < sumsPerPass,
        bins [firstBin, endBin), in one call of multiplyAccumulate(). */
    void accumulateSums (std::size_t firstJ, std::size_t endJ, std::size_t sumsPerPass, std::size_t firstBin,
                         std::size_t endBin, std::vector<std::vector<float>>& accReal,
                         std::vector<std::vector<float>>& accImag,
                         splitSpectrum::SumStart start = splitSpectrum::SumStart::accumulators) const
    {
        std::vector<const float*> a1, a2, b1, b2;
        for (std::size_t j = firstJ; j < endJ; ++j)
        {
            a1.push_back (ar[j] + firstBin);
            a2.push_back (ai[j] + firstBin);
        }
        for (std::size_t j = firstJ; j + 1 < endJ + sumsPerPass; ++j)
        {
            b1.push_back (br[j] + firstBin);
            b2.push_back (bi[j] + firstBin);
        }
        std::vector<float*> sumReal, sumImag;
        for (std::size_t d = 0; d < sumsPerPass; ++d)
        {
            sumReal.push_back (accReal[d].data() + firstBin);
            sumImag.push_back (accImag[d].data() + firstBin);
        }
        splitSpectrum::multiplyAccumulate ({ .input = { a1.data(), a2.data() },
                                             .kernel = { b1.data(), b2.data() },
                                             .sums = { sumReal.data(), sumImag.data() },
                                             .count = endJ - firstJ,
                                             .sumsPerPass = sumsPerPass,
                                             .numBins = endBin - firstBin,
                                             .start = start });
    }
};

std::complex<double> widened (float real, float imag)
{
    return { static_cast<double> (real), static_cast<double> (imag) };
}
} // namespace

TEST (SplitSpectrum, MultiplyAccumulateEqualsTheComplexSumInDoublePrecision)
{
    for (const std::size_t bins : { 1u, 31u, 32u, 33u, 1025u })
    {
        const RandomSpectra operands (8, bins);
        std::vector<float> accReal (bins, 0.5f), accImag (bins, -0.25f);
        operands.accumulate (0, 8, 0, bins, accReal, accImag);
        for (std::size_t bin = 0; bin < bins; ++bin)
        {
            std::complex<double> exact (0.5, -0.25);
            for (std::size_t j = 0; j < 8; ++j)
                exact += widened (operands.aReal[j][bin], operands.aImag[j][bin])
                         * widened (operands.bReal[j][bin], operands.bImag[j][bin]);
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
    const RandomSpectra operands (8, bins);
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

TEST (SplitSpectrum, SeveralSumsInOnePassEqualTheirComplexSumsInDoublePrecision)
{
    // sum d takes b shifted by d: the next blocks' outputs of a level that
    // computes its jobs in pairs (or more) from one read of the delay line.
    constexpr std::size_t count = 8;
    for (std::size_t sumsPerPass = 1; sumsPerPass <= splitSpectrum::maxSumsPerPass; ++sumsPerPass)
    {
        for (const std::size_t bins : { 1u, 15u, 16u, 33u, 1025u })
        {
            const RandomSpectra operands (count + sumsPerPass - 1, bins);
            std::vector<std::vector<float>> accReal (sumsPerPass, std::vector<float> (bins, 0.5f));
            std::vector<std::vector<float>> accImag (sumsPerPass, std::vector<float> (bins, -0.25f));
            operands.accumulateSums (0, count, sumsPerPass, 0, bins, accReal, accImag);
            for (std::size_t d = 0; d < sumsPerPass; ++d)
            {
                for (std::size_t bin = 0; bin < bins; ++bin)
                {
                    std::complex<double> exact (0.5, -0.25);
                    for (std::size_t j = 0; j < count; ++j)
                        exact += widened (operands.aReal[j][bin], operands.aImag[j][bin])
                                 * widened (operands.bReal[j + d][bin], operands.bImag[j + d][bin]);
                    EXPECT_NEAR (accReal[d][bin], exact.real(), 1.0e-5)
                        << sumsPerPass << " sums a pass, sum " << d << ", " << bins << " bins, bin " << bin;
                    EXPECT_NEAR (accImag[d][bin], exact.imag(), 1.0e-5)
                        << sumsPerPass << " sums a pass, sum " << d << ", " << bins << " bins, bin " << bin;
                }
            }
        }
    }
}

TEST (SplitSpectrum, EachOfSeveralSumsHasTheBitsOfItsOwnPass)
{
    // A level's pair of jobs must give the bits a job computed alone would,
    // split anywhere, so that its output depends on the input only.
    constexpr std::size_t count = 8;
    const std::size_t bins = 1025;
    for (std::size_t sumsPerPass = 2; sumsPerPass <= splitSpectrum::maxSumsPerPass; ++sumsPerPass)
    {
        const RandomSpectra operands (count + sumsPerPass - 1, bins);
        std::vector<std::vector<float>> accReal (sumsPerPass, std::vector<float> (bins, 0.0f)), accImag = accReal;
        operands.accumulateSums (0, 3, sumsPerPass, 0, 17, accReal, accImag);
        operands.accumulateSums (0, 3, sumsPerPass, 17, bins, accReal, accImag);
        operands.accumulateSums (3, count, sumsPerPass, 0, bins, accReal, accImag);
        for (std::size_t d = 0; d < sumsPerPass; ++d)
        {
            std::vector<float> aloneReal (bins, 0.0f), aloneImag (bins, 0.0f);
            std::vector<const float*> shiftedReal, shiftedImag;
            for (std::size_t j = 0; j < count; ++j)
            {
                shiftedReal.push_back (operands.br[j + d]);
                shiftedImag.push_back (operands.bi[j + d]);
            }
            float* aloneSumReal = aloneReal.data();
            float* aloneSumImag = aloneImag.data();
            splitSpectrum::multiplyAccumulate ({ .input = { operands.ar.data(), operands.ai.data() },
                                                 .kernel = { shiftedReal.data(), shiftedImag.data() },
                                                 .sums = { &aloneSumReal, &aloneSumImag },
                                                 .count = count,
                                                 .sumsPerPass = 1,
                                                 .numBins = bins });
            EXPECT_EQ (accReal[d], aloneReal) << sumsPerPass << " sums a pass, sum " << d;
            EXPECT_EQ (accImag[d], aloneImag) << sumsPerPass << " sums a pass, sum " << d;
        }
    }
}

TEST (SplitSpectrum, SumsStartedFromZeroIgnoreTheAccumulatorsAndHaveTheBitsOfClearedOnes)
{
    // A level's first call of a job starts its sums from zero instead of
    // clearing them first: whatever the accumulators held (here NaN) must
    // not show, and the bits must be those of accumulators cleared to +0.
    constexpr std::size_t count = 4;
    const auto nan = std::numeric_limits<float>::quiet_NaN();
    for (std::size_t sumsPerPass = 1; sumsPerPass <= splitSpectrum::maxSumsPerPass; ++sumsPerPass)
    {
        for (const std::size_t bins : { 1u, 15u, 16u, 33u, 1025u })
        {
            const RandomSpectra operands (count + sumsPerPass - 1, bins);
            std::vector<std::vector<float>> clearedReal (sumsPerPass, std::vector<float> (bins, 0.0f)),
                clearedImag = clearedReal;
            operands.accumulateSums (0, count, sumsPerPass, 0, bins, clearedReal, clearedImag);
            std::vector<std::vector<float>> startedReal (sumsPerPass, std::vector<float> (bins, nan)),
                startedImag = startedReal;
            operands.accumulateSums (0, count, sumsPerPass, 0, bins, startedReal, startedImag,
                                     splitSpectrum::SumStart::zero);
            for (std::size_t d = 0; d < sumsPerPass; ++d)
            {
                EXPECT_EQ (0, std::memcmp (startedReal[d].data(), clearedReal[d].data(), bins * sizeof (float)))
                    << sumsPerPass << " sums a pass, sum " << d << ", " << bins << " bins";
                EXPECT_EQ (0, std::memcmp (startedImag[d].data(), clearedImag[d].data(), bins * sizeof (float)))
                    << sumsPerPass << " sums a pass, sum " << d << ", " << bins << " bins";
            }
        }
    }
}

} // namespace partita
