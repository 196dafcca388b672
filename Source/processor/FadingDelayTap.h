// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

namespace partita
{

/** A delay that changes without a click: when the target delay differs from
    the current one, the output crossfades linearly from the old tap to the new
    one over a fixed time, then settles. A target that moves during a fade is
    taken up when the fade ends, so a sweeping pre-delay becomes a chain of
    short crossfades. Everything is counted in samples, so the result does not
    depend on block sizes.

    Threading: one audio thread. */
class FadingDelayTap
{
public:
    struct Taps
    {
        std::size_t from;
        std::size_t to;
        float toGain; // 1 when not fading: read `to` only
    };

    void setFadeLength (std::size_t samples) noexcept { fadeLength = samples == 0 ? 1 : samples; }

    /** Moves to a delay at once (prepare, reset). */
    void jumpTo (std::size_t delay) noexcept
    {
        current = delay;
        target = delay;
        fadePosition = 0;
        fading = false;
    }

    void setTarget (std::size_t delay) noexcept { target = delay; }

    /** The taps and gain for the next sample. */
    Taps next() noexcept
    {
        if (!fading)
        {
            if (target == current)
                return { current, current, 1.0f };
            from = current;
            current = target;
            fadePosition = 0;
            fading = true;
        }

        ++fadePosition;
        const float gain = static_cast<float> (fadePosition) / static_cast<float> (fadeLength);
        if (fadePosition >= fadeLength)
            fading = false;
        return { from, current, gain };
    }

    [[nodiscard]] std::size_t currentDelay() const noexcept { return current; }
    [[nodiscard]] bool isFading() const noexcept { return fading; }

private:
    std::size_t current = 0;
    std::size_t target = 0;
    std::size_t from = 0;
    std::size_t fadeLength = 1;
    std::size_t fadePosition = 0;
    bool fading = false;
};

} // namespace partita
