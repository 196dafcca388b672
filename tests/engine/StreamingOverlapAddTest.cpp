// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/StreamingOverlapAdd.h"

#include "ReferenceConvolution.h"
#include "TestSignals.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace partita
{
namespace
{
/** Feeds the whole signal in segments and joins what comes back, checking
    the length of every piece on the way. */
template <typename Sample>
std::vector<Sample> streamWhole (const std::vector<Sample>& signal, const std::vector<Sample>& kernel)
{
    StreamingOverlapAdd<Sample> overlapAdd (kernel, signal.size());
    const auto segment = overlapAdd.segmentLength();
    std::vector<Sample> joined;
    for (std::size_t start = 0; start < signal.size(); start += segment)
    {
        const auto count = std::min (segment, signal.size() - start);
        const auto piece = overlapAdd.process (std::span<const Sample> (signal).subspan (start, count));
        const bool last = start + count == signal.size();
        EXPECT_EQ (piece.size(), last ? count + kernel.size() - 1 : segment) << "segment at " << start;
        joined.insert (joined.end(), piece.begin(), piece.end());
    }
    EXPECT_TRUE (overlapAdd.isComplete());
    return joined;
}

template <typename Sample>
std::vector<Sample> cast (const std::vector<float>& values)
{
    return { values.begin(), values.end() };
}
} // namespace

TEST (StreamingOverlapAdd, SegmentBySegmentItIsTheFullConvolutionInSinglePrecision)
{
    // Lengths that make one segment, several with a short last one, several
    // that divide evenly, a one-sample kernel and a kernel as long as the signal.
    const std::vector<std::pair<std::size_t, std::size_t>> lengths {
        { 50, 7 }, { 5000, 300 }, { 20000, 1000 }, { 4097, 1 }, { 777, 777 }, { 30000, 4096 },
    };
    for (const auto& [signalLength, kernelLength] : lengths)
    {
        const auto x = test::whiteNoise (signalLength, 11);
        const auto h = test::decayingNoise (kernelLength, 12);
        const auto streamed = streamWhole (x, h);
        const auto reference = test::referenceConvolution<float> (x, h);
        ASSERT_EQ (streamed.size(), reference.size());
        EXPECT_LT (test::maxErrorDb<float> (streamed, reference), -120.0) << signalLength << " by " << kernelLength;
    }
}

TEST (StreamingOverlapAdd, InDoublePrecisionItReachesMinus200DecibelsOfTheReference)
{
    const auto x = cast<double> (test::whiteNoise (20000, 21));
    const auto h = cast<double> (test::decayingNoise (3000, 22));
    const auto streamed = streamWhole (x, h);
    const auto reference = test::referenceConvolution<double> (x, h);
    ASSERT_EQ (streamed.size(), reference.size());
    EXPECT_LT (test::maxErrorDb<double> (streamed, reference), -200.0);
}

TEST (StreamingOverlapAdd, AnImpulseGivesTheKernelBackWhereverItFalls)
{
    const auto h = test::decayingNoise (300, 31);
    for (const std::size_t position : { std::size_t { 0 }, std::size_t { 1234 }, std::size_t { 4999 } })
    {
        std::vector<float> x (5000, 0.0f);
        x[position] = 1.0f;
        const auto y = streamWhole (x, h);
        for (std::size_t n = 0; n < y.size(); ++n)
        {
            const float expected = n >= position && n - position < h.size() ? h[n - position] : 0.0f;
            ASSERT_NEAR (y[n], expected, 1e-6f) << "impulse at " << position << ", sample " << n;
        }
    }
}

TEST (StreamingOverlapAdd, RefusesAKernelLongerThanTheSignalOrEmpty)
{
    const std::vector<float> kernel (10, 1.0f);
    EXPECT_THROW (StreamingOverlapAdd<float> (kernel, 9), std::invalid_argument);
    EXPECT_THROW (StreamingOverlapAdd<float> (std::span<const float> {}, 9), std::invalid_argument);
}

TEST (StreamingOverlapAdd, RefusesSegmentsOfTheWrongLengthAndAnyAfterTheEnd)
{
    const auto h = test::decayingNoise (100, 41);
    const auto x = test::whiteNoise (2000, 42);
    StreamingOverlapAdd<float> overlapAdd (h, x.size());
    const auto segment = overlapAdd.segmentLength();
    ASSERT_LT (segment, x.size());

    EXPECT_THROW ((void)overlapAdd.process (std::span<const float> (x).first (segment - 1)), std::logic_error);
    for (std::size_t start = 0; start < x.size(); start += segment)
        (void)overlapAdd.process (std::span<const float> (x).subspan (start, std::min (segment, x.size() - start)));
    EXPECT_THROW ((void)overlapAdd.process (std::span<const float> (x).first (1)), std::logic_error);
}

} // namespace partita
