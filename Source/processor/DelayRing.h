// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <vector>

namespace partita
{

/** The recent history of a few channels, read back at any delay up to the
    capacity given to prepare(): the dry path's latency compensation and the
    wet path's pre-delay both read the same history.

    clear() forgets the history without touching it: reads reach back no
    further than the samples written since. The ring holds the longest
    synced pre-delay (9 s, 2 MB a channel at 48 kHz, 32 MB at 768 kHz), too
    much to zero on the audio thread at every host reset.

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
    void advance() noexcept
    {
        writeIndex = (writeIndex + 1) & mask;
        if (samplesSinceClear < mask)
            ++samplesSinceClear;
    }

    /** The sample written `delay` samples before the latest one: after the
        write of x[n] (and before advance()), read (c, d) is x[n - d]; 0 for
        a sample before the last clear(). */
    [[nodiscard]] float read (std::size_t channel, std::size_t delay) const noexcept
    {
        return delay > samplesSinceClear ? 0.0f : channels[channel][(writeIndex - delay) & mask];
    }

private:
    std::vector<std::vector<float>> channels;
    std::size_t mask = 0;
    std::size_t writeIndex = 0;
    /** Advances since the last clear (at most mask): older slots hold
        history that was cleared. */
    std::size_t samplesSinceClear = 0;
};

} // namespace partita
