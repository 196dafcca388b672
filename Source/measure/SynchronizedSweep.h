// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SweepSpec.h"
#include "io/AudioClip.h"

#include <complex>
#include <cstddef>
#include <vector>

namespace partita
{

/** The synchronized swept sine of Novak, Simon and Lotton (JAES 63(10), 2015):
    x(t) = A sin(2 pi f1 L (exp(t / L) - 1)) with L = round(T f1 / ln(f2 / f1)) / f1,
    so that f1 L is a whole number. Then sin(n phi(t)) = sin(phi(t + L ln n)):
    the n-th harmonic of any memoryless distortion is the sweep itself, L ln(n)
    earlier, and deconvolution puts its impulse response exactly L ln(n)
    before the linear one, with a known phase.

    The sweep lasts T' = L ln(f2 / f1) (the synchronized duration), is faded in
    over whole periods of f1 and faded out briefly (see SweepSpec), and is
    followed by the silence. Its inverse filter is analytic (Novak 2015,
    eq. 42): 1 / X(f) with X(f) = A/2 sqrt(L / f) exp(j (2 pi f L (1 - ln(f / f1)) - pi / 4)),
    band-limited to [f1, f2] with raised-cosine skirts outside that range.

    Threading: immutable after construction; a pure computation. */
class SynchronizedSweep
{
public:
    /** Throws MeasurementError (one line) for a spec out of range: f1 <= 0,
        f2 <= f1, f2 above Nyquist, a duration under 0.1 s or over 600 s,
        a rate outside 8 kHz to 768 kHz, a level above 0 dBFS, no repeats or
        no channels, a negative fade or silence, fades longer than the sweep. */
    explicit SynchronizedSweep (const SweepSpec& spec);

    [[nodiscard]] const SweepSpec& spec() const noexcept { return sweepSpec; }

    /** The rate of the exponential, L, in seconds. */
    [[nodiscard]] double rateSeconds() const noexcept { return rate; }
    /** The synchronized duration of one sweep, L ln(f2 / f1). */
    [[nodiscard]] double durationSeconds() const noexcept;
    /** Frames of one sweep (the synchronized duration, rounded up). */
    [[nodiscard]] std::size_t sweepFrames() const noexcept { return numSweepFrames; }
    /** Frames from one sweep's start to the next's: the sweep and its silence. */
    [[nodiscard]] std::size_t periodFrames() const noexcept { return numPeriodFrames; }
    /** Frames of the whole signal: repeats periods. */
    [[nodiscard]] std::size_t totalFrames() const noexcept { return numPeriodFrames * sweepSpec.repeats; }
    /** The peak amplitude A, from levelDbfs. */
    [[nodiscard]] double amplitude() const noexcept { return peak; }
    /** How far before the linear impulse response the n-th harmonic's lies:
        L ln(n) seconds (n >= 1). */
    [[nodiscard]] double harmonicOffsetSeconds (int harmonic) const noexcept;

    /** One sweep, faded, at the spec's level: sweepFrames() samples. */
    [[nodiscard]] std::vector<double> generateSweep() const;
    /** The whole signal: every repeat and its silence, in every channel. */
    [[nodiscard]] AudioClip generate() const;

    /** The analytic inverse filter at the bins of a real FFT of fftSize
        points at the spec's rate (fftSize / 2 + 1 values), scaled so that
        multiplying the FFT of a recording by it and inverse-transforming
        (divided by fftSize) gives the impulse response in the recording's
        units, its time zero at the sweep's start. Band-limited to the sweep's
        range (see the class comment). */
    [[nodiscard]] std::vector<std::complex<double>> inverseSpectrum (std::size_t fftSize) const;

private:
    SweepSpec sweepSpec;
    double rate = 0.0;
    double peak = 0.0;
    std::size_t numSweepFrames = 0;
    std::size_t numPeriodFrames = 0;
};

} // namespace partita
