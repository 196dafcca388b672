// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <complex>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace partita::test
{

/** How a simulated measurement chain treats the sweep: a memoryless
    polynomial y = x + a2 x^2 + a3 x^3 (the loudspeaker), the room's IR after
    `latencyFrames` of delay, then white Gaussian noise of the given RMS. */
struct MeasurementChain
{
    double secondOrder = 0.0;
    double thirdOrder = 0.0;
    std::size_t latencyFrames = 0;
    double noiseRms = 0.0;
    std::uint32_t noiseSeed = 1;
};

/** The recording of `excitation` through `chain` and `impulseResponse`, as
    long as the excitation (the sweep file's silences hold the decay). */
std::vector<double> simulateRecording (const std::vector<double>& excitation,
                                       const std::vector<double>& impulseResponse, const MeasurementChain& chain);

/** The spectra of two signals at the same size (zero-padded), for
    comparisons in the frequency domain. */
std::vector<std::complex<double>> spectrumOf (const std::vector<double>& signal, std::size_t fftSize);

/** 10 log10 of sum |E - R|^2 / sum |R|^2 over the bins from lowHz to highHz:
    how far an estimate is from a reference in that band, in dB. */
double bandErrorDb (const std::vector<std::complex<double>>& estimate,
                    const std::vector<std::complex<double>>& reference, double sampleRate, std::size_t fftSize,
                    double lowHz, double highHz);

/** The band-limited energy of a spectrum between lowHz and highHz. */
double bandEnergy (const std::vector<std::complex<double>>& spectrum, double sampleRate, std::size_t fftSize,
                   double lowHz, double highHz);

} // namespace partita::test
