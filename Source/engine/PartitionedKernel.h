// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AlignedBuffer.h"
#include "SplitRealFft.h"

#include <cstddef>
#include <span>

namespace partita
{

/** A kernel cut into partitions of B samples, each zero-padded to 2B and
    transformed, ready to multiply with the delay line of input spectra.
    The spectra carry the inverse FFT's 1 / 2B, so the overlap-add needs no
    scaling pass.

    Threading: built during prepare, read-only afterwards. */
class PartitionedKernel
{
public:
    PartitionedKernel() = default;

    /** fft must have size 2 * partitionSize; its buffers are used as scratch. */
    PartitionedKernel (std::span<const float> taps, std::size_t partitionSize, SplitRealFft& fft);

    [[nodiscard]] std::size_t numPartitions() const noexcept { return partitions; }
    [[nodiscard]] const float* real (std::size_t partition) const noexcept { return reals.data() + partition * stride; }
    [[nodiscard]] const float* imag (std::size_t partition) const noexcept { return imags.data() + partition * stride; }

private:
    std::size_t partitions = 0;
    std::size_t stride = 0;
    AlignedBuffer<float> reals;
    AlignedBuffer<float> imags;
};

} // namespace partita
