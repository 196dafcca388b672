// SPDX-License-Identifier: GPL-3.0-or-later
#include "RenderPlan.h"

#include <stdexcept>
#include <string>

namespace partita
{

namespace
{
/** The engine's own words, so that the CLI and the plugin explain an
    unroutable IR alike. */
[[noreturn]] void throwRoutingError (std::size_t numInputs, std::size_t numOutputs, std::size_t numIrChannels,
                                     IrChannelMeaning meaning)
{
    throw std::invalid_argument (describeRoutingFailure (numIrChannels, numInputs, numOutputs, meaning));
}
} // namespace

RenderPlan makeRenderPlan (std::size_t numInputs, std::size_t numIrChannels,
                           std::optional<std::size_t> requestedOutputs, bool needsDry, IrChannelMeaning meaning)
{
    if (numInputs == 0)
        throw std::invalid_argument ("the input has no channels");
    if (numIrChannels == 0)
        throw std::invalid_argument ("the impulse response has no channels");

    const auto numOutputs =
        requestedOutputs ? requestedOutputs : defaultOutputCount (numInputs, numIrChannels, meaning);
    if (!numOutputs || *numOutputs == 0)
        throwRoutingError (numInputs, numInputs, numIrChannels, meaning);

    const auto layout = findRoutingLayout (numInputs, *numOutputs, numIrChannels, meaning);
    if (!layout)
        throwRoutingError (numInputs, *numOutputs, numIrChannels, meaning);

    RenderPlan plan;
    plan.layout = *layout;
    plan.numInputs = numInputs;
    plan.numOutputs = *numOutputs;
    plan.numIrChannels = numIrChannels;

    for (std::size_t input = 0; input < numInputs; ++input)
        for (std::size_t output = 0; output < plan.numOutputs; ++output)
            if (const auto channel = irChannelForPath (plan.layout, input, output, plan.numOutputs, numIrChannels);
                channel && *channel < numIrChannels)
                plan.paths.push_back ({ input, output, *channel });

    if (plan.paths.empty())
        throwRoutingError (numInputs, plan.numOutputs, numIrChannels, meaning);

    plan.dryInputs.assign (plan.numOutputs, std::nullopt);
    if (needsDry)
    {
        if (numInputs != plan.numOutputs && numInputs != 1)
            throw std::invalid_argument ("the dry signal of " + std::to_string (numInputs)
                                         + " input channels cannot be mixed into " + std::to_string (plan.numOutputs)
                                         + " output channels (it needs as many outputs as inputs, or a mono input); "
                                           "use --mix 100 for a wet-only render");
        for (std::size_t output = 0; output < plan.numOutputs; ++output)
            plan.dryInputs[output] = numInputs == 1 ? 0 : output;
    }
    return plan;
}

} // namespace partita
