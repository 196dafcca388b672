// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Biquad.h"
#include "CutSlope.h"
#include "LinearSmoother.h"

#include <array>
#include <cstddef>

namespace partita
{

/** One of the wet path's cuts: a Butterworth high-pass (low cut) or
    low-pass (high cut) of order 2, 4 or 8, as 1, 2 or 4 biquads prewarped at
    the cutoff (Biquad.h), smoothed.

    The cutoff ramps linearly in log-frequency, coefficients recomputed on
    every sample of a ramp. A cut at the "off" end of its range is faded out
    (dry/filtered blend ramped to 0) and then bypassed with its state
    cleared. A slope change moves each section's Q from the old order's to
    the new order's along the same ramp, and fades sections in or out (each
    its own dry/filtered blend), so it never clicks either. At 12 dB/oct the
    cut computes exactly what the single-biquad cut before it did.

    Threading: prepare() off the audio thread; the rest on one audio thread. */
class CutFilter
{
public:
    static constexpr std::size_t maxChannels = 2;
    static constexpr std::size_t maxSections = 4;

    enum class Kind
    {
        highPass,
        lowPass,
    };

    void prepare (double sampleRate, Kind filterKind, std::size_t channels, std::size_t rampSamples) noexcept;

    void setTarget (float cutoffHz, bool off, CutSlope slope) noexcept;

    /** Jumps to the targets without ramps and clears the filters. */
    void reset() noexcept;

    void process (const std::array<float*, maxChannels>& channels, std::size_t numSamples) noexcept;

private:
    struct Section
    {
        /** Moves q from qFrom (0) to qTo (1) during a slope change. */
        LinearSmoother qMove;
        double qFrom = 0.0;
        double qTo = 0.0;
        LinearSmoother amount; // 0 = bypassed, 1 = in the cascade
        std::array<Biquad, maxChannels> filters;

        [[nodiscard]] double q() const noexcept
        {
            const auto t = qMove.currentValue();
            return t == 1.0f ? qTo : qFrom + static_cast<double> (t) * (qTo - qFrom);
        }
        [[nodiscard]] bool isOut() const noexcept { return !amount.isSmoothing() && amount.currentValue() == 0.0f; }
    };

    [[nodiscard]] bool sectionsMove() const noexcept;
    void updateCoefficients (Section& section) noexcept;
    void processSample (std::size_t n, const std::array<float*, maxChannels>& channels, bool cutoffMoved) noexcept;

    double sampleRate = 48000.0;
    Kind kind = Kind::highPass;
    std::size_t numChannels = 0;
    LinearSmoother log2Cutoff;
    LinearSmoother amount; // 0 = bypassed, 1 = fully filtered
    std::array<Section, maxSections> sections;
};

} // namespace partita
