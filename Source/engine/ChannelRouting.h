// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "KernelMatrix.h"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace partita
{

/** How an IR's channels are wired between inputs and outputs. */
enum class RoutingLayout
{
    /** One IR channel applied to every input, input i to output i (mono to
        mono, stereo to stereo with a mono IR, ...). */
    sharedDiagonal,
    /** One IR channel per channel: input i to output i through IR channel i
        (stereo to stereo with a stereo IR). */
    perChannel,
    /** A mono input fanned out: input 0 to output j through IR channel j (or
        through the one IR channel when the IR is mono): mono to stereo. */
    fanOut,
    /** Every input to every output: IR channel i * numOutputs + j is the path
        from input i to output j. With 2 x 2 this is true stereo, in the IR
        channel order LL, LR, RL, RR (L in to L out, L in to R out, R in to L
        out, R in to R out). */
    fullMatrix,
};

/** What an IR's channels are, as far as the wiring cares. */
enum class IrChannelMeaning
{
    /** Whatever the counts allow, a full matrix included (true stereo). */
    byCount,
    /** Each IR channel is an output of its own (ir/IrLayout.h's
        independent): never a full matrix, only shared, per channel or
        fanned out from a mono input. */
    independent,
};

/** The layouts a user can ask for, in words, for error messages and --help. */
std::string describeSupportedLayouts();

/** The output channel count Partita uses when the user does not choose one:
    as many outputs as inputs for a mono or per-channel IR, as many as IR
    channels for a mono input, IR channels / inputs for a full matrix.
    Empty when the IR cannot be routed from that many inputs. */
std::optional<std::size_t> defaultOutputCount (std::size_t numInputs, std::size_t numIrChannels,
                                               IrChannelMeaning meaning = IrChannelMeaning::byCount) noexcept;

/** The layout for these counts, if any. Checked in the order sharedDiagonal,
    perChannel, fanOut, fullMatrix (never for independent channels). */
std::optional<RoutingLayout> findRoutingLayout (std::size_t numInputs, std::size_t numOutputs,
                                                std::size_t numIrChannels,
                                                IrChannelMeaning meaning = IrChannelMeaning::byCount) noexcept;

/** The IR channel that feeds the path from input to output in a layout, or
    nothing when the layout has no such path. */
std::optional<std::size_t> irChannelForPath (RoutingLayout layout, std::size_t input, std::size_t output,
                                             std::size_t numOutputs, std::size_t numIrChannels) noexcept;

/** Wires IR channels (all of the same length) into a kernel matrix. Throws
    std::invalid_argument with a one-line message naming the supported
    layouts when the counts cannot be routed. */
KernelMatrix routeImpulseResponse (std::span<const std::vector<float>> irChannels, std::size_t numInputs,
                                   std::size_t numOutputs, IrChannelMeaning meaning = IrChannelMeaning::byCount);

/** The one-line reason a count cannot be routed, naming the supported
    layouts (for the meaning's own when independent). */
std::string describeRoutingFailure (std::size_t numIrChannels, std::size_t numInputs, std::size_t numOutputs,
                                    IrChannelMeaning meaning = IrChannelMeaning::byCount);

} // namespace partita
