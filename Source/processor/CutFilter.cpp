// SPDX-License-Identifier: GPL-3.0-or-later
#include "CutFilter.h"

#include <cmath>

namespace partita
{

void CutFilter::prepare (double rate, Kind filterKind, std::size_t channels, std::size_t rampSamples) noexcept
{
    sampleRate = rate;
    kind = filterKind;
    numChannels = channels < maxChannels ? channels : maxChannels;
    log2Cutoff.setRampLength (rampSamples);
    amount.setRampLength (rampSamples);
    for (auto& section : sections)
    {
        section.qMove.setRampLength (rampSamples);
        section.amount.setRampLength (rampSamples);
    }
    reset();
}

void CutFilter::setTarget (float cutoffHz, bool off, CutSlope slope) noexcept
{
    log2Cutoff.setTarget (std::log2 (cutoffHz));
    amount.setTarget (off ? 0.0f : 1.0f);

    const auto order = butterworthOrder (slope);
    for (std::size_t index = 0; index < maxSections; ++index)
    {
        auto& section = sections[index];
        const bool used = index < order / 2;
        section.amount.setTarget (used ? 1.0f : 0.0f);
        if (!used)
            continue;
        const double q = butterworthSectionQ (order, index);
        if (section.isOut())
        {
            // Unheard: it comes in with its new Q.
            section.qFrom = section.qTo = q;
            section.qMove.snapTo (1.0f);
            updateCoefficients (section);
        }
        else if (q != section.qTo)
        {
            section.qFrom = section.q();
            section.qTo = q;
            section.qMove.snapTo (0.0f);
            section.qMove.setTarget (1.0f);
        }
    }
}

void CutFilter::reset() noexcept
{
    log2Cutoff.snapTo (log2Cutoff.targetValue());
    amount.snapTo (amount.targetValue());
    for (auto& section : sections)
    {
        section.qMove.snapTo (1.0f);
        section.qFrom = section.qTo;
        section.amount.snapTo (section.amount.targetValue());
        for (auto& filter : section.filters)
            filter.reset();
        updateCoefficients (section);
    }
}

bool CutFilter::sectionsMove() const noexcept
{
    for (const auto& section : sections)
        if (section.qMove.isSmoothing() || section.amount.isSmoothing())
            return true;
    return false;
}

void CutFilter::updateCoefficients (Section& section) noexcept
{
    if (section.qTo == 0.0)
        return; // never used yet
    const double cutoff = std::exp2 (static_cast<double> (log2Cutoff.currentValue()));
    const auto coefficients = kind == Kind::highPass ? highPassSection (cutoff, section.q(), sampleRate)
                                                     : lowPassSection (cutoff, section.q(), sampleRate);
    for (auto& filter : section.filters)
        filter.setCoefficients (coefficients);
}

void CutFilter::process (const std::array<float*, maxChannels>& channels, std::size_t numSamples) noexcept
{
    const bool bypassed = !amount.isSmoothing() && amount.currentValue() == 0.0f;
    if (bypassed)
    {
        // Keep the cutoff moving and the sections settled, so that
        // switching on starts from the right place.
        const bool cutoffMoves = log2Cutoff.isSmoothing();
        for (std::size_t n = 0; n < numSamples && cutoffMoves; ++n)
            log2Cutoff.next();
        for (auto& section : sections)
        {
            if (cutoffMoves || section.qMove.isSmoothing())
            {
                section.qMove.snapTo (1.0f);
                updateCoefficients (section);
            }
            section.amount.snapTo (section.amount.targetValue());
            for (auto& filter : section.filters)
                filter.reset();
        }
        return;
    }

    if (!amount.isSmoothing() && !log2Cutoff.isSmoothing() && !sectionsMove())
    {
        // Fully on: plain filtering through the sections in the cascade.
        for (auto& section : sections)
        {
            if (section.isOut())
                continue;
            for (std::size_t c = 0; c < numChannels; ++c)
            {
                auto& filter = section.filters[c];
                float* samples = channels[c];
                for (std::size_t n = 0; n < numSamples; ++n)
                    samples[n] = filter.processSample (samples[n]);
            }
        }
    }
    else
    {
        // Per sample, each sample computed exactly as the steady and
        // bypassed paths would once a ramp has ended, so that where a block
        // boundary falls never changes a bit of the output.
        for (std::size_t n = 0; n < numSamples; ++n)
        {
            const bool cutoffMoved = log2Cutoff.isSmoothing();
            if (cutoffMoved)
                log2Cutoff.next();
            processSample (n, channels, cutoffMoved);
        }
    }

    for (auto& section : sections)
        for (std::size_t c = 0; c < numChannels; ++c)
            section.filters[c].resetIfNotFinite();
}

void CutFilter::processSample (std::size_t n, const std::array<float*, maxChannels>& channels,
                               bool cutoffMoved) noexcept
{
    for (auto& section : sections)
    {
        const bool qMoved = section.qMove.isSmoothing();
        if (qMoved)
            section.qMove.next();
        if (cutoffMoved || qMoved)
            updateCoefficients (section);
    }

    const float mix = amount.next();
    if (mix == 0.0f && !amount.isSmoothing())
    {
        for (auto& section : sections)
        {
            section.amount.snapTo (section.amount.targetValue());
            for (auto& filter : section.filters)
                filter.reset();
        }
        return;
    }

    for (std::size_t c = 0; c < numChannels; ++c)
    {
        const float dry = channels[c][n];
        float wet = dry;
        for (auto& section : sections)
        {
            if (section.isOut())
                continue;
            const float in = wet;
            const float filtered = section.filters[c].processSample (in);
            const float part = section.amount.currentValue();
            wet = part == 1.0f ? filtered : in + part * (filtered - in);
        }
        channels[c][n] = mix == 1.0f ? wet : dry + mix * (wet - dry);
    }
    for (auto& section : sections)
    {
        if (section.amount.isSmoothing())
        {
            section.amount.next();
            if (section.isOut())
                for (auto& filter : section.filters)
                    filter.reset();
        }
    }
}

} // namespace partita
