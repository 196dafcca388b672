// SPDX-License-Identifier: GPL-3.0-or-later
#include "EngineInputHistory.h"

#include <algorithm>
#include <bit>

namespace partita
{

void EngineInputHistory::prepare (std::size_t numChannels, std::size_t samplesToKeep, std::size_t maxAppend)
{
    // An append in progress may already have overwritten up to maxAppend
    // samples beyond the published count: those slots never count as readable.
    const auto size = std::bit_ceil (std::max<std::size_t> (samplesToKeep, 1) + maxAppend);
    samples.clear();
    for (std::size_t c = 0; c < numChannels; ++c)
        samples.push_back (std::make_unique<std::atomic<float>[]> (size)); // value-initialised: 0
    channelCount = numChannels;
    mask = size - 1;
    readable = size - maxAppend;
    writeCount.store (0, std::memory_order_release);
    resetAt.store (0, std::memory_order_release);
    resetEpoch.fetch_add (1, std::memory_order_acq_rel);
}

void EngineInputHistory::release()
{
    samples.clear();
    channelCount = 0;
    mask = 0;
    readable = 0;
    writeCount.store (0, std::memory_order_release);
    resetAt.store (0, std::memory_order_release);
    resetEpoch.fetch_add (1, std::memory_order_acq_rel);
}

void EngineInputHistory::append (std::span<const float* const> channels, std::size_t numSamples) noexcept
{
    const auto start = writeCount.load (std::memory_order_relaxed);
    // A reader that sees any sample stored below also sees every count
    // published before it (fence to fence), which read() relies on.
    std::atomic_thread_fence (std::memory_order_release);
    for (std::size_t c = 0; c < channelCount; ++c)
    {
        auto* ring = samples[c].get();
        const float* source = channels[c];
        for (std::size_t n = 0; n < numSamples; ++n)
            ring[(start + n) & mask].store (source[n], std::memory_order_relaxed);
    }
    // Release: a reader that sees the new count also sees the samples.
    writeCount.store (start + numSamples, std::memory_order_release);
}

void EngineInputHistory::markReset() noexcept
{
    resetAt.store (writeCount.load (std::memory_order_relaxed), std::memory_order_release);
    resetEpoch.fetch_add (1, std::memory_order_acq_rel);
}

bool EngineInputHistory::read (std::uint64_t from, std::size_t count,
                               std::span<float* const> destinations) const noexcept
{
    if (count == 0)
        return true;
    if (channelCount == 0 || count > capacity())
        return false;

    const auto end = from + count;
    if (end > written() || written() - from > capacity())
        return false;

    for (std::size_t c = 0; c < channelCount; ++c)
    {
        const auto* ring = samples[c].get();
        for (std::size_t n = 0; n < count; ++n)
            destinations[c][n] = ring[(from + n) & mask].load (std::memory_order_relaxed);
    }

    // The writer may have lapped the ring while we copied: the oldest sample
    // copied must still be readable now (capacity() leaves room for the
    // append that may be in progress).
    std::atomic_thread_fence (std::memory_order_acquire);
    return written() - from <= capacity();
}

} // namespace partita
