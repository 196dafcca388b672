// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ProcessorParameters.h"

#include <cstddef>

namespace partita
{

/** The pre-delay as a number of samples, in milliseconds (preDelaySync
    Time) or as a note value at the host's tempo (Tempo).

    The tempo is the host's, handed to the processor each block
    (ConvolverProcessor::setHostTempo); without one (the standalone app, a
    host without a play head, the command line without --tempo) it is
    defaultTempo. It is clamped to minimumTempo .. maximumTempo, so that the
    longest delay (a dotted half at 20 BPM: 9 s) is known when the delay
    line is allocated.

    Threading: pure functions; call them from any thread, the audio thread
    included (no allocation). */
struct PreDelayTime
{
    static constexpr double defaultTempo = 120.0;
    static constexpr double minimumTempo = 20.0;
    static constexpr double maximumTempo = 400.0;

    /** A host's tempo made usable: clamped to the range; no tempo (zero,
        negative, NaN, infinite) gives defaultTempo. */
    [[nodiscard]] static double usableTempo (double beatsPerMinute) noexcept;

    /** Time: round (ms * rate / 1000), as the pre-delay always was. Tempo:
        round (beats * 60 / bpm * rate) at the usable tempo, beats from
        lengthOf (preDelayNote), halves rounded up. */
    [[nodiscard]] static std::size_t samples (const ProcessorParameters& parameters, double beatsPerMinute,
                                              double sampleRate) noexcept;

    /** The same delay in milliseconds, unrounded (what the editor shows). */
    [[nodiscard]] static double milliseconds (const ProcessorParameters& parameters, double beatsPerMinute) noexcept;

    /** The longest delay any setting and tempo can ask for at this rate:
        what the delay line must hold. */
    [[nodiscard]] static std::size_t longestSamples (double sampleRate) noexcept;
};

} // namespace partita
