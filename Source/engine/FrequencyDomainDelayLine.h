// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AlignedBuffer.h"

#include <cstddef>

namespace partita
{

/** The spectra of the most recent input blocks, newest first: slot `age` 0 is
    the block just completed, age 1 the one before, and so on. Multiplying
    age p with kernel partition p and summing over p gives one block of
    output: the frequency-domain delay line (FDL) of uniformly partitioned
    convolution.

    Threading: allocated in the constructor; pushSlot() and clear() do not allocate. */
class FrequencyDomainDelayLine
{
public:
    FrequencyDomainDelayLine() = default;
    FrequencyDomainDelayLine (std::size_t numSlots, std::size_t numBins);

    struct Slot
    {
        float* real;
        float* imag;
    };

    /** Drops the oldest spectrum and returns where the new one (age 0) goes;
        numSlots() must be at least 1. */
    [[nodiscard]] Slot pushSlot() noexcept
    {
        newest = newest + 1 == slots ? 0 : newest + 1;
        return { reals.data() + newest * stride, imags.data() + newest * stride };
    }
    void clear() noexcept;

    [[nodiscard]] std::size_t numSlots() const noexcept { return slots; }
    /** The spectrum pushed `age` pushes ago (0: the newest); age < numSlots(). */
    [[nodiscard]] const float* real (std::size_t age) const noexcept { return reals.data() + slotOffset (age); }
    [[nodiscard]] const float* imag (std::size_t age) const noexcept { return imags.data() + slotOffset (age); }

private:
    [[nodiscard]] std::size_t slotOffset (std::size_t age) const noexcept
    {
        // age < slots, so one subtraction wraps: the multiply-accumulate asks
        // for every partition's slot, and a division each was a measurable
        // share of the small levels' work.
        auto slot = newest + slots - age;
        if (slot >= slots)
            slot -= slots;
        return slot * stride;
    }

    std::size_t slots = 0;
    std::size_t bins = 0;
    std::size_t stride = 0;
    std::size_t newest = 0;
    AlignedBuffer<float> reals;
    AlignedBuffer<float> imags;
};

} // namespace partita
