// SPDX-License-Identifier: GPL-3.0-or-later
#include "RegularisedSweepInverse.h"

#include "FftSize.h"
#include "MeasurementError.h"
#include "engine/RealFft.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace partita
{
namespace
{

/** The power spectrum averaged over a sixth of an octave around each bin
    (a twelfth on each side), from prefix sums. */
std::vector<double> smoothedPower (const std::vector<std::complex<double>>& spectrum)
{
    std::vector<double> prefix (spectrum.size() + 1, 0.0);
    for (std::size_t bin = 0; bin < spectrum.size(); ++bin)
        prefix[bin + 1] = prefix[bin] + std::norm (spectrum[bin]);

    const double halfWidth = std::exp2 (1.0 / 12.0);
    std::vector<double> smoothed (spectrum.size(), 0.0);
    for (std::size_t bin = 1; bin < spectrum.size(); ++bin)
    {
        const auto low = std::min (bin, static_cast<std::size_t> (std::floor (static_cast<double> (bin) / halfWidth)));
        const auto high = std::clamp (static_cast<std::size_t> (std::ceil (static_cast<double> (bin) * halfWidth)), bin,
                                      spectrum.size() - 1);
        smoothed[bin] = (prefix[high + 1] - prefix[low]) / static_cast<double> (high + 1 - low);
    }
    return smoothed;
}

} // namespace

RegularisedSweepInverse::RegularisedSweepInverse (std::vector<double> sweep, double sampleRate)
    : samples (std::move (sweep))
    , rate (sampleRate)
{
    if (samples.size() < 64)
        throw MeasurementError ("the sweep is too short (" + std::to_string (samples.size()) + " frames)");
    double peak = 0.0;
    for (const double sample : samples)
        peak = std::max (peak, std::abs (sample));
    if (!(peak > 1.0e-5))
        throw MeasurementError ("the sweep is silent");
    // A sweep file's trailing silence is no part of the sweep (the leading
    // one is: it sets the IR's time zero).
    while (std::abs (samples.back()) < peak * 1.0e-5)
        samples.pop_back();

    const auto fftSize = fastFftSize (2 * samples.size());
    const auto spectrum = sweepSpectrum (fftSize);
    const auto smoothed = smoothedPower (spectrum);
    const double binHz = rate / static_cast<double> (fftSize);

    // The band: where the smoothed spectrum, tilted by +3 dB per octave
    // (times f, which makes an exponential sweep's 1 / f spectrum flat),
    // stands within 30 dB of its peak. Without the tilt a threshold low
    // enough for the top of a wide sweep would take in the leakage of its
    // fade-in below the start.
    std::vector<double> tilted (smoothed.size());
    double peakTilted = 0.0;
    for (std::size_t bin = 0; bin < smoothed.size(); ++bin)
    {
        tilted[bin] = smoothed[bin] * static_cast<double> (bin);
        peakTilted = std::max (peakTilted, tilted[bin]);
    }
    const double threshold = peakTilted * 1.0e-3;
    std::size_t lowBin = 0;
    std::size_t highBin = 0;
    for (std::size_t bin = 1; bin < tilted.size(); ++bin)
        if (tilted[bin] >= threshold)
        {
            lowBin = lowBin == 0 ? bin : lowBin;
            highBin = bin;
        }
    sweepBand = SweepBand { static_cast<double> (lowBin) * binHz, static_cast<double> (highBin) * binHz, rate };

    // The group delay between neighbouring bins, -d(phase)/d(omega): with the
    // transform at least twice the sweep's length it lies in [0, fftSize / rate)
    // without ambiguity. Fitted against ln f over the band's inner part, on
    // points spaced evenly in ln f so that the top octaves do not dominate.
    const double fitLow = std::max (sweepBand.lowHz * 4.0, binHz * 64.0);
    const double fitHigh = sweepBand.highHz / 2.0;
    if (fitHigh > fitLow * 2.0)
    {
        std::vector<double> logFrequencies;
        std::vector<double> delays;
        constexpr std::size_t points = 200;
        for (std::size_t point = 0; point < points; ++point)
        {
            const double f =
                fitLow * std::pow (fitHigh / fitLow, static_cast<double> (point) / static_cast<double> (points - 1));
            // The phase step averaged over neighbouring bins, which the
            // spectrum's Fresnel ripple would otherwise make noisy.
            const auto centre = static_cast<std::size_t> (std::lround (f / binHz));
            std::complex<double> sum;
            for (auto bin = centre - 16; bin < centre + 16; ++bin)
                sum += spectrum[bin + 1] * std::conj (spectrum[bin]);
            double step = -std::arg (sum);
            if (step < 0.0)
                step += 2.0 * std::numbers::pi;
            logFrequencies.push_back (std::log (f));
            delays.push_back (step / (2.0 * std::numbers::pi * binHz));
        }
        const double n = static_cast<double> (points);
        double sumX = 0.0, sumY = 0.0, sumXX = 0.0, sumXY = 0.0;
        for (std::size_t point = 0; point < points; ++point)
        {
            sumX += logFrequencies[point];
            sumY += delays[point];
            sumXX += logFrequencies[point] * logFrequencies[point];
            sumXY += logFrequencies[point] * delays[point];
        }
        const double slope = (n * sumXY - sumX * sumY) / (n * sumXX - sumX * sumX);
        const double intercept = (sumY - slope * sumX) / n;
        double squaredResidual = 0.0;
        for (std::size_t point = 0; point < points; ++point)
        {
            const double residual = delays[point] - (intercept + slope * logFrequencies[point]);
            squaredResidual += residual * residual;
        }
        const double duration = static_cast<double> (samples.size()) / rate;
        // An exponential sweep's delays lie on the line to a few samples; a
        // linear sweep's or noise's miss it by a good part of the duration.
        if (slope > 0.0 && std::sqrt (squaredResidual / n) < 0.01 * duration)
            exponentialRate = slope;
    }
}

std::vector<std::complex<double>> RegularisedSweepInverse::sweepSpectrum (std::size_t fftSize) const
{
    RealFft<double> fft (fftSize);
    auto time = fft.timeData();
    std::fill (time.begin(), time.end(), 0.0);
    std::copy (samples.begin(), samples.end(), time.begin());
    fft.forward();
    const auto bins = fft.spectrumData();
    return { bins.begin(), bins.end() };
}

std::vector<std::complex<double>> RegularisedSweepInverse::spectrum (std::size_t fftSize) const
{
    auto inverse = sweepSpectrum (fftSize);
    double peakPower = 0.0;
    for (const auto& bin : inverse)
        peakPower = std::max (peakPower, std::norm (bin));

    const double binHz = rate / static_cast<double> (fftSize);
    for (std::size_t bin = 0; bin < inverse.size(); ++bin)
    {
        // eps goes from -90 dB re the peak inside the band to 0 dB outside,
        // along the band's raised-cosine skirts (in dB).
        const double weight = sweepBand.weightAt (static_cast<double> (bin) * binHz);
        const double regularisation = peakPower * std::pow (10.0, -9.0 * weight);
        inverse[bin] = std::conj (inverse[bin]) / (std::norm (inverse[bin]) + regularisation);
    }
    return inverse;
}

} // namespace partita
