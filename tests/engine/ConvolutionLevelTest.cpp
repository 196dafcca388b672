// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/ConvolutionLevel.h"

#include "ReferenceConvolution.h"
#include "TestSignals.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace partita
{
namespace
{
const CostModel syntheticCosts (1.0e-9, 1.0e-9, 0.25e-9);

enum class Kind
{
    current,   // firstTap 0, the block in hand
    immediate, // computed when its block completes
    deferred,  // computed over the next block
};

std::string nameOf (Kind kind)
{
    return kind == Kind::current ? "current" : kind == Kind::immediate ? "immediate" : "deferred";
}

/** One level of `partitions` partitions of 32 alone, driven block by block
    as the engine drives it, on `blocks` blocks of noise: its output, which
    must be the convolution with the kernel's taps in its range only. */
struct LevelRun
{
    static constexpr std::size_t partitionSize = 32;

    LevelRun (Kind kind, std::size_t partitions, std::size_t sumsPerPass, std::size_t blocks)
    {
        geometry.partitionSize = partitionSize;
        geometry.numPartitions = partitions;
        geometry.firstTap = kind == Kind::current ? 0 : kind == Kind::immediate ? partitionSize : 2 * partitionSize;
        geometry.deferred = kind == Kind::deferred;
        geometry.sumsPerPass = sumsPerPass;

        // The kernel reaches past the level on both sides: the level must
        // take its own taps only.
        const auto kernelLength = geometry.firstTap + partitions * partitionSize + 40;
        kernel = test::whiteNoise (kernelLength, 21);
        KernelMatrix kernels (1, 1);
        kernels.setKernel (0, 0, kernel);
        ConvolutionLevel level (geometry, kernels, 0, syntheticCosts);

        input = test::whiteNoise (blocks * partitionSize, 22);
        output.assign (input.size(), 0.0f);
        for (std::size_t first = 0; first < input.size(); first += partitionSize)
        {
            level.write (0, input.data() + first, partitionSize);
            if (kind == Kind::current)
                level.computeWholeBlock();
            level.addOutput (0, output.data() + first, partitionSize);
            level.advance (partitionSize);
        }
    }

    /** The largest difference from the double-precision convolution with
        the level's taps, re the reference's peak. */
    [[nodiscard]] double relativeError() const
    {
        std::vector<float> taps (kernel.size(), 0.0f);
        const auto end = geometry.firstTap + geometry.numPartitions * partitionSize;
        std::copy (kernel.begin() + static_cast<std::ptrdiff_t> (geometry.firstTap),
                   kernel.begin() + static_cast<std::ptrdiff_t> (end),
                   taps.begin() + static_cast<std::ptrdiff_t> (geometry.firstTap));
        const auto reference = test::referenceConvolution<float> (input, taps);
        double worst = 0.0;
        for (std::size_t n = 0; n < output.size(); ++n)
            worst = std::max (worst, std::abs (static_cast<double> (output[n]) - reference[n]));
        return worst / test::peakOf (reference);
    }

    PartitionLevel geometry;
    std::vector<float> kernel, input, output;
};
} // namespace

TEST (ConvolutionLevel, EveryNumberOfSumsAPassGivesTheLevelsConvolution)
{
    // 9 partitions: a group of 4 sums meets the kernel's end part-way, and
    // 40 blocks run through many groups of jobs.
    for (const auto kind : { Kind::current, Kind::immediate, Kind::deferred })
    {
        for (const std::size_t sums : { 1u, 2u, 4u })
        {
            const LevelRun run (kind, 9, sums, 40);
            EXPECT_LT (run.relativeError(), 1.0e-6) << nameOf (kind) << " level, " << sums << " sums a pass";
        }
    }
}

TEST (ConvolutionLevel, MoreSumsAPassThanPartitionsStillGivesTheConvolution)
{
    for (const std::size_t partitions : { 1u, 2u, 3u })
    {
        const LevelRun run (Kind::deferred, partitions, 4, 20);
        EXPECT_LT (run.relativeError(), 1.0e-6) << partitions << " partitions";
    }
}

TEST (ConvolutionLevel, ResetStartsTheGroupsAgain)
{
    // After reset() the first job must be a group's first: a later job's
    // sum would still hold the old input's products.
    PartitionLevel geometry { LevelRun::partitionSize, 2 * LevelRun::partitionSize, 8, true, 4 };
    KernelMatrix kernels (1, 1);
    kernels.setKernel (0, 0, test::whiteNoise (geometry.firstTap + 8 * LevelRun::partitionSize, 31));
    ConvolutionLevel level (geometry, kernels, 0, syntheticCosts);
    const auto noise = test::whiteNoise (LevelRun::partitionSize, 32);
    std::vector<float> output (LevelRun::partitionSize, 0.0f);
    // 14 blocks: the last job started is the second of a group, whose first
    // left products in the group's later sums.
    for (std::size_t block = 0; block < 14; ++block)
    {
        level.write (0, noise.data(), noise.size());
        level.advance (noise.size());
    }
    level.reset();
    const std::vector<float> silence (LevelRun::partitionSize, 0.0f);
    for (std::size_t block = 0; block < 20; ++block)
    {
        level.write (0, silence.data(), silence.size());
        std::fill (output.begin(), output.end(), 0.0f);
        level.addOutput (0, output.data(), output.size());
        level.advance (silence.size());
        for (const auto sample : output)
            ASSERT_EQ (sample, 0.0f) << "block " << block << " after reset";
    }
}

TEST (ConvolutionLevel, PathsOfDifferentLengthsIntoOneOutputSumBoth)
{
    // The group's first job starts an output's sums from zero in its first
    // path's first call, unless that path is too short to reach every sum;
    // either way the second path must add to the first, never replace it.
    constexpr std::size_t size = LevelRun::partitionSize;
    const PartitionLevel geometry { size, 2 * size, 9, true, 4 };
    const auto longKernel = test::whiteNoise (geometry.firstTap + 9 * size + 40, 41);
    const auto input0 = test::whiteNoise (40 * size, 42);
    const auto input1 = test::whiteNoise (40 * size, 43);
    for (const std::size_t shortPartitions : { 1u, 3u, 5u })
    {
        for (const bool shortFirst : { true, false })
        {
            const auto shortKernel = test::whiteNoise (geometry.firstTap + shortPartitions * size, 44);
            KernelMatrix kernels (2, 1);
            kernels.setKernel (0, 0, shortFirst ? shortKernel : longKernel);
            kernels.setKernel (1, 0, shortFirst ? longKernel : shortKernel);
            ConvolutionLevel level (geometry, kernels, 0, syntheticCosts);
            std::vector<float> output (input0.size(), 0.0f);
            for (std::size_t first = 0; first < output.size(); first += size)
            {
                level.write (0, input0.data() + first, size);
                level.write (1, input1.data() + first, size);
                level.addOutput (0, output.data() + first, size);
                level.advance (size);
            }

            // The level's taps only: [firstTap, firstTap + 9 partitions).
            const auto levelTaps = [&geometry] (const std::vector<float>& kernel)
            {
                std::vector<float> taps (kernel.size(), 0.0f);
                const auto end = std::min (kernel.size(), geometry.firstTap + geometry.numPartitions * size);
                for (auto t = geometry.firstTap; t < end; ++t)
                    taps[t] = kernel[t];
                return taps;
            };
            const auto fromInput0 =
                test::referenceConvolution<float> (input0, levelTaps (shortFirst ? shortKernel : longKernel));
            const auto fromInput1 =
                test::referenceConvolution<float> (input1, levelTaps (shortFirst ? longKernel : shortKernel));
            std::vector<double> reference (output.size());
            for (std::size_t n = 0; n < output.size(); ++n)
                reference[n] = fromInput0[n] + fromInput1[n];
            double worst = 0.0;
            for (std::size_t n = 0; n < output.size(); ++n)
                worst = std::max (worst, std::abs (static_cast<double> (output[n]) - reference[n]));
            EXPECT_LT (worst / test::peakOf (reference), 1.0e-6)
                << shortPartitions << " partitions in the " << (shortFirst ? "first" : "second") << " path";
        }
    }
}

} // namespace partita
