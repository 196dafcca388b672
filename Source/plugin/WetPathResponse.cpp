// SPDX-License-Identifier: GPL-3.0-or-later
#include "WetPathResponse.h"

#include "engine/RealFft.h"
#include "processor/Biquad.h"
#include "processor/ParameterTable.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>

namespace partita
{
namespace
{
/** IRs longer than this are cut for the plot; their tails are far below the
    head and do not change a 1/6-octave curve visibly. */
constexpr std::size_t maxFftSize = std::size_t { 1 } << 21;

double powerOf (const BiquadCoefficients& c, double frequency, double sampleRate)
{
    const auto w = 2.0 * std::numbers::pi * frequency / sampleRate;
    const std::complex<double> z1 = std::polar (1.0, -w);
    const auto z2 = z1 * z1;
    const auto h = (c.b0 + c.b1 * z1 + c.b2 * z2) / (1.0 + c.a1 * z1 + c.a2 * z2);
    return std::norm (h);
}

std::size_t fftSizeFor (std::size_t length)
{
    std::size_t size = 4096;
    while (size < length && size < maxFftSize)
        size *= 2;
    return size;
}
} // namespace

void WetPathResponse::setImpulseResponse (const std::vector<std::vector<float>>& channels, double sampleRate)
{
    rate = sampleRate > 0.0 ? sampleRate : 48000.0;
    const double top = std::min (20000.0, 0.5 * rate);
    pointFrequencies.assign (numPoints, 0.0f);
    for (std::size_t i = 0; i < numPoints; ++i)
        pointFrequencies[i] = static_cast<float> (
            20.0 * std::pow (top / 20.0, static_cast<double> (i) / static_cast<double> (numPoints - 1)));

    irPower.assign (numPoints, 1.0);
    const auto length = channels.empty() ? std::size_t { 0 } : channels.front().size();
    if (length == 0)
        return;

    const auto size = fftSizeFor (length);
    RealFft<double> fft (size);
    std::vector<double> power (fft.numBins(), 0.0);
    for (const auto& channel : channels)
    {
        auto time = fft.timeData();
        std::fill (time.begin(), time.end(), 0.0);
        const auto used = std::min (channel.size(), size);
        std::copy (channel.begin(), channel.begin() + static_cast<std::ptrdiff_t> (used), time.begin());
        fft.forward();
        const auto spectrum = fft.spectrumData();
        for (std::size_t bin = 0; bin < power.size(); ++bin)
            power[bin] += std::norm (spectrum[bin]) / static_cast<double> (channels.size());
    }

    // 1/6 octave around each point; the nearest bin where the band holds none.
    const auto binHz = rate / static_cast<double> (size);
    const auto halfBand = std::pow (2.0, 1.0 / 12.0);
    for (std::size_t i = 0; i < numPoints; ++i)
    {
        const double centre = pointFrequencies[i];
        const auto first = static_cast<std::size_t> (std::ceil (centre / halfBand / binHz));
        const auto last =
            std::min (power.size() - 1, static_cast<std::size_t> (std::floor (centre * halfBand / binHz)));
        double sum = 0.0;
        std::size_t count = 0;
        for (auto bin = first; bin <= last; ++bin, ++count)
            sum += power[bin];
        irPower[i] = count > 0
                         ? sum / static_cast<double> (count)
                         : power[std::min (power.size() - 1, static_cast<std::size_t> (std::lround (centre / binHz)))];
    }
}

std::vector<float> WetPathResponse::curveDb (float lowCutHz, float highCutHz, float wetGainDb) const
{
    const bool lowCutOn = lowCutHz > parameterRow ("lowCut").range.minimum;
    const bool highCutOn = highCutHz < parameterRow ("highCut").range.maximum;
    const auto lowCut = butterworthHighPass (lowCutHz, rate);
    const auto highCut = butterworthLowPass (highCutHz, rate);
    const auto gain = std::pow (10.0, static_cast<double> (wetGainDb) / 10.0);

    std::vector<float> curve (pointFrequencies.size());
    for (std::size_t i = 0; i < curve.size(); ++i)
    {
        double power = (i < irPower.size() ? irPower[i] : 1.0) * gain;
        if (lowCutOn)
            power *= powerOf (lowCut, pointFrequencies[i], rate);
        if (highCutOn)
            power *= powerOf (highCut, pointFrequencies[i], rate);
        curve[i] = static_cast<float> (std::max (-120.0, 10.0 * std::log10 (std::max (power, 1.0e-30))));
    }
    return curve;
}

} // namespace partita
