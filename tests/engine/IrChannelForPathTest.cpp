// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/ChannelRouting.h"

#include <gtest/gtest.h>

#include <optional>
#include <vector>

// The offline renderer convolves each (input, output) path on its own, in
// float or double; these tests pin down which IR channel each path uses, for
// every layout, and that it is the wiring the streaming engine gets from
// routeImpulseResponse.

namespace partita
{
namespace
{
using Channel = std::optional<std::size_t>;

/** The IR channel routeImpulseResponse puts on each path, recovered from
    one-sample kernels whose value is the channel number plus one. */
std::vector<std::vector<Channel>> engineWiring (std::size_t numInputs, std::size_t numOutputs,
                                                std::size_t numIrChannels)
{
    std::vector<std::vector<float>> channels;
    for (std::size_t c = 0; c < numIrChannels; ++c)
        channels.push_back ({ static_cast<float> (c + 1) });

    const auto matrix = routeImpulseResponse (channels, numInputs, numOutputs);
    std::vector<std::vector<Channel>> wiring (numInputs, std::vector<Channel> (numOutputs));
    for (std::size_t i = 0; i < numInputs; ++i)
        for (std::size_t j = 0; j < numOutputs; ++j)
            if (matrix.hasKernel (i, j))
                wiring[i][j] = static_cast<std::size_t> (matrix.kernel (i, j)[0]) - 1;
    return wiring;
}

void expectWiring (std::size_t numInputs, std::size_t numOutputs, std::size_t numIrChannels,
                   RoutingLayout expectedLayout, const std::vector<std::vector<Channel>>& expected)
{
    const auto layout = findRoutingLayout (numInputs, numOutputs, numIrChannels);
    ASSERT_EQ (layout, expectedLayout);

    const auto engine = engineWiring (numInputs, numOutputs, numIrChannels);
    for (std::size_t i = 0; i < numInputs; ++i)
        for (std::size_t j = 0; j < numOutputs; ++j)
        {
            EXPECT_EQ (irChannelForPath (*layout, i, j, numOutputs, numIrChannels), expected[i][j])
                << "path " << i << " -> " << j;
            EXPECT_EQ (engine[i][j], expected[i][j]) << "engine path " << i << " -> " << j;
        }
}

constexpr Channel none = std::nullopt;
} // namespace

TEST (IrChannelForPath, MonoIrOnMonoInputIsOnePath)
{
    expectWiring (1, 1, 1, RoutingLayout::sharedDiagonal, { { 0 } });
}

TEST (IrChannelForPath, MonoIrOnStereoInputFeedsEachChannelToItself)
{
    expectWiring (2, 2, 1, RoutingLayout::sharedDiagonal, { { 0, none }, { none, 0 } });
}

TEST (IrChannelForPath, StereoIrOnStereoInputUsesOneIrChannelPerChannel)
{
    expectWiring (2, 2, 2, RoutingLayout::perChannel, { { 0, none }, { none, 1 } });
}

TEST (IrChannelForPath, StereoIrOnMonoInputFansOutToOneOutputPerIrChannel)
{
    expectWiring (1, 2, 2, RoutingLayout::fanOut, { { 0, 1 } });
}

TEST (IrChannelForPath, MonoIrOnMonoInputWithTwoOutputsFansTheSameIrOut)
{
    expectWiring (1, 2, 1, RoutingLayout::fanOut, { { 0, 0 } });
}

TEST (IrChannelForPath, TrueStereoUsesTheOrderLLLRRLRR)
{
    // Channel 0 = L in to L out, 1 = L to R, 2 = R to L, 3 = R to R.
    expectWiring (2, 2, 4, RoutingLayout::fullMatrix, { { 0, 1 }, { 2, 3 } });
}

TEST (IrChannelForPath, AGeneralMatrixIsInputMajor)
{
    expectWiring (2, 3, 6, RoutingLayout::fullMatrix, { { 0, 1, 2 }, { 3, 4, 5 } });
    expectWiring (4, 4, 16, RoutingLayout::fullMatrix,
                  { { 0, 1, 2, 3 }, { 4, 5, 6, 7 }, { 8, 9, 10, 11 }, { 12, 13, 14, 15 } });
}

TEST (IrChannelForPath, AThreeChannelIrCannotBeRoutedFromStereo)
{
    EXPECT_FALSE (defaultOutputCount (2, 3).has_value());
    for (std::size_t outputs = 1; outputs <= 8; ++outputs)
        EXPECT_FALSE (findRoutingLayout (2, outputs, 3).has_value()) << outputs << " outputs";
}

} // namespace partita
