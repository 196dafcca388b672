// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace partita
{

/** The recent input of the convolution engines, kept so that a newly built
    engine can be run over it before it is heard.

    Why: an engine that starts from silence only hears input from its start
    on, so its first (IR length) samples lack the reverb of everything played
    before. Crossfading into it then dips or clicks when the IR's loud taps
    come late (a reversed or trimmed IR, the low-CPU latency). An engine fed
    the last (IR length) samples first is, from then on, exactly the engine
    that had been running all along.

    Samples are counted from prepare(): position p is the p-th sample
    appended. reset() (the signal history is cleared) starts a new epoch: the
    samples before it no longer count as history.

    Threading: prepare() and release() while no other call runs (the
    processor's prepare, under its build lock); append(), markReset() on the
    audio thread, wait-free; read() and the queries from any other thread
    concurrently with them. A reader that was overtaken by the writer (its
    range overwritten while it copied) finds out from read()'s result. The
    samples are relaxed atomics so that this race is defined behaviour. */
class EngineInputHistory
{
public:
    /** Allocates room for at least `samplesToKeep` readable samples of each
        channel, with append() calls of at most maxAppend samples, and starts
        empty. */
    void prepare (std::size_t numChannels, std::size_t samplesToKeep, std::size_t maxAppend);
    void release();

    [[nodiscard]] std::size_t numChannels() const noexcept { return channelCount; }
    /** How many of the latest samples per channel can be read back. */
    [[nodiscard]] std::size_t capacity() const noexcept { return readable; }

    // Audio thread -------------------------------------------------------------

    /** Appends numSamples of each channel (channels.size() == numChannels()). */
    void append (std::span<const float* const> channels, std::size_t numSamples) noexcept;
    /** The history is cleared: what came before the current position is silence. */
    void markReset() noexcept;

    // Any thread -----------------------------------------------------------------

    /** Samples appended since prepare() (the position of the next one). */
    [[nodiscard]] std::uint64_t written() const noexcept { return writeCount.load (std::memory_order_acquire); }
    /** Incremented by every markReset(). */
    [[nodiscard]] std::uint64_t epoch() const noexcept { return resetEpoch.load (std::memory_order_acquire); }
    /** The position of the last markReset() (0 before any). */
    [[nodiscard]] std::uint64_t resetPosition() const noexcept { return resetAt.load (std::memory_order_acquire); }

    /** Copies positions [from, from + count) of every channel into
        destinations[c][0 .. count). Returns false when some of them are not
        (or no longer) in the ring: not yet written, or overwritten before
        the copy finished. */
    bool read (std::uint64_t from, std::size_t count, std::span<float* const> destinations) const noexcept;

private:
    std::vector<std::unique_ptr<std::atomic<float>[]>> samples;
    std::size_t channelCount = 0;
    std::size_t mask = 0;
    std::size_t readable = 0;
    std::atomic<std::uint64_t> writeCount { 0 };
    std::atomic<std::uint64_t> resetEpoch { 0 };
    std::atomic<std::uint64_t> resetAt { 0 };
};

} // namespace partita
