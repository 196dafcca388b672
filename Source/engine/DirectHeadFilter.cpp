// SPDX-License-Identifier: GPL-3.0-or-later
#include "DirectHeadFilter.h"

#include "SimdDispatch.h"

#include <algorithm>
#include <cstring>

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

    // Outputs 16 at a time with their sums in registers: each tap is one
    // broadcast multiply-add across 16 outputs, no horizontal sums.
    //
    // Every output computes the same sum in the same order, whether it falls
    // in a vector group or in the scalar remainder (and the engine builds
    // with -ffp-contract=off), so a sample's value never depends on where a
    // host block ended: taps in runs of 16 from tap 0, each run summed from
    // zero and then added to the total (which keeps the rounding error of a
    // long head near that of 16 products), the total added to the output.
    constexpr std::size_t lanes = 16;
    constexpr std::size_t run = 16;
    const float* taps = reversedTaps.data();   // taps[j] = h[L - 1 - j]
    const float* oldest = input + 1 - numTaps; // input[t - k] = oldest[t + j] with j = L - 1 - k

    std::size_t first = 0;
#if defined(__GNUC__)
    // GCC's vector extension: one AVX-512 register, two AVX2 or four SSE ones
    // depending on the clone, with the operations spelled out.
    using Lanes = float __attribute__ ((vector_size (lanes * sizeof (float))));
    // Four groups at once where there are enough outputs: independent chains
    // keep the adder busy. (Spelled out twice rather than in a helper: a
    // helper would not be compiled for the clone's instruction set.)
    constexpr std::size_t groups = 4;
    for (; first + groups * lanes <= count; first += groups * lanes)
    {
        Lanes totals[groups] = {};
        for (std::size_t runEnd = numTaps; runEnd > 0;)
        {
            const auto runStart = runEnd > run ? runEnd - run : 0;
            Lanes partials[groups] = {};
            for (std::size_t j = runEnd; j-- > runStart;)
            {
                Lanes windows[groups];
                std::memcpy (windows, oldest + first + j, sizeof (windows));
                for (std::size_t g = 0; g < groups; ++g)
                    partials[g] += taps[j] * windows[g];
            }
            for (std::size_t g = 0; g < groups; ++g)
                totals[g] += partials[g];
            runEnd = runStart;
        }
        Lanes current[groups];
        std::memcpy (current, output + first, sizeof (current));
        for (std::size_t g = 0; g < groups; ++g)
            current[g] += totals[g];
        std::memcpy (output + first, current, sizeof (current));
    }
    for (; first + lanes <= count; first += lanes)
    {
        Lanes total = {};
        for (std::size_t runEnd = numTaps; runEnd > 0;)
        {
            const auto runStart = runEnd > run ? runEnd - run : 0;
            Lanes partial = {};
            for (std::size_t j = runEnd; j-- > runStart;)
            {
                Lanes window;
                std::memcpy (&window, oldest + first + j, sizeof (window));
                partial += taps[j] * window;
            }
            total += partial;
            runEnd = runStart;
        }
        Lanes current;
        std::memcpy (&current, output + first, sizeof (current));
        current += total;
        std::memcpy (output + first, &current, sizeof (current));
    }
#endif

    for (std::size_t t = first; t < count; ++t)
    {
        float total = 0.0f;
        for (std::size_t runEnd = numTaps; runEnd > 0;)
        {
            const auto runStart = runEnd > run ? runEnd - run : 0;
            float partial = 0.0f;
            for (std::size_t j = runEnd; j-- > runStart;)
                partial += taps[j] * oldest[t + j];
            total += partial;
            runEnd = runStart;
        }
        output[t] += total;
    }
}

} // namespace partita
