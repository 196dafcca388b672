// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Nonblocking.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace partita
{

/** Plays the preview sound (PreviewSound.h) once per press: pressed while
    silent it starts; pressed while playing, or stopped (a new IR), it fades
    out over fadeSeconds and ends. The sound is made at prepare() at the
    session rate, so the audio thread only reads a buffer.

    Threading: prepare() while the audio thread is stopped (allocates);
    toggle() and stop() from any thread (they count requests in atomics);
    render() and reset() on the audio thread: noexcept, no allocation, no
    lock. */
class PreviewPlayer
{
public:
    /** The fade-out when stopped early: short enough to feel immediate, long
        enough (hundreds of samples) to be no click. */
    static constexpr double fadeSeconds = 0.010;

    /** Makes the sound at `sampleRate` and a scratch buffer for chunks of up
        to maxChunk samples. A preview playing stops. */
    void prepare (double sampleRate, std::size_t maxChunk);

    /** Starts the preview, or stops it (faded) when it is playing. */
    void toggle() noexcept { toggles.fetch_add (1, std::memory_order_release); }
    /** Stops a preview playing (faded); nothing when silent. */
    void stop() noexcept { stops.fetch_add (1, std::memory_order_release); }
    /** Whether the preview is playing (or fading out), as of the audio
        thread's last chunk. */
    [[nodiscard]] bool isPlaying() const noexcept { return playing.load (std::memory_order_relaxed); }

    /** The next numSamples (at most maxChunk) of the preview, zeros when
        silent; empty when the preview is silent for the whole chunk (nothing
        to add). */
    [[nodiscard]] std::span<const float> render (std::size_t numSamples) noexcept PARTITA_NONBLOCKING;

    /** Silent at once (the host's reset: no sound may carry over). */
    void reset() noexcept PARTITA_NONBLOCKING;

    /** The sound as made at prepare(), for tests and the editor. */
    [[nodiscard]] std::span<const float> sound() const noexcept { return samples; }

private:
    void takeRequests() noexcept;

    std::vector<float> samples;
    std::vector<float> scratch;
    std::size_t fadeLength = 1;

    std::atomic<std::uint32_t> toggles { 0 };
    std::atomic<std::uint32_t> stops { 0 };
    std::atomic<bool> playing { false };
    static_assert (std::atomic<std::uint32_t>::is_always_lock_free);

    // Audio thread.
    std::uint32_t togglesSeen = 0;
    std::uint32_t stopsSeen = 0;
    bool active = false;
    std::size_t position = 0;
    /** Samples left of the fade-out; 0 when not fading. */
    std::size_t fadeLeft = 0;
};

} // namespace partita
