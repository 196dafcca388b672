// SPDX-License-Identifier: GPL-3.0-or-later
#include "DirectHeadFilter.h"

#include "SimdDispatch.h"

#include <algorithm>
#include <cstring>

namespace partita
{

DirectHeadFilter::DirectHeadFilter (std::span<const float> headTaps)
    : numTaps (headTaps.size())
    , reversedTaps (headTaps.size())
{
    std::reverse_copy (headTaps.begin(), headTaps.end(), reversedTaps.data());
}

namespace
{
constexpr std::size_t lanes = 16;
constexpr std::size_t run = 16;

#if defined(__GNUC__)
// GCC's vector extension: one AVX-512 register, two AVX2 or four SSE ones
// depending on the clone of process(), with the operations spelled out.
using Lanes = float __attribute__ ((vector_size (lanes * sizeof (float))));

/** Adds the head's output for `Groups` vectors of outputs from `first` on,
    as independent chains that keep the adder busy. Always inlined, so that
    it is compiled inside each clone of process() for that clone's
    instruction set (a call would run the baseline build). */
template <std::size_t Groups>
[[gnu::always_inline]] inline void addVectorGroups (const float* taps, std::size_t numTaps, const float* oldest,
                                                    float* output, std::size_t first) noexcept
{
    Lanes totals[Groups] = {};
    for (std::size_t runEnd = numTaps; runEnd > 0;)
    {
        const auto runStart = runEnd > run ? runEnd - run : 0;
        Lanes partials[Groups] = {};
        for (std::size_t j = runEnd; j-- > runStart;)
        {
            // One vector at a time: copying the windows as one array went
            // through the stack on every tap.
            for (std::size_t g = 0; g < Groups; ++g)
            {
                Lanes window;
                std::memcpy (&window, oldest + first + j + g * lanes, sizeof (window));
                partials[g] += taps[j] * window;
            }
        }
        for (std::size_t g = 0; g < Groups; ++g)
            totals[g] += partials[g];
        runEnd = runStart;
    }
    for (std::size_t g = 0; g < Groups; ++g)
    {
        Lanes current;
        std::memcpy (&current, output + first + g * lanes, sizeof (current));
        current += totals[g];
        std::memcpy (output + first + g * lanes, &current, sizeof (current));
    }
}
#endif
} // namespace

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
    const float* taps = reversedTaps.data();   // taps[j] = h[L - 1 - j]
    const float* oldest = input + 1 - numTaps; // input[t - k] = oldest[t + j] with j = L - 1 - k

    std::size_t first = 0;
#if defined(__GNUC__)
    // Four groups at once where there are enough outputs; then two: with
    // 32-sample host blocks every piece is 32 long, and a single chain would
    // wait on the adder's latency at every tap; then one.
    for (; first + 4 * lanes <= count; first += 4 * lanes)
        addVectorGroups<4> (taps, numTaps, oldest, output, first);
    if (first + 2 * lanes <= count)
    {
        addVectorGroups<2> (taps, numTaps, oldest, output, first);
        first += 2 * lanes;
    }
    for (; first + lanes <= count; first += lanes)
        addVectorGroups<1> (taps, numTaps, oldest, output, first);
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
