// SPDX-License-Identifier: GPL-3.0-or-later
#include "MeasurementSimulation.h"

#include "engine/RealFft.h"
#include "engine/WholeSignalConvolution.h"

#include <algorithm>
#include <random>

namespace partita::test
{

std::vector<double> simulateRecording (const std::vector<double>& excitation,
                                       const std::vector<double>& impulseResponse, const MeasurementChain& chain)
{
    std::vector<double> driven (excitation.size());
    std::transform (excitation.begin(), excitation.end(), driven.begin(),
                    [&chain] (double x) { return x + chain.secondOrder * x * x + chain.thirdOrder * x * x * x; });
    auto room = convolve<double> (driven, impulseResponse);

    std::vector<double> recording (excitation.size(), 0.0);
    for (std::size_t frame = chain.latencyFrames; frame < recording.size(); ++frame)
        recording[frame] = room[frame - chain.latencyFrames];

    if (chain.noiseRms > 0.0)
    {
        std::mt19937 generator (chain.noiseSeed);
        std::normal_distribution<double> noise (0.0, chain.noiseRms);
        for (auto& sample : recording)
            sample += noise (generator);
    }
    return recording;
}

std::vector<std::complex<double>> spectrumOf (const std::vector<double>& signal, std::size_t fftSize)
{
    RealFft<double> fft (fftSize);
    auto time = fft.timeData();
    std::fill (time.begin(), time.end(), 0.0);
    std::copy_n (signal.begin(), std::min (signal.size(), fftSize), time.begin());
    fft.forward();
    const auto bins = fft.spectrumData();
    return { bins.begin(), bins.end() };
}

namespace
{

template <typename Term>
double sumOverBand (std::size_t numBins, double sampleRate, std::size_t fftSize, double lowHz, double highHz, Term term)
{
    double sum = 0.0;
    for (std::size_t bin = 0; bin < numBins; ++bin)
    {
        const double f = static_cast<double> (bin) * sampleRate / static_cast<double> (fftSize);
        if (f >= lowHz && f <= highHz)
            sum += term (bin);
    }
    return sum;
}

} // namespace

double bandErrorDb (const std::vector<std::complex<double>>& estimate,
                    const std::vector<std::complex<double>>& reference, double sampleRate, std::size_t fftSize,
                    double lowHz, double highHz)
{
    const double error = sumOverBand (reference.size(), sampleRate, fftSize, lowHz, highHz,
                                      [&] (std::size_t bin) { return std::norm (estimate[bin] - reference[bin]); });
    return 10.0 * std::log10 (error / bandEnergy (reference, sampleRate, fftSize, lowHz, highHz));
}

double bandEnergy (const std::vector<std::complex<double>>& spectrum, double sampleRate, std::size_t fftSize,
                   double lowHz, double highHz)
{
    return sumOverBand (spectrum.size(), sampleRate, fftSize, lowHz, highHz,
                        [&] (std::size_t bin) { return std::norm (spectrum[bin]); });
}

} // namespace partita::test
