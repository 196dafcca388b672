// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AlignedBuffer.h"

#include <cstddef>
#include <span>

namespace partita
{

/** The first taps of a kernel as a direct-form FIR. This is what makes the
    engine's latency zero: an FFT partition can only be transformed once a full
    block of input exists, so the taps that act on the current block's own
    samples are summed directly, sample by sample.

    Threading: built during prepare; process() is const, allocation-free. */
class DirectHeadFilter
{
public:
    DirectHeadFilter() = default;
    explicit DirectHeadFilter (std::span<const float> headTaps);

    [[nodiscard]] std::size_t length() const noexcept { return numTaps; }

    /** output[t] += sum_k h[k] * input[t - k] for t in [0, count). `input`
        points at the sample for output[0] and must have length() - 1 valid
        samples of history before it. */
    void process (const float* input, float* output, std::size_t count) const noexcept;

private:
    std::size_t numTaps = 0;
    AlignedBuffer<float> reversedTaps; // h[L-1], ..., h[0]: a dot product with the input window
};

} // namespace partita
