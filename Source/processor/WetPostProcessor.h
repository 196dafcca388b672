// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Biquad.h"
#include "LinearSmoother.h"

#include <array>
#include <cstddef>

namespace partita
{

/** The wet signal's tone and image: a Butterworth low cut (high-pass), a
    Butterworth high cut (low-pass) and a mid/side width, all smoothed.

    Cutoffs ramp linearly in log-frequency (about 20 ms), coefficients are
    recomputed on every sample of a ramp. A filter at the "off" end of its range
    is faded out (dry/filtered blend ramped to 0) and then bypassed with its
    state cleared, so switching it on or off never clicks either. A filter
    state made non-finite by non-finite input is cleared at the end of the
    block, so the path recovers once the input does.

    Threading: prepare() off the audio thread; the rest on one audio thread. */
class WetPostProcessor
{
public:
    static constexpr std::size_t maxChannels = 2;

    void prepare (double sampleRate, std::size_t numChannels, std::size_t rampSamples) noexcept;

    /** New targets, in the units of ProcessorParameters (lowCutOff and
        highCutOff say whether the cutoff sits at its "off" end). */
    void setTargets (float lowCutHz, bool lowCutOff, float highCutHz, bool highCutOff, float widthPercent) noexcept;

    /** Jumps to the targets without ramps and clears the filters. */
    void reset() noexcept;

    void process (const std::array<float*, maxChannels>& channels, std::size_t numSamples) noexcept;

private:
    struct Section
    {
        LinearSmoother log2Cutoff;
        LinearSmoother amount; // 0 = bypassed, 1 = fully filtered
        std::array<Biquad, maxChannels> filters;
        bool isHighPass = true;
    };

    void processSection (Section& section, const std::array<float*, maxChannels>& channels,
                         std::size_t numSamples) noexcept;
    void updateCoefficients (Section& section, float log2Cutoff) noexcept;
    void processWidth (const std::array<float*, maxChannels>& channels, std::size_t numSamples) noexcept;

    double sampleRate = 48000.0;
    std::size_t numChannels = 0;
    Section lowCut;
    Section highCut;
    LinearSmoother width;
};

} // namespace partita
