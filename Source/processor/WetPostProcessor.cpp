// SPDX-License-Identifier: GPL-3.0-or-later
#include "WetPostProcessor.h"

#include "ParameterTable.h"

namespace partita
{
namespace
{
constexpr std::array<EqualiserShape, WetPostProcessor::numBands> bandShapes {
    EqualiserShape::lowShelf, EqualiserShape::peak, EqualiserShape::peak, EqualiserShape::highShelf
};
} // namespace

void WetPostProcessor::prepare (double rate, std::size_t channels, std::size_t rampSamples) noexcept
{
    numChannels = channels < maxChannels ? channels : maxChannels;
    lowCut.prepare (rate, CutFilter::Kind::highPass, numChannels, rampSamples);
    highCut.prepare (rate, CutFilter::Kind::lowPass, numChannels, rampSamples);
    for (std::size_t band = 0; band < numBands; ++band)
        bands[band].prepare (rate, bandShapes[band], numChannels, rampSamples);
    width.setRampLength (rampSamples);
    reset();
}

void WetPostProcessor::setTargets (const ProcessorParameters& p) noexcept
{
    lowCut.setTarget (p.lowCutHz, parameterRow ("lowCut").isOff (p.lowCutHz), p.lowCutSlope);
    highCut.setTarget (p.highCutHz, parameterRow ("highCut").isOff (p.highCutHz), p.highCutSlope);
    bands[0].setTarget (p.lowShelfHz, p.lowShelfGainDb, p.lowShelfQ);
    bands[1].setTarget (p.peak1Hz, p.peak1GainDb, p.peak1Q);
    bands[2].setTarget (p.peak2Hz, p.peak2GainDb, p.peak2Q);
    bands[3].setTarget (p.highShelfHz, p.highShelfGainDb, p.highShelfQ);
    width.setTarget (p.widthPercent / 100.0f);
}

void WetPostProcessor::reset() noexcept
{
    lowCut.reset();
    highCut.reset();
    for (auto& band : bands)
        band.reset();
    width.snapTo (width.targetValue());
}

void WetPostProcessor::process (const std::array<float*, maxChannels>& channels, std::size_t numSamples) noexcept
{
    lowCut.process (channels, numSamples);
    highCut.process (channels, numSamples);
    for (auto& band : bands)
        band.process (channels, numSamples);
    if (numChannels == 2)
        processWidth (channels, numSamples);
}

void WetPostProcessor::processWidth (const std::array<float*, maxChannels>& channels, std::size_t numSamples) noexcept
{
    if (!width.isSmoothing() && width.currentValue() == 1.0f)
        return;

    float* left = channels[0];
    float* right = channels[1];
    for (std::size_t n = 0; n < numSamples; ++n)
    {
        const float w = width.next();
        if (w == 1.0f)
            continue; // as the unsmoothed path, bit for bit
        const float mid = 0.5f * (left[n] + right[n]);
        const float side = 0.5f * (left[n] - right[n]) * w;
        left[n] = mid + side;
        right[n] = mid - side;
    }
}

} // namespace partita
