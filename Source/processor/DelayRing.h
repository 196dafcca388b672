// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <vector>

namespace partita
{

/** The recent history of a few channels, read back at any delay up to the
    capacity given to prepare(): the dry path's latency compensation and the
    wet path's pre-delay both read the same history.

    Threading: prepare() off the audio thread; the rest on one audio thread. */
class DelayRing
{
public:
    /** Allocates room for delays 0 .. maxDelay on numChannels, cleared. */
    void prepare (std::size_t numChannels, std::size_t maxDelay);
    void release();
    void clear() noexcept;

    /** Stores the next sample of a channel; call for every channel, then advance(). */
    void write (std::size_t channel, float sample) noexcept { channels[channel][writeIndex] = sample; }
    void advance() noexcept { writeIndex = (writeIndex + 1) & mask; }

    /** The sample written `delay` samples before the latest one: after the
        write of x[n] (and before advance()), read (c, d) is x[n - d]. */
    [[nodiscard]] float read (std::size_t channel, std::size_t delay) const noexcept
    {
        return channels[channel][(writeIndex - delay) & mask];
    }

private:
    std::vector<std::vector<float>> channels;
    std::size_t mask = 0;
    std::size_t writeIndex = 0;
};

} // namespace partita
