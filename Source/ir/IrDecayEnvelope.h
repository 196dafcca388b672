// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <span>

namespace partita
{

/** An exponential fade of an IR's tail that leaves everything up to
    startFrame as it is: the gain at `frame` is

        g = 1                                          frame <= startFrame
        g = 10^(-extraDbPerSecond * (frame - startFrame) / (20 * sampleRate))   after

    so the tail's energy decays extraDbPerSecond dB per second faster. */
struct ExponentialDecay
{
    std::size_t startFrame = 0;
    double extraDbPerSecond = 0.0;
    double sampleRate = 0.0;

    [[nodiscard]] bool isNeutral() const noexcept { return !(extraDbPerSecond > 0.0) || !(sampleRate > 0.0); }
    [[nodiscard]] double gainAt (std::size_t frame) const noexcept;
    /** Multiplies the samples by gainAt; a neutral decay leaves them untouched. */
    void applyTo (std::span<double> samples) const noexcept;
};

/** The extra decay that makes a decay of reverbTimeSeconds (60 dB in that
    time) take fraction x that time: 60 / T * (1 / fraction - 1) dB per
    second, since energy slopes in dB add when gains multiply. Exact for an
    exponential decay; 0 for fraction >= 1 or a time that is not positive. */
[[nodiscard]] double extraDecayForReverbTime (double reverbTimeSeconds, double fraction) noexcept;

} // namespace partita
