// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace partita
{

/** A value that moves to a new target in a straight line over a fixed number of
    samples, so automation never steps. Lands exactly on the target (no
    accumulated rounding), which keeps "100 % wet, 0 dB" bit-exact.

    The ramp depends only on the sample count since the target changed, never
    on how the samples are split into blocks.

    Threading: one audio thread. */
class LinearSmoother
{
public:
    /** Sets the ramp length (at least one sample). */
    void setRampLength (std::size_t samples) noexcept { rampLength = std::max<std::size_t> (1, samples); }

    /** Jumps to a value without a ramp. */
    void snapTo (float value) noexcept
    {
        current = value;
        target = value;
        stepsLeft = 0;
    }

    /** Starts a ramp from wherever the value is now. */
    void setTarget (float value) noexcept
    {
        if (value == target)
            return;
        target = value;
        stepsLeft = rampLength;
        step = (target - current) / static_cast<float> (rampLength);
    }

    /** Advances one sample and returns the new value. */
    float next() noexcept
    {
        if (stepsLeft == 0)
            return current;
        --stepsLeft;
        current = stepsLeft == 0 ? target : current + step;
        return current;
    }

    [[nodiscard]] bool isSmoothing() const noexcept { return stepsLeft > 0; }
    [[nodiscard]] float currentValue() const noexcept { return current; }
    [[nodiscard]] float targetValue() const noexcept { return target; }

private:
    float current = 0.0f;
    float target = 0.0f;
    float step = 0.0f;
    std::size_t rampLength = 1;
    std::size_t stepsLeft = 0;
};

} // namespace partita
