// SPDX-License-Identifier: GPL-3.0-or-later
#include "WetPathResponse.h"

#include "engine/RealFft.h"
#include "processor/Biquad.h"
#include "processor/EqualiserPrototype.h"
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

double toDb (double power)
{
    return std::max (-120.0, 10.0 * std::log10 (std::max (power, 1.0e-30)));
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

std::vector<double> WetPathResponse::filterPower (const ProcessorParameters& p, const std::vector<double>& at) const
{
    std::vector<BiquadCoefficients> sections;
    const auto addCut = [&] (float cutoff, CutSlope slope, bool highPass)
    {
        const auto order = butterworthOrder (slope);
        for (std::size_t index = 0; index < order / 2; ++index)
        {
            const auto q = butterworthSectionQ (order, index);
            sections.push_back (highPass ? highPassSection (cutoff, q, rate) : lowPassSection (cutoff, q, rate));
        }
    };
    if (!parameterRow ("lowCut").isOff (p.lowCutHz))
        addCut (p.lowCutHz, p.lowCutSlope, true);
    if (!parameterRow ("highCut").isOff (p.highCutHz))
        addCut (p.highCutHz, p.highCutSlope, false);

    const MatchedBiquadDesigner designer (rate);
    const auto addBand = [&] (EqualiserShape shape, float hz, float gainDb, float q)
    {
        if (gainDb != 0.0f)
            sections.push_back (equaliserSection (designer, shape, hz, gainDb, q));
    };
    addBand (EqualiserShape::lowShelf, p.lowShelfHz, p.lowShelfGainDb, p.lowShelfQ);
    addBand (EqualiserShape::peak, p.peak1Hz, p.peak1GainDb, p.peak1Q);
    addBand (EqualiserShape::peak, p.peak2Hz, p.peak2GainDb, p.peak2Q);
    addBand (EqualiserShape::highShelf, p.highShelfHz, p.highShelfGainDb, p.highShelfQ);

    std::vector<double> power (at.size(), 1.0);
    for (std::size_t i = 0; i < at.size(); ++i)
        for (const auto& section : sections)
            power[i] *= powerResponse (section, at[i], rate);
    return power;
}

std::vector<float> WetPathResponse::curveDb (const ProcessorParameters& parameters) const
{
    const std::vector<double> at (pointFrequencies.begin(), pointFrequencies.end());
    const auto filters = filterPower (parameters, at);
    const auto gain = std::pow (10.0, static_cast<double> (parameters.wetGainDb) / 10.0);
    std::vector<float> curve (at.size());
    for (std::size_t i = 0; i < curve.size(); ++i)
        curve[i] = static_cast<float> (toDb ((i < irPower.size() ? irPower[i] : 1.0) * gain * filters[i]));
    return curve;
}

std::vector<float> WetPathResponse::filterCurveDb (const ProcessorParameters& parameters) const
{
    const std::vector<double> at (pointFrequencies.begin(), pointFrequencies.end());
    const auto filters = filterPower (parameters, at);
    std::vector<float> curve (at.size());
    for (std::size_t i = 0; i < curve.size(); ++i)
        curve[i] = static_cast<float> (toDb (filters[i]));
    return curve;
}

double WetPathResponse::filterGainDb (const ProcessorParameters& parameters, double frequency) const
{
    return 10.0 * std::log10 (filterPower (parameters, { frequency }).front());
}

} // namespace partita
