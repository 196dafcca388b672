// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CutSlope.h"
#include "NoteValue.h"
#include "engine/LatencyMode.h"
#include "ir/IrChannelSelection.h"
#include "ir/IrLayout.h"

namespace partita
{

/** Every user parameter of the convolver, as one plain value.

    "Live" parameters are smoothed per sample on the audio thread (about 20 ms)
    and never rebuild anything. "Shaping" parameters change the IR itself: a
    change makes the loader build a new engine, which is crossfaded in (about
    50 ms) like a newly loaded IR.

    Ranges, defaults, names, units and what a change does are in the
    parameter table (ParameterTable.h), which every layer iterates; a new
    parameter is a field here, a row there and its DSP.

    Threading: a plain value; ConvolverProcessor::setParameters copies it into
    atomics. */
struct ProcessorParameters
{
    /** Every field at its default (the table's). */
    ProcessorParameters() noexcept;

    // Live (smoothed) ------------------------------------------------------

    /** Dry/wet balance in percent: out = (1 - m) * dry + m * wet, m = mix / 100
        (a linear, equal-gain mix: at 50 % each path is at -6 dB). */
    float mixPercent;
    /** Gain of the wet path in dB, applied after the filters and the width. */
    float wetGainDb;
    /** Gain of the whole output (dry and wet) in dB. */
    float outputGainDb;
    /** Delay of the wet path in ms (preDelaySync Time), rounded to whole
        samples: round (ms * sampleRate / 1000). A change crossfades between the old and
        the new delay tap (about 30 ms) instead of jumping. */
    float preDelayMs;
    /** Butterworth high-pass on the wet signal (of lowCutSlope's order), in Hz. The bottom
        of the range (20 Hz) means off: the filter is faded out and bypassed. */
    float lowCutHz;
    /** Butterworth low-pass on the wet signal (highCutSlope's order), in Hz. The top of
        the range (20000 Hz) means off. The cutoff is kept below 0.45 x the
        sample rate at low session rates. */
    float highCutHz;
    /** Stereo width of the wet signal in percent (mid/side: side is scaled by
        width / 100): 0 is mono (L == R), 100 unchanged, 200 twice the side.
        Has no effect on a mono output. */
    float widthPercent;

    // Shaping (rebuild the IR) --------------------------------------------

    /** Removed from the start of the IR, in ms at the IR's own time scale
        (before stretching). The trimmed IR keeps at least one sample. */
    float trimStartMs;
    /** Removed from the end of the IR, in ms (before stretching). */
    float trimEndMs;
    /** Plays the (trimmed) IR backwards. */
    bool reverse;
    /** Length of the IR in percent of its original, by resampling it: 200 %
        doubles the reverb time (and lowers the IR's spectrum by an octave). */
    float stretchPercent;
    /** Scales the shaped IR so that its loudest path has an energy (sum of
        squares) of 1, so loud and quiet IRs come out at similar levels. */
    bool autoGain;
    /** zero: no added latency (partition ConvolverProcessor::zeroLatencyPartition).
        onePartition: the low-CPU mode, larger FFT partitions
        (ConvolverProcessor::lowCpuPartition) and that many samples of reported
        latency; the dry path is delayed by the same amount. */
    LatencyMode latencyMode;
    /** Gain of the IR itself in dB, after auto-gain: evens out IRs of one
        set, or lifts a quiet one with auto-gain off. */
    float irGainDb;
    /** What the IR's channels are (IrLayout.h): Auto takes what the file
        says, else true stereo for 4 channels (the historic reading). */
    IrLayout irLayout;
    /** The pattern of the virtual microphones a B-format IR is decoded
        with, in percent from omni (0) through cardioid (50) to figure-8
        (100): the decoder's omni share p is 1 - pattern / 100. */
    float micPatternPercent;
    /** The angle between the two virtual microphones, in degrees. */
    float micAngleDegrees;

    // Shaping: the IR's envelope (ir/IrEnvelope.h) ---------------------------

    /** Fade-in of the IR over this time (0: none), its curve from linear
        (attack shape 0 %) to exponential (100 %). */
    float attackMs;
    float attackShapePercent;
    /** The tail's reverberation time in percent of the IR's own (100: as it is). */
    float reverbTimePercent;
    /** The high band's reverberation time shortened to 1 - 0.8 x damping / 100
        of its own (0: off), above dampingHz. */
    float dampingPercent;
    float dampingHz;
    /** Levels of the IR's early part and its tail, split earlyLateSplitMs
        after the direct sound. */
    float earlyLevelDb;
    float lateLevelDb;
    float earlyLateSplitMs;

    // Equaliser (live, on the wet signal after the cuts: WetPostProcessor) -

    /** Steepness of the low cut and of the high cut. */
    CutSlope lowCutSlope;
    CutSlope highCutSlope;
    /** The four bands' analogue prototypes (EqualiserPrototype.h): a low
        shelf, two peaks and a high shelf, each a frequency in Hz, a gain in
        dB (0: the band is bypassed) and a Q. */
    float lowShelfHz;
    float lowShelfGainDb;
    float lowShelfQ;
    float peak1Hz;
    float peak1GainDb;
    float peak1Q;
    float peak2Hz;
    float peak2GainDb;
    float peak2Q;
    float highShelfHz;
    float highShelfGainDb;
    float highShelfQ;

    // The two IR slots (ir/IrSlotMix.h): shaping, folded into one kernel.

    /** Each slot's level in dB, polarity (inverted when true), delay in ms
        (fractional samples: a windowed-sinc delay of the IR) and pan in
        percent from -100 (left) to 100 (right); neutral at 0 dB, false,
        0 ms, 0 %. */
    float slotALevelDb;
    bool slotAInvert;
    float slotADelayMs;
    float slotAPanPercent;
    float slotBLevelDb;
    bool slotBInvert;
    float slotBDelayMs;
    float slotBPanPercent;
    /** 0 % only slot A, 50 % both at full level, 100 % only slot B
        (blendGains in ir/IrSlotMix.h); a slot alone plays whatever it is. */
    float slotBlendPercent;

    // Tempo-synced pre-delay (live: a change crossfades the delay tap) -----

    /** Time: the pre-delay is preDelayMs. Tempo: it is preDelayNote at the
        host's tempo (PreDelayTime.h). */
    PreDelaySync preDelaySync;
    NoteValue preDelayNote;

    // IR channels and length (shaping) -------------------------------------

    /** Which channels of the IR file play, before the layout reads them
        (ir/IrChannelSelection.h). */
    IrChannelSelection irChannel;
    /** The longest the shaped IR may be, in ms after the stretch, faded out
        over its last 10 ms (ir/IrLengthCap.h); the top of the range means
        no cap. */
    float maxIrLengthMs;

    // File sets, loudness and preview (issue 18; shaping) --------------------

    /** Levels the shaped IR by its loudness (the K-weighted energy of its
        response, ir/IrLoudnessMatch.h) instead of auto gain's energy, so
        that the wet signal is equally loud whichever IR plays. */
    bool loudnessMatch;
};

/** The layout settings of the IR chain (ir/IrLayout.h) from the parameters. */
[[nodiscard]] IrLayoutSettings irLayoutSettingsOf (const ProcessorParameters& parameters) noexcept;

/** Every field clamped to its range (NaN becomes the default). */
[[nodiscard]] ProcessorParameters clampedToRanges (const ProcessorParameters& parameters) noexcept;

} // namespace partita
