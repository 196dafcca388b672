// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace partita
{

/** A straight line fitted to a stretch of a decay curve in dB. */
struct DecayFit
{
    /** False when the curve does not reach the range's lower end, or does not
        fall across it; the other fields are then 0. */
    bool valid = false;
    /** The fitted slope, in dB per second (negative for a decay). */
    double slopeDbPerSecond = 0.0;
    /** The time the fitted line takes to fall by 60 dB: -60 / slope. */
    double reverbTimeSeconds = 0.0;
    /** Pearson's correlation of level and time over the fitted stretch
        (ISO 3382-1 asks for -1 < r < -0.95 or better in practice). */
    double correlation = 0.0;
    /** The range fitted, in dB below the start of the curve (-5 and -35 for T30). */
    double fromDb = 0.0;
    double toDb = 0.0;
    /** The fitted line's level at the curve's t = 0, in dB: the line is
        interceptDb + slopeDbPerSecond * t. */
    double interceptDb = 0.0;
    /** The times (from the curve's start) where the curve first reaches
        fromDb and toDb: the stretch fitted. */
    double fromSeconds = 0.0;
    double toSeconds = 0.0;
};

/** Where a decay curve was truncated and how the decay went on past it
    (Lundeby's line): what a second curve of the same IR, faded by an
    envelope after which its noise is no longer stationary, needs in order
    to be integrated alike. */
struct DecayTail
{
    std::size_t truncationFrame = 0;
    /** The background noise's mean energy per frame, subtracted from every
        frame before the integration (Chu's correction, which Lundeby's
        truncation alone leaves out: near the noise it lengthens T30 by a
        few percent). */
    double noiseEnergyPerFrame = 0.0;
    /** The line's energy per frame at the truncation (0: none added). */
    double energyPerFrame = 0.0;
    double slopeDbPerSecond = 0.0;
};

/** The energy decay curve of an impulse response by Schroeder's backward
    integration (ISO 3382-1, 5.3.3), with the noise floor handled by
    Lundeby's method: the squared IR, averaged over short intervals, is fitted
    by a line in dB, the background noise is the mean of what follows the
    point where that line meets it, and the two are refined in turn (at most
    five times) until the crossing point stays put. The noise's mean energy is
    subtracted from every frame, the integral is truncated at the crossing
    and the energy the line would have had after it is added back, so
    neither the noise (which would bend the curve up) nor the truncation
    (which would bend it down) falsifies the slope.

    The analyser is given the energy, not the IR, so that a multichannel IR
    gives one curve (the energies of its channels summed) and one decay rate
    for all of them.

    Threading: immutable after construction; a pure computation. */
class EnergyDecayCurve
{
public:
    /** energy: squared samples (summed over channels) at sampleRate, from
        the start of the IR. Any length, also 0 or all zeros (no curve). */
    EnergyDecayCurve (std::span<const double> energy, double sampleRate);

    /** The curve of `energy` integrated up to tail.truncationFrame, plus the
        energy of the tail's line after it, without a search for the noise:
        for an IR changed by an envelope, with the original's tail faded by
        the same envelope. peakToNoiseDb is then infinite. */
    EnergyDecayCurve (std::span<const double> energy, double sampleRate, const DecayTail& tail);

    /** Where the decay met the noise and how it went on. */
    [[nodiscard]] const DecayTail& tail() const noexcept { return decayTail; }

    /** The curve in dB relative to the IR's total energy (0 dB at frame 0),
        one value per frame up to the truncation point; empty for silence. */
    [[nodiscard]] const std::vector<double>& decibels() const noexcept { return curve; }

    /** The peak of the short-time energy above the background noise, in dB
        (infinite for an IR that ends in digital silence). */
    [[nodiscard]] double peakToNoiseDb() const noexcept { return peakToNoise; }

    /** A least-squares line through the curve from where it first falls to
        fromDb to where it first falls to toDb (both negative, fromDb > toDb). */
    [[nodiscard]] DecayFit fit (double fromDb, double toDb) const;

    /** The reverberation time as ISO 3382-1 would give it: T30 (-5 to -35 dB)
        when the peak stands at least 45 dB above the noise, else T20 (-5 to
        -25 dB) when it stands 35 dB above it; invalid otherwise, or when the
        curve does not fall that far. */
    [[nodiscard]] DecayFit reverberationTime() const;

private:
    void integrate (std::span<const double> energy);

    DecayTail decayTail;
    std::vector<double> curve;
    double rate;
    double peakToNoise = 0.0;
};

} // namespace partita
