// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CutFilter.h"
#include "EqualiserBand.h"
#include "LinearSmoother.h"
#include "ProcessorParameters.h"

#include <array>
#include <cstddef>

namespace partita
{

/** The wet signal's tone and image, in this order: the low cut and the high
    cut (Butterworth, 12 to 48 dB/oct: CutFilter), the four-band equaliser
    (low shelf, two peaks, high shelf: EqualiserBand) and a mid/side width,
    all smoothed.

    The equaliser runs here, on the wet signal, rather than folded into the
    IR: folding would be exact (the path is linear) but every move of a
    band would rebuild and crossfade the engines, which automation must not
    do, and four biquads cost nothing beside the convolution.

    A stage at its neutral setting (a cut at its "off" end, a band at 0 dB,
    width 100 %) is bypassed and computes nothing, so that a session from
    before the equaliser plays bit for bit as it did. A filter state made
    non-finite by non-finite input is cleared at the end of the block, so
    the path recovers once the input does.

    Threading: prepare() off the audio thread; the rest on one audio thread. */
class WetPostProcessor
{
public:
    static constexpr std::size_t maxChannels = 2;
    static constexpr std::size_t numBands = 4;

    void prepare (double sampleRate, std::size_t numChannels, std::size_t rampSamples) noexcept;

    /** New targets (the live equaliser, cut and width parameters). */
    void setTargets (const ProcessorParameters& parameters) noexcept;

    /** Jumps to the targets without ramps and clears the filters. */
    void reset() noexcept;

    void process (const std::array<float*, maxChannels>& channels, std::size_t numSamples) noexcept;

private:
    void processWidth (const std::array<float*, maxChannels>& channels, std::size_t numSamples) noexcept;

    std::size_t numChannels = 0;
    CutFilter lowCut;
    CutFilter highCut;
    std::array<EqualiserBand, numBands> bands;
    LinearSmoother width;
};

} // namespace partita
