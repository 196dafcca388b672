// SPDX-License-Identifier: GPL-3.0-or-later
#include "DryWetPath.h"

#include "ParameterTable.h"
#include "PreDelayTime.h"

#include <algorithm>
#include <cmath>

namespace partita
{

namespace
{
float decibelsToGain (float decibels) noexcept
{
    return decibels == 0.0f ? 1.0f : std::pow (10.0f, decibels / 20.0f);
}

std::size_t secondsToSamples (double seconds, double sampleRate) noexcept
{
    return std::max<std::size_t> (1, static_cast<std::size_t> (std::llround (seconds * sampleRate)));
}
} // namespace

void DryWetPath::prepare (double sampleRate, std::size_t inputs, std::size_t outputs, std::size_t maxChunk,
                          std::size_t maxLatency, double smoothingSeconds, double preDelayFadeSeconds)
{
    rate = sampleRate;
    numInputs = inputs;
    numOutputs = outputs;
    history.prepare (numInputs, std::max (PreDelayTime::longestSamples (rate), maxLatency));
    for (auto* buffers : { &preDelayed, &dry })
        buffers->assign (numInputs, std::vector<float> (maxChunk, 0.0f));
    wet.assign (numOutputs, std::vector<float> (maxChunk, 0.0f));
    dryGains.assign (maxChunk, 0.0f);
    wetGains.assign (maxChunk, 0.0f);
    engineInputs = {};
    wetOutputs = {};
    for (std::size_t i = 0; i < numInputs; ++i)
        engineInputs[i] = preDelayed[i].data();
    for (std::size_t o = 0; o < numOutputs; ++o)
        wetOutputs[o] = wet[o].data();

    const auto rampLength = secondsToSamples (smoothingSeconds, rate);
    for (auto* smoother : { &mixAmount, &wetGain, &outputGain, &bypassAmount })
        smoother->setRampLength (rampLength);
    preDelayTap.setFadeLength (secondsToSamples (preDelayFadeSeconds, rate));
    post.prepare (rate, numOutputs, rampLength);
}

void DryWetPath::release()
{
    history.release();
    for (auto* buffers : { &preDelayed, &dry, &wet })
        buffers->clear();
    dryGains.clear();
    wetGains.clear();
    engineInputs = {};
    wetOutputs = {};
}

void DryWetPath::setTargets (const ProcessorParameters& p, bool bypassed, double beatsPerMinute) noexcept
{
    mixAmount.setTarget (p.mixPercent / 100.0f);
    wetGain.setTarget (decibelsToGain (p.wetGainDb));
    outputGain.setTarget (decibelsToGain (p.outputGainDb));
    bypassAmount.setTarget (bypassed ? 1.0f : 0.0f);
    preDelayTap.setTarget (PreDelayTime::samples (p, beatsPerMinute, rate));
    post.setTargets (p);
}

void DryWetPath::reset (const ProcessorParameters& parameters, double beatsPerMinute) noexcept
{
    history.clear();
    preDelayTap.jumpTo (PreDelayTime::samples (parameters, beatsPerMinute, rate));
    for (auto* smoother : { &mixAmount, &wetGain, &outputGain, &bypassAmount })
        smoother->snapTo (smoother->targetValue());
    post.reset();
}

void DryWetPath::readInputs (const float* const* channels, std::size_t offset, std::size_t numSamples,
                             const LatencyCrossfade& latency) noexcept
{
    for (std::size_t n = 0; n < numSamples; ++n)
    {
        for (std::size_t i = 0; i < numInputs; ++i)
            history.write (i, channels[i][offset + n]);

        const auto taps = preDelayTap.next();
        const float dryGain = latency.from == latency.to ? 1.0f : latency.gainAt (n);
        for (std::size_t i = 0; i < numInputs; ++i)
        {
            preDelayed[i][n] = taps.toGain == 1.0f ? history.read (i, taps.to)
                                                   : history.read (i, taps.from) * (1.0f - taps.toGain)
                                                         + history.read (i, taps.to) * taps.toGain;
            dry[i][n] = dryGain == 1.0f ? history.read (i, latency.to)
                                        : history.read (i, latency.from) * (1.0f - dryGain)
                                              + history.read (i, latency.to) * dryGain;
        }
        history.advance();
    }
}

void DryWetPath::addToEngineInput (std::span<const float> signal) noexcept
{
    for (std::size_t i = 0; i < numInputs; ++i)
        for (std::size_t n = 0; n < signal.size(); ++n)
            preDelayed[i][n] += signal[n];
}

void DryWetPath::writeOutputs (float* const* channels, std::size_t offset, std::size_t numSamples) noexcept
{
    post.process ({ wet[0].data(), numOutputs > 1 ? wet[1].data() : nullptr }, numSamples);
    mix (channels, offset, numSamples);
}

void DryWetPath::mix (float* const* channels, std::size_t offset, std::size_t numSamples) noexcept
{
    for (std::size_t n = 0; n < numSamples; ++n)
    {
        const float m = mixAmount.next();
        const float wetLevel = wetGain.next();
        const float out = outputGain.next();
        // Bypassed: the dry input alone, at unity, still delayed by the
        // latency, so that a host's delay compensation stays right.
        const float bypass = bypassAmount.next();
        dryGains[n] = out * (1.0f - m) * (1.0f - bypass) + bypass;
        wetGains[n] = out * m * wetLevel * (1.0f - bypass);
    }

    for (std::size_t o = 0; o < numOutputs; ++o)
    {
        const float* drySignal = dry[numInputs == 1 ? 0 : o].data();
        const float* wetSignal = wet[o].data();
        float* output = channels[o] + offset;
        for (std::size_t n = 0; n < numSamples; ++n)
        {
            // A silent dry path must not let non-finite dry input through.
            const float dryPart = dryGains[n] == 0.0f ? 0.0f : dryGains[n] * drySignal[n];
            output[n] = dryPart + wetGains[n] * wetSignal[n];
        }
    }
}

} // namespace partita
