// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "EqualiserPrototype.h"
#include "LinearSmoother.h"
#include "MatchedBiquadDesigner.h"
#include "StateVariableFilter.h"

#include <array>
#include <cstddef>

namespace partita
{

/** One band of the wet equaliser, smoothed: its frequency and Q ramp in
    log2, its gain in dB, all over the smoothing time; the section
    (EqualiserPrototype.h) is designed anew every updateInterval samples of
    a ramp, and the SVFs glide to each design over the next interval, so
    their coefficients move on every sample without a design per sample. A band at
    0 dB is bypassed exactly, and faded in and out (dry/filtered blend) as
    its gain leaves or reaches 0 dB. The update schedule counts samples
    since the ramp began, so the output does not depend on how the samples
    are split into blocks.

    Threading: prepare() off the audio thread; the rest on one audio thread,
    noexcept and without allocation. */
class EqualiserBand
{
public:
    static constexpr std::size_t maxChannels = 2;
    /** Samples between two designs during a ramp. */
    static constexpr std::size_t updateInterval = 16;

    void prepare (double sampleRate, EqualiserShape bandShape, std::size_t channels, std::size_t rampSamples) noexcept;

    /** New targets, in the units of ProcessorParameters. */
    void setTarget (float frequencyHz, float gainDb, float q) noexcept;

    /** Jumps to the targets without ramps and clears the filters. */
    void reset() noexcept;

    void process (const std::array<float*, maxChannels>& channels, std::size_t numSamples) noexcept;

private:
    [[nodiscard]] bool settingsMove() const noexcept;
    void updateSection (std::size_t glideSamples) noexcept;

    MatchedBiquadDesigner designer;
    EqualiserShape shape = EqualiserShape::peak;
    std::size_t numChannels = 0;
    LinearSmoother log2Frequency;
    LinearSmoother gainDb;
    LinearSmoother log2Q;
    LinearSmoother amount; // 0 = bypassed, 1 = fully filtered
    std::array<StateVariableFilter, maxChannels> filters;
    std::size_t samplesToUpdate = 0;
    /** The section is designed for the targets (not a point of a ramp). */
    bool sectionIsFinal = false;
};

} // namespace partita
