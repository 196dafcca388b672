// SPDX-License-Identifier: GPL-3.0-or-later
#include "PartitionedKernel.h"

#include <algorithm>

namespace partita
{

PartitionedKernel::PartitionedKernel (std::span<const float> taps, std::size_t partitionSize, SplitRealFft& fft)
    : partitions ((taps.size() + partitionSize - 1) / partitionSize)
    , stride (AlignedBuffer<float>::alignedStride (fft.numBins()))
    , reals (partitions * stride)
    , imags (partitions * stride)
{
    const auto time = fft.timeData();
    const float scale = 1.0f / static_cast<float> (fft.size());

    for (std::size_t partition = 0; partition < partitions; ++partition)
    {
        const auto first = partition * partitionSize;
        const auto count = std::min (partitionSize, taps.size() - first);
        std::fill (time.begin(), time.end(), 0.0f);
        std::transform (taps.begin() + static_cast<std::ptrdiff_t> (first),
                        taps.begin() + static_cast<std::ptrdiff_t> (first + count), time.begin(),
                        [scale] (float tap) { return tap * scale; });
        fft.forward (reals.data() + partition * stride, imags.data() + partition * stride);
    }
}

} // namespace partita
