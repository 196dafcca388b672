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
    // keep the adder busy. (Spelled out three times rather than in a helper: a
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
                // One vector at a time: copying the four windows as one array
                // went through the stack on every tap.
                for (std::size_t g = 0; g < groups; ++g)
                {
                    Lanes window;
                    std::memcpy (&window, oldest + first + j + g * lanes, sizeof (window));
                    partials[g] += taps[j] * window;
                }
            }
            for (std::size_t g = 0; g < groups; ++g)
                totals[g] += partials[g];
            runEnd = runStart;
        }
        for (std::size_t g = 0; g < groups; ++g)
        {
            Lanes current;
            std::memcpy (&current, output + first + g * lanes, sizeof (current));
            current += totals[g];
            std::memcpy (output + first + g * lanes, &current, sizeof (current));
        }
    }
    // Then two groups: with 32-sample host blocks every piece is 32 long,
    // and a single chain would wait on the adder's latency at every tap.
    constexpr std::size_t pairs = 2;
    if (first + pairs * lanes <= count)
    {
        Lanes totals[pairs] = {};
        for (std::size_t runEnd = numTaps; runEnd > 0;)
        {
            const auto runStart = runEnd > run ? runEnd - run : 0;
            Lanes partials[pairs] = {};
            for (std::size_t j = runEnd; j-- > runStart;)
            {
                for (std::size_t g = 0; g < pairs; ++g)
                {
                    Lanes window;
                    std::memcpy (&window, oldest + first + j + g * lanes, sizeof (window));
                    partials[g] += taps[j] * window;
                }
            }
            for (std::size_t g = 0; g < pairs; ++g)
                totals[g] += partials[g];
            runEnd = runStart;
        }
        for (std::size_t g = 0; g < pairs; ++g)
        {
            Lanes current;
            std::memcpy (&current, output + first + g * lanes, sizeof (current));
            current += totals[g];
            std::memcpy (output + first + g * lanes, &current, sizeof (current));
        }
        first += pairs * lanes;
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
