// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SweepBand.h"

#include <complex>
#include <cstddef>
#include <optional>
#include <vector>

namespace partita
{

/** The inverse of a sweep known only by its samples (one Partita did not
    make): regularised spectral division after Kirkeby,
    X*(f) / (|X(f)|^2 + eps(f)), with eps negligible (-90 dB re the
    spectrum's peak) inside the sweep's band and as large as the peak outside
    it, so that what lies outside the band (noise, the fades' leakage) is not
    amplified. The band is read from the sweep's spectrum, smoothed over a
    sixth of an octave and tilted by +3 dB per octave (which makes an
    exponential sweep's flat): where it stands within 30 dB of its maximum.

    The sweep's exponential rate L is estimated from its group delay
    (tau(f) = L ln f + c, least squares over the band), so that harmonic IRs
    can be found L ln(n) before the linear one; nullopt when the group delay
    is not logarithmic in frequency (a linear sweep, noise).

    Threading: immutable after construction. */
class RegularisedSweepInverse
{
public:
    /** Throws MeasurementError for a sweep that is empty or silent. */
    RegularisedSweepInverse (std::vector<double> sweep, double sampleRate);

    [[nodiscard]] std::size_t sweepFrames() const noexcept { return samples.size(); }
    [[nodiscard]] const SweepBand& band() const noexcept { return sweepBand; }
    [[nodiscard]] std::optional<double> rateSeconds() const noexcept { return exponentialRate; }

    /** The inverse at the bins of a real FFT of fftSize points (at least
        the sweep's length), so that the product with a recording's FFT,
        inverse-transformed and divided by fftSize, is the impulse response. */
    [[nodiscard]] std::vector<std::complex<double>> spectrum (std::size_t fftSize) const;

private:
    [[nodiscard]] std::vector<std::complex<double>> sweepSpectrum (std::size_t fftSize) const;

    std::vector<double> samples;
    double rate;
    SweepBand sweepBand;
    std::optional<double> exponentialRate;
};

} // namespace partita
