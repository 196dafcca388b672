// SPDX-License-Identifier: GPL-3.0-or-later
#include "IrSlotMix.h"

#include "FractionalDelay.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>
#include <vector>

namespace partita
{

namespace
{
void scale (std::vector<double>& channel, double gain)
{
    for (auto& sample : channel)
        sample *= gain;
}

/** Which channel of the target wiring carries which channel of a slot: for
    each target channel, the slot's channel (or none: silence). Empty when
    some path of the slot has no channel of its own in the target, or one
    target channel would have to carry two different ones. */
using ChannelMap = std::vector<std::optional<std::size_t>>;

std::optional<ChannelMap> mapChannels (std::size_t fromChannels, std::size_t targetChannels, const SlotRouting& routing)
{
    const auto from = findRoutingLayout (routing.numInputs, routing.numOutputs, fromChannels, routing.meaning);
    const auto target = findRoutingLayout (routing.numInputs, routing.numOutputs, targetChannels, routing.meaning);
    if (!from.has_value() || !target.has_value())
        return std::nullopt;

    std::vector<std::optional<std::optional<std::size_t>>> chosen (targetChannels);
    for (std::size_t input = 0; input < routing.numInputs; ++input)
        for (std::size_t output = 0; output < routing.numOutputs; ++output)
        {
            const auto source = irChannelForPath (*from, input, output, routing.numOutputs, fromChannels);
            const auto carrier = irChannelForPath (*target, input, output, routing.numOutputs, targetChannels);
            if (!carrier.has_value())
            {
                if (source.has_value())
                    return std::nullopt;
                continue;
            }
            if (!chosen[*carrier].has_value())
                chosen[*carrier] = source;
            else if (*chosen[*carrier] != source)
                return std::nullopt;
        }

    ChannelMap map (targetChannels);
    for (std::size_t c = 0; c < targetChannels; ++c)
        map[c] = chosen[c].value_or (std::nullopt);
    return map;
}

void addMapped (AudioClip& sum, const AudioClip& slot, const ChannelMap& map)
{
    for (std::size_t c = 0; c < map.size(); ++c)
        if (map[c].has_value())
        {
            const auto& channel = slot.channels[*map[c]];
            for (std::size_t n = 0; n < channel.size(); ++n)
                sum.channels[c][n] += channel[n];
        }
}

/** Independent channels beyond the outputs are left out, as the routing of
    a single IR leaves them (ConvolverInstance.cpp). */
AudioClip withRoutableChannels (const AudioClip& slot, const SlotRouting& routing)
{
    auto routable = slot;
    if (routing.meaning == IrChannelMeaning::independent && routable.numChannels() > routing.numOutputs
        && (routing.numInputs == 1 || routing.numInputs == routing.numOutputs))
        routable.channels.resize (routing.numOutputs);
    return routable;
}
} // namespace

SlotBlendGains blendGains (double blendPercent, bool hasSlotA, bool hasSlotB) noexcept
{
    if (!hasSlotA || !hasSlotB)
        return {};
    const double b = std::clamp (blendPercent / 100.0, 0.0, 1.0);
    return { std::min (1.0, 2.0 * (1.0 - b)), std::min (1.0, 2.0 * b) };
}

PanGains panGains (double panPercent, std::size_t irChannels) noexcept
{
    const double p = std::clamp (panPercent / 100.0, -1.0, 1.0);
    if (p == 0.0)
        return {};
    if (irChannels == 1)
    {
        const double angle = std::numbers::pi * (1.0 + p) / 4.0;
        return { std::numbers::sqrt2 * std::cos (angle), std::numbers::sqrt2 * std::sin (angle) };
    }
    return { std::min (1.0, 1.0 - p), std::min (1.0, 1.0 + p) };
}

AudioClip placeSlot (AudioClip shaped, const IrSlotSettings& settings, double blendGain, std::size_t numOutputs)
{
    double gain = blendGain * std::pow (10.0, settings.levelDb / 20.0);
    if (settings.invert)
        gain = -gain;
    if (gain != 1.0)
        for (auto& channel : shaped.channels)
            scale (channel, gain);

    const double delaySamples = settings.delayMs * shaped.sampleRate / 1000.0;
    if (delaySamples > 0.0)
        for (auto& channel : shaped.channels)
            channel = delayedBy (channel, delaySamples);

    if (numOutputs == 2 && settings.panPercent != 0.0 && shaped.numChannels() > 0)
    {
        const auto pan = panGains (settings.panPercent, shaped.numChannels());
        // A mono IR plays on both outputs: one copy each, so that each can
        // have its own gain.
        if (shaped.numChannels() == 1)
            shaped.channels.push_back (shaped.channels.front());
        for (std::size_t c = 0; c < shaped.numChannels(); ++c)
            scale (shaped.channels[c], c % 2 == 0 ? pan.left : pan.right);
    }
    return shaped;
}

AudioClip sumSlots (const AudioClip& slotA, const AudioClip& slotB, const SlotRouting& routing)
{
    const auto a = withRoutableChannels (slotA, routing);
    const auto b = withRoutableChannels (slotB, routing);

    std::vector<std::size_t> candidates { std::max (a.numChannels(), b.numChannels()) };
    if (a.numChannels() == b.numChannels())
        candidates = { a.numChannels() };
    else if (routing.meaning == IrChannelMeaning::byCount)
        candidates.push_back (routing.numInputs * routing.numOutputs);

    for (const auto target : candidates)
    {
        std::optional<ChannelMap> mapA;
        std::optional<ChannelMap> mapB;
        if (a.numChannels() == b.numChannels())
        {
            // The same wiring for both: channel by channel.
            mapA = ChannelMap (target);
            for (std::size_t c = 0; c < target; ++c)
                (*mapA)[c] = c;
            mapB = mapA;
        }
        else
        {
            mapA = mapChannels (a.numChannels(), target, routing);
            mapB = mapChannels (b.numChannels(), target, routing);
        }
        if (!mapA.has_value() || !mapB.has_value())
            continue;

        AudioClip sum;
        sum.sampleRate = a.sampleRate;
        sum.channels.assign (target, std::vector<double> (std::max (a.numFrames(), b.numFrames()), 0.0));
        addMapped (sum, a, *mapA);
        addMapped (sum, b, *mapB);
        return sum;
    }
    throw std::invalid_argument ("a " + std::to_string (a.numChannels()) + "-channel and a "
                                 + std::to_string (b.numChannels()) + "-channel IR cannot be blended from "
                                 + std::to_string (routing.numInputs) + " input channel(s) to "
                                 + std::to_string (routing.numOutputs) + " output channel(s)");
}

} // namespace partita
