// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <cstddef>
#include <span>

namespace partita
{

/** Where an offline render's engine may sleep: how long the engine input has
    been silent, and where in a chunk sound starts and stops.

    Why: a partitioned engine's output bits depend on where its partition grid
    starts. An offline bounce must equal `partita render --state` bit for bit,
    but a host starts feeding the plugin long before the first sample of the
    bounce (Ardour runs it through silence while stopped, pre-rolls, switches
    to freewheeling at an arbitrary block). So an offline processor stops its
    engine once the engine input has been silent for longer than the engine
    can ring (the convolution is then zero; only the engine's rounding noise
    would remain), and starts it again, from a clean state, at the first
    sample of sound: the grid then always starts where the sound starts,
    whatever came before. Offline output thus differs from an engine that
    never sleeps by that rounding noise, and equals `partita render --state`,
    which runs the same code.

    Threading: the audio thread's (a plain value). */
class SilenceTracker
{
public:
    /** Nothing heard yet (after prepare or reset). */
    void restart() noexcept { silentRun = unbounded; }

    /** Samples of silence that end at the current position. */
    [[nodiscard]] std::size_t silentSamples() const noexcept { return silentRun; }

    /** Whether the last `span` samples (or more) were silent. */
    [[nodiscard]] bool silentFor (std::size_t span) const noexcept { return silentRun >= span; }

    /** Skips the silence from `from`: returns the first sample in [from,
        numSamples) where any channel is not zero, or numSamples. */
    std::size_t skipSilence (std::span<const float* const> channels, std::size_t from, std::size_t numSamples) noexcept
    {
        for (auto n = from; n < numSamples; ++n)
        {
            if (soundAt (channels, n))
                return n;
            silentRun = std::min (unbounded, silentRun + 1);
        }
        return numSamples;
    }

    /** Takes in samples from `from` until the silence has lasted `span`
        samples: returns the first sample from which it has (the engine may
        sleep from there), or numSamples. */
    std::size_t hearUntilSilentFor (std::span<const float* const> channels, std::size_t from, std::size_t numSamples,
                                    std::size_t span) noexcept
    {
        for (auto n = from; n < numSamples; ++n)
        {
            if (soundAt (channels, n))
            {
                silentRun = 0;
                continue;
            }
            if (silentRun >= span)
                return n;
            silentRun = std::min (unbounded, silentRun + 1);
        }
        return numSamples;
    }

    /** Takes in a whole chunk (real time: only its trailing silence matters). */
    void hear (std::span<const float* const> channels, std::size_t numSamples) noexcept
    {
        std::size_t trailing = numSamples;
        for (const auto* channel : channels)
        {
            std::size_t zeros = 0;
            while (zeros < trailing && channel[numSamples - 1 - zeros] == 0.0f)
                ++zeros;
            trailing = zeros;
        }
        silentRun = trailing == numSamples ? std::min (unbounded, silentRun + numSamples) : trailing;
    }

private:
    static bool soundAt (std::span<const float* const> channels, std::size_t n) noexcept
    {
        for (const auto* channel : channels)
            if (channel[n] != 0.0f)
                return true;
        return false;
    }

    static constexpr std::size_t unbounded = static_cast<std::size_t> (1) << 62;
    std::size_t silentRun = unbounded;
};

} // namespace partita
