// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "EnergyDecayCurve.h"
#include "RoomAnalysisError.h"

#include <cstddef>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace partita
{

/** Which filter bank splits the IR: octaves 63 Hz to 8 kHz, or third octaves
    50 Hz to 10 kHz (IEC 61260-1 base-10 mid-band frequencies). */
enum class BandResolution
{
    octave,
    thirdOctave,
};

/** What the analysis is asked for. */
struct RoomAnalysisOptions
{
    BandResolution bands = BandResolution::octave;
    /** Points of each band's decay curve kept for drawing (RoomBandResult::curve),
        evenly spaced in time; 0 keeps none. */
    std::size_t curvePoints = 400;
    /** A T20 or T30 fit whose non-linearity parameter xi = 1000 (1 - r^2)
        exceeds this (in per mille) is flagged: ISO 3382-2, Annex B, takes
        more than 10 per mille as a curved decay whose time is questionable.
        (Not the EDT: the first 10 dB of a real room are curved, which is why
        EDT differs from T.) */
    double maximumNonLinearityPermille = 10.0;
};

/** A parameter that is either reliable or flagged with the reason. A flagged
    value may still hold the number computed (for a reader who wants to see
    it), or NaN when none could be computed. */
struct RoomValue
{
    double value = std::numeric_limits<double>::quiet_NaN();
    /** Empty when the value is reliable; else one short sentence why not
        ("decay range 38.2 dB < 45 dB needed"). */
    std::string flag;

    [[nodiscard]] bool reliable() const noexcept { return flag.empty(); }
};

/** A decay time (EDT, T20 or T30) with the line fitted to the decay curve. */
struct DecayTimeValue
{
    /** -60 / slope, in seconds; NaN when the curve does not cover the range. */
    double seconds = std::numeric_limits<double>::quiet_NaN();
    /** Empty when reliable; else why not (range, poor fit, no curve). */
    std::string flag;
    /** The fitted line: slope, intercept (dB at t = 0, the direct sound),
        correlation r and the range in dB and seconds; draw it as
        interceptDb + slopeDbPerSecond * t from fromSeconds to toSeconds. */
    DecayFit fit;

    [[nodiscard]] bool reliable() const noexcept { return flag.empty(); }
};

/** The energy decay curve kept for drawing: level in dB (0 dB = the band's
    total energy) against time in seconds from the direct sound. */
struct DecayCurveTrace
{
    std::vector<double> seconds;
    std::vector<double> decibels;
};

/** The ISO 3382-1 parameters of one band, or of the whole IR (broadband). */
struct RoomBandResult
{
    /** The exact mid-band frequency (base 10, IEC 61260-1); 0 for broadband. */
    double centreHz = 0.0;
    /** Its nominal name: "63", "1k", "12.5k", or "broadband". */
    std::string label;
    /** The band's -3 dB edges (0 and Nyquist for broadband). */
    double lowerEdgeHz = 0.0;
    double upperEdgeHz = 0.0;

    DecayTimeValue edt; // 0 to -10 dB
    DecayTimeValue t20; // -5 to -25 dB
    DecayTimeValue t30; // -5 to -35 dB

    RoomValue c50Db;             // early (0-50 ms) to late energy, dB
    RoomValue c80Db;             // early (0-80 ms) to late energy, dB
    RoomValue d50;               // early (0-50 ms) to total energy, 0..1
    RoomValue centreTimeSeconds; // Ts, the energy's first moment in time

    /** Peak of the short-time energy above the background noise, in dB
        (infinite when the IR ends in digital silence). */
    double peakToNoiseDb = 0.0;
    /** The background noise's level in dB relative to the peak short-time
        energy (-infinity for none). */
    double noiseFloorDb = 0.0;
    /** Where Lundeby's method found the decay meets the noise, in seconds
        from the direct sound (the integration's truncation point). */
    double truncationSeconds = 0.0;

    DecayCurveTrace curve;
};

/** The analysis of one IR channel (or the average over several). */
struct RoomAcousticResult
{
    double sampleRate = 0.0;
    /** Where the direct sound starts, in seconds from the file's start (ISO
        3382-1: where the IR first rises to 20 dB below its peak). Times in
        the bands are measured from here. */
    double directSoundSeconds = 0.0;
    /** Bands in rising frequency; those above 0.9 times Nyquist left out. */
    std::vector<RoomBandResult> bands;
    RoomBandResult broadband;
    /** Mid-band frequencies of the bands left out (above 0.9 x Nyquist). */
    std::vector<double> skippedBandsHz;
    /** Anything a reader should know about the whole IR ("3 bands above
        0.9 x Nyquist skipped: 8k, 10k, ..."). */
    std::vector<std::string> notes;
};

/** The ISO 3382-1 room-acoustic parameters of one IR channel per band and
    broadband: octave or third-octave filters to IEC 61260-1 class 1 applied
    time-reversed, Schroeder's backward integration with Lundeby's truncation
    and noise compensation (EnergyDecayCurve), EDT, T20, T30 with each fit's
    r, C50, C80, D50 and Ts, each flagged when the decay range or the fit
    does not support it. Throws RoomAnalysisError (a std::runtime_error) for
    an IR that cannot be analysed.

    Threading: a pure computation (allocates; call it off the audio thread). */
RoomAcousticResult analyseRoomAcoustics (std::span<const float> impulseResponse, double sampleRate,
                                         const RoomAnalysisOptions& options = {});

/** The ISO 3382-1 spatial average of several positions or channels analysed
    alike (same bands): each parameter the arithmetic mean of the channels'
    reliable values (flagged when none is reliable); the peak-to-noise ratio
    the lowest; the curves the mean in dB of the channels' curves. */
RoomAcousticResult averageRoomAcoustics (std::span<const RoomAcousticResult> channels);

} // namespace partita
