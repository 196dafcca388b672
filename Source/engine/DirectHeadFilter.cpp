// SPDX-License-Identifier: GPL-3.0-or-later
#include "DirectHeadFilter.h"

#include "SimdDispatch.h"

#include <algorithm>

namespace partita
{

DirectHeadFilter::DirectHeadFilter (std::span<const float> headTaps)
    : numTaps (headTaps.size()), reversedTaps (headTaps.size())
{
    std::reverse_copy (headTaps.begin(), headTaps.end(), reversedTaps.data());
}

PARTITA_SIMD_CLONES
void DirectHeadFilter::process (const float* input, float* output, std::size_t count) const noexcept
{
    if (numTaps == 0)
        return;

    // Sixteen independent partial sums let the compiler vectorise the dot product
    // without reassociating float additions (no -ffast-math): the summation
    // order is fixed, so every sample is computed identically however the host
    // cuts its blocks.
    constexpr std::size_t lanes = 16;
    const float* taps = reversedTaps.data();
    const std::size_t vectorTaps = numTaps - numTaps % lanes;

    for (std::size_t t = 0; t < count; ++t)
    {
        const float* window = input + t + 1 - numTaps;
        float partial[lanes] = {};
        for (std::size_t k = 0; k < vectorTaps; k += lanes)
            for (std::size_t lane = 0; lane < lanes; ++lane)
                partial[lane] += taps[k + lane] * window[k + lane];

        float sum = 0.0f;
        for (std::size_t k = vectorTaps; k < numTaps; ++k)
            sum += taps[k] * window[k];
        for (const float p : partial)
            sum += p;
        output[t] += sum;
    }
}

} // namespace partita
