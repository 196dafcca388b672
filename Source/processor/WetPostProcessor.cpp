// SPDX-License-Identifier: GPL-3.0-or-later
#include "WetPostProcessor.h"

#include <cmath>

namespace partita
{

void WetPostProcessor::prepare (double rate, std::size_t channels, std::size_t rampSamples) noexcept
{
    sampleRate = rate;
    numChannels = channels < maxChannels ? channels : maxChannels;
    lowCut.isHighPass = true;
    highCut.isHighPass = false;
    for (auto* section : { &lowCut, &highCut })
    {
        section->log2Cutoff.setRampLength (rampSamples);
        section->amount.setRampLength (rampSamples);
    }
    width.setRampLength (rampSamples);
    reset();
}

void WetPostProcessor::setTargets (float lowCutHz, bool lowCutOff, float highCutHz, bool highCutOff,
                                   float widthPercent) noexcept
{
    lowCut.log2Cutoff.setTarget (std::log2 (lowCutHz));
    lowCut.amount.setTarget (lowCutOff ? 0.0f : 1.0f);
    highCut.log2Cutoff.setTarget (std::log2 (highCutHz));
    highCut.amount.setTarget (highCutOff ? 0.0f : 1.0f);
    width.setTarget (widthPercent / 100.0f);
}

void WetPostProcessor::reset() noexcept
{
    for (auto* section : { &lowCut, &highCut })
    {
        section->log2Cutoff.snapTo (section->log2Cutoff.targetValue());
        section->amount.snapTo (section->amount.targetValue());
        for (auto& filter : section->filters)
            filter.reset();
        updateCoefficients (*section, section->log2Cutoff.currentValue());
    }
    width.snapTo (width.targetValue());
}

void WetPostProcessor::process (const std::array<float*, maxChannels>& channels, std::size_t numSamples) noexcept
{
    processSection (lowCut, channels, numSamples);
    processSection (highCut, channels, numSamples);
    if (numChannels == 2)
        processWidth (channels, numSamples);
}

void WetPostProcessor::updateCoefficients (Section& section, float log2Cutoff) noexcept
{
    const double cutoff = std::exp2 (static_cast<double> (log2Cutoff));
    const auto coefficients =
        section.isHighPass ? butterworthHighPass (cutoff, sampleRate) : butterworthLowPass (cutoff, sampleRate);
    for (auto& filter : section.filters)
        filter.setCoefficients (coefficients);
}

void WetPostProcessor::processSection (Section& section, const std::array<float*, maxChannels>& channels,
                                       std::size_t numSamples) noexcept
{
    const bool bypassed = !section.amount.isSmoothing() && section.amount.currentValue() == 0.0f;
    if (bypassed)
    {
        // Keep the cutoff moving so that switching on starts from the right place.
        if (section.log2Cutoff.isSmoothing())
        {
            for (std::size_t n = 0; n < numSamples; ++n)
                section.log2Cutoff.next();
            updateCoefficients (section, section.log2Cutoff.currentValue());
        }
        for (auto& filter : section.filters)
            filter.reset();
        return;
    }

    const bool steady = !section.amount.isSmoothing() && !section.log2Cutoff.isSmoothing();
    if (steady)
    {
        // Fully on (amount is 1): plain filtering.
        for (std::size_t c = 0; c < numChannels; ++c)
        {
            auto& filter = section.filters[c];
            float* samples = channels[c];
            for (std::size_t n = 0; n < numSamples; ++n)
                samples[n] = filter.processSample (samples[n]);
        }
    }
    else
    {
        // Per sample, each sample computed exactly as the steady and bypassed
        // paths would once a ramp has ended, so that where a block boundary
        // falls never changes a bit of the output.
        for (std::size_t n = 0; n < numSamples; ++n)
        {
            if (section.log2Cutoff.isSmoothing())
                updateCoefficients (section, section.log2Cutoff.next());
            const float amount = section.amount.next();
            if (amount == 0.0f && !section.amount.isSmoothing())
            {
                for (auto& filter : section.filters)
                    filter.reset();
                continue;
            }
            for (std::size_t c = 0; c < numChannels; ++c)
            {
                const float dry = channels[c][n];
                const float filtered = section.filters[c].processSample (dry);
                channels[c][n] = amount == 1.0f ? filtered : dry + amount * (filtered - dry);
            }
        }
    }

    for (std::size_t c = 0; c < numChannels; ++c)
        section.filters[c].resetIfNotFinite();
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
