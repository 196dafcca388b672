// SPDX-License-Identifier: GPL-3.0-or-later
#include "EqualiserBand.h"

#include <cmath>

namespace partita
{

void EqualiserBand::prepare (double sampleRate, EqualiserShape bandShape, std::size_t channels,
                             std::size_t rampSamples) noexcept
{
    designer = MatchedBiquadDesigner (sampleRate);
    shape = bandShape;
    numChannels = channels < maxChannels ? channels : maxChannels;
    for (auto* smoother : { &log2Frequency, &gainDb, &log2Q, &amount })
        smoother->setRampLength (rampSamples);
    reset();
}

void EqualiserBand::setTarget (float frequencyHz, float gain, float q) noexcept
{
    log2Frequency.setTarget (std::log2 (frequencyHz));
    gainDb.setTarget (gain);
    log2Q.setTarget (std::log2 (q));
    amount.setTarget (gain == 0.0f ? 0.0f : 1.0f);
    if (settingsMove() && sectionIsFinal)
    {
        // A ramp starts: its first sample gets a new design.
        sectionIsFinal = false;
        samplesToUpdate = 0;
    }
}

void EqualiserBand::reset() noexcept
{
    for (auto* smoother : { &log2Frequency, &gainDb, &log2Q, &amount })
        smoother->snapTo (smoother->targetValue());
    for (auto& filter : filters)
        filter.reset();
    updateSection (0);
    sectionIsFinal = true;
    samplesToUpdate = 0;
}

bool EqualiserBand::settingsMove() const noexcept
{
    return log2Frequency.isSmoothing() || gainDb.isSmoothing() || log2Q.isSmoothing();
}

void EqualiserBand::updateSection (std::size_t glideSamples) noexcept
{
    const auto section = equaliserSection (
        designer, shape, std::exp2 (static_cast<double> (log2Frequency.currentValue())),
        static_cast<double> (gainDb.currentValue()), std::exp2 (static_cast<double> (log2Q.currentValue())));
    for (auto& filter : filters)
        filter.setSection (section, designer.sampleRate(), glideSamples);
}

void EqualiserBand::process (const std::array<float*, maxChannels>& channels, std::size_t numSamples) noexcept
{
    if (!amount.isSmoothing() && amount.currentValue() == 0.0f)
    {
        // At rest at 0 dB: nothing to hear, so the other settings may jump,
        // and the band starts again from its targets when its gain moves.
        if (settingsMove() || !sectionIsFinal)
        {
            for (auto* smoother : { &log2Frequency, &gainDb, &log2Q })
                smoother->snapTo (smoother->targetValue());
            updateSection (0);
            sectionIsFinal = true;
        }
        for (auto& filter : filters)
            filter.reset();
        return;
    }

    if (!amount.isSmoothing() && !settingsMove() && sectionIsFinal && !filters[0].isGliding())
    {
        for (std::size_t c = 0; c < numChannels; ++c)
        {
            auto& filter = filters[c];
            float* samples = channels[c];
            for (std::size_t n = 0; n < numSamples; ++n)
                samples[n] = filter.processSample (samples[n]);
            filter.resetIfNotFinite();
        }
        return;
    }

    for (std::size_t n = 0; n < numSamples; ++n)
    {
        log2Frequency.next();
        gainDb.next();
        log2Q.next();
        const bool settled = !settingsMove();
        if (samplesToUpdate == 0 && !sectionIsFinal)
        {
            // The filters glide to the design over the next interval: one
            // interval behind the settings, never stepping.
            updateSection (updateInterval);
            samplesToUpdate = updateInterval;
            sectionIsFinal = settled;
        }
        if (samplesToUpdate > 0)
            --samplesToUpdate;

        const float mix = amount.next();
        if (mix == 0.0f && !amount.isSmoothing())
        {
            for (auto& filter : filters)
                filter.reset();
            continue;
        }
        for (std::size_t c = 0; c < numChannels; ++c)
        {
            const float dry = channels[c][n];
            const float filtered = filters[c].processSample (dry);
            channels[c][n] = mix == 1.0f ? filtered : dry + mix * (filtered - dry);
        }
    }
    for (std::size_t c = 0; c < numChannels; ++c)
        filters[c].resetIfNotFinite();
}

} // namespace partita
