// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/ChannelRouting.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace partita
{

/** One convolution of a render: input channel through an IR channel into an
    output channel. */
struct RenderPath
{
    std::size_t input = 0;
    std::size_t output = 0;
    std::size_t irChannel = 0;
};

/** How the channels of one render are wired, worked out from the channel
    counts alone, so that a batch can be checked before any file is decoded. */
struct RenderPlan
{
    RoutingLayout layout = RoutingLayout::sharedDiagonal;
    std::size_t numInputs = 0;
    std::size_t numOutputs = 0;
    std::size_t numIrChannels = 0;
    std::vector<RenderPath> paths;
    /** Per output, the input channel its dry signal comes from; all empty
        when the render has no dry share. */
    std::vector<std::optional<std::size_t>> dryInputs;
};

/** Wires an input of numInputs channels through an IR of numIrChannels into
    requestedOutputs channels (or the engine's default count). The dry signal,
    when needsDry, goes input j to output j when the counts match, or from a
    mono input to every output.

    Independent IR channels (meaning) are never wired as a full matrix.

    Throws std::invalid_argument with a one-line message: the engine's routing
    error (which lists the supported layouts) when the IR cannot be routed, or
    an explanation when the dry signal cannot. */
RenderPlan makeRenderPlan (std::size_t numInputs, std::size_t numIrChannels,
                           std::optional<std::size_t> requestedOutputs, bool needsDry,
                           IrChannelMeaning meaning = IrChannelMeaning::byCount);

} // namespace partita
