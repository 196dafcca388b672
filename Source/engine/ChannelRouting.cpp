// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChannelRouting.h"

#include <stdexcept>

namespace partita
{

std::string describeSupportedLayouts()
{
    return "supported layouts: a 1-channel IR on every channel (mono, stereo, ...); one IR channel per channel "
           "(stereo IR on stereo audio); a mono input to N outputs with a 1- or N-channel IR (mono to stereo); "
           "a full inputs x outputs matrix, IR channel i*outputs+j from input i to output j "
           "(true stereo: 4 channels LL, LR, RL, RR)";
}

std::optional<std::size_t> defaultOutputCount (std::size_t numInputs, std::size_t numIrChannels,
                                               IrChannelMeaning meaning) noexcept
{
    if (numInputs == 0 || numIrChannels == 0)
        return std::nullopt;
    if (numIrChannels == 1 || numIrChannels == numInputs)
        return numInputs;
    if (numInputs == 1)
        return numIrChannels;
    if (meaning == IrChannelMeaning::independent)
        return std::nullopt;
    if (numIrChannels % numInputs == 0)
        return numIrChannels / numInputs;
    return std::nullopt;
}

std::optional<RoutingLayout> findRoutingLayout (std::size_t numInputs, std::size_t numOutputs,
                                                std::size_t numIrChannels, IrChannelMeaning meaning) noexcept
{
    if (numInputs == 0 || numOutputs == 0 || numIrChannels == 0)
        return std::nullopt;
    if (numIrChannels == 1 && numInputs == numOutputs)
        return RoutingLayout::sharedDiagonal;
    if (numIrChannels == numInputs && numInputs == numOutputs)
        return RoutingLayout::perChannel;
    if (numInputs == 1 && (numIrChannels == 1 || numIrChannels == numOutputs))
        return RoutingLayout::fanOut;
    if (numIrChannels == numInputs * numOutputs && meaning == IrChannelMeaning::byCount)
        return RoutingLayout::fullMatrix;
    return std::nullopt;
}

std::optional<std::size_t> irChannelForPath (RoutingLayout layout, std::size_t input, std::size_t output,
                                             std::size_t numOutputs, std::size_t numIrChannels) noexcept
{
    switch (layout)
    {
        case RoutingLayout::sharedDiagonal:
            return input == output ? std::optional<std::size_t> (0) : std::nullopt;
        case RoutingLayout::perChannel:
            return input == output ? std::optional<std::size_t> (input) : std::nullopt;
        case RoutingLayout::fanOut:
            return numIrChannels == 1 ? 0 : output;
        case RoutingLayout::fullMatrix:
            return input * numOutputs + output;
    }
    return std::nullopt;
}

std::string describeRoutingFailure (std::size_t numIrChannels, std::size_t numInputs, std::size_t numOutputs,
                                    IrChannelMeaning meaning)
{
    const auto counts = std::to_string (numIrChannels) + "-channel IR from " + std::to_string (numInputs)
                        + " input channel(s) to " + std::to_string (numOutputs) + " output channel(s); ";
    if (meaning == IrChannelMeaning::independent)
    {
        const auto channels = std::to_string (numIrChannels);
        return "cannot route an independent " + counts
               + "independent channels go one IR channel per output: a mono input to " + channels + " outputs, or "
               + channels + " inputs to as many outputs";
    }
    return "cannot route a " + counts + describeSupportedLayouts();
}

KernelMatrix routeImpulseResponse (std::span<const std::vector<float>> irChannels, std::size_t numInputs,
                                   std::size_t numOutputs, IrChannelMeaning meaning)
{
    const auto layout = findRoutingLayout (numInputs, numOutputs, irChannels.size(), meaning);
    if (!layout.has_value())
        throw std::invalid_argument (describeRoutingFailure (irChannels.size(), numInputs, numOutputs, meaning));

    KernelMatrix kernels (numInputs, numOutputs);
    for (std::size_t input = 0; input < numInputs; ++input)
        for (std::size_t output = 0; output < numOutputs; ++output)
            if (const auto channel = irChannelForPath (*layout, input, output, numOutputs, irChannels.size()))
                kernels.setKernel (input, output, irChannels[*channel]);
    return kernels;
}

} // namespace partita
