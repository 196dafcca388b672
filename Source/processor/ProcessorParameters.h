// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/LatencyMode.h"

namespace partita
{

/** The range and default of one continuous parameter, in its user-facing unit.
    The plugin builds its host parameters from these, the CLI's state reader
    clamps with them, so both agree on what a value means. */
struct ParameterRange
{
    float minimum;
    float maximum;
    float defaultValue;

    [[nodiscard]] constexpr float clamp (float value) const noexcept
    {
        // NaN compares false both ways and falls through to the default.
        if (value >= minimum && value <= maximum)
            return value;
        if (value < minimum)
            return minimum;
        if (value > maximum)
            return maximum;
        return defaultValue;
    }
};

/** Every user parameter of the convolver, as one plain value.

    "Live" parameters are smoothed per sample on the audio thread (about 20 ms)
    and never rebuild anything. "Shaping" parameters change the IR itself: a
    change makes the loader build a new engine, which is crossfaded in (about
    50 ms) like a newly loaded IR.

    Threading: a plain value; ConvolverProcessor::setParameters copies it into
    atomics. */
struct ProcessorParameters
{
    // Live (smoothed) ------------------------------------------------------

    /** Dry/wet balance in percent: out = (1 - m) * dry + m * wet, m = mix / 100
        (a linear, equal-gain mix: at 50 % each path is at -6 dB). */
    float mixPercent = 100.0f;
    /** Gain of the wet path in dB, applied after the filters and the width. */
    float wetGainDb = 0.0f;
    /** Gain of the whole output (dry and wet) in dB. */
    float outputGainDb = 0.0f;
    /** Delay of the wet path in ms, rounded to whole samples:
        round (ms * sampleRate / 1000). A change crossfades between the old and
        the new delay tap (about 30 ms) instead of jumping. */
    float preDelayMs = 0.0f;
    /** Second-order Butterworth high-pass on the wet signal, in Hz. The bottom
        of the range (20 Hz) means off: the filter is faded out and bypassed. */
    float lowCutHz = 20.0f;
    /** Second-order Butterworth low-pass on the wet signal, in Hz. The top of
        the range (20000 Hz) means off. The cutoff is kept below 0.45 x the
        sample rate at low session rates. */
    float highCutHz = 20000.0f;
    /** Stereo width of the wet signal in percent (mid/side: side is scaled by
        width / 100): 0 is mono (L == R), 100 unchanged, 200 twice the side.
        Has no effect on a mono output. */
    float widthPercent = 100.0f;

    // Shaping (rebuild the IR) --------------------------------------------

    /** Removed from the start of the IR, in ms at the IR's own time scale
        (before stretching). The trimmed IR keeps at least one sample. */
    float trimStartMs = 0.0f;
    /** Removed from the end of the IR, in ms (before stretching). */
    float trimEndMs = 0.0f;
    /** Plays the (trimmed) IR backwards. */
    bool reverse = false;
    /** Length of the IR in percent of its original, by resampling it: 200 %
        doubles the reverb time (and lowers the IR's spectrum by an octave). */
    float stretchPercent = 100.0f;
    /** Scales the shaped IR so that its loudest path has an energy (sum of
        squares) of 1, so loud and quiet IRs come out at similar levels. */
    bool autoGain = true;
    /** zero: no added latency (partition ConvolverProcessor::zeroLatencyPartition).
        onePartition: the low-CPU mode, larger FFT partitions
        (ConvolverProcessor::lowCpuPartition) and that many samples of reported
        latency; the dry path is delayed by the same amount. */
    LatencyMode latencyMode = LatencyMode::zero;
};

/** The ranges of the continuous parameters. Out-of-range and NaN values given to
    ConvolverProcessor::setParameters are clamped with these. */
namespace parameterRanges
{
inline constexpr ParameterRange mixPercent { 0.0f, 100.0f, 100.0f };
inline constexpr ParameterRange wetGainDb { -60.0f, 24.0f, 0.0f };
inline constexpr ParameterRange outputGainDb { -60.0f, 24.0f, 0.0f };
inline constexpr ParameterRange preDelayMs { 0.0f, 500.0f, 0.0f };
/** lowCutHz at its minimum means off. */
inline constexpr ParameterRange lowCutHz { 20.0f, 2000.0f, 20.0f };
/** highCutHz at its maximum means off. */
inline constexpr ParameterRange highCutHz { 1000.0f, 20000.0f, 20000.0f };
inline constexpr ParameterRange widthPercent { 0.0f, 200.0f, 100.0f };
inline constexpr ParameterRange trimStartMs { 0.0f, 20000.0f, 0.0f };
inline constexpr ParameterRange trimEndMs { 0.0f, 20000.0f, 0.0f };
inline constexpr ParameterRange stretchPercent { 50.0f, 200.0f, 100.0f };
} // namespace parameterRanges

/** Every field clamped to its range (NaN becomes the default). */
[[nodiscard]] ProcessorParameters clampedToRanges (const ProcessorParameters& parameters) noexcept;

} // namespace partita
