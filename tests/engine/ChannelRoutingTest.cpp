// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReferenceConvolution.h"
#include "StreamingHarness.h"
#include "TestSignals.h"
#include "engine/ChannelRouting.h"

#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <stdexcept>

namespace partita
{
namespace
{
    /** Routes the IR, streams the inputs and checks every output against
        sum_i reference(x_i, h_ij) with the IR channel the layout's documented
        order assigns to each path. */
    void expectRoutedOutputsMatchTheReference (std::size_t numInputs, std::size_t numOutputs,
                                               std::size_t numIrChannels,
                                               const std::function<std::optional<std::size_t> (std::size_t,
                                                                                               std::size_t)>& channelFor)
    {
        constexpr std::size_t irLength = 1500;
        constexpr std::size_t signalLength = 4000;
        test::Channels ir;
        for (std::size_t c = 0; c < numIrChannels; ++c)
            ir.push_back (test::decayingNoise (irLength, static_cast<std::uint32_t> (100 + c)));
        test::Channels inputs;
        for (std::size_t i = 0; i < numInputs; ++i)
            inputs.push_back (test::whiteNoise (signalLength, static_cast<std::uint32_t> (200 + i)));

        ConvolutionEngine engine;
        engine.prepare (routeImpulseResponse (ir, numInputs, numOutputs), { 64, LatencyMode::zero });
        const auto outputs = test::streamThroughEngine (engine, inputs, signalLength + irLength - 1, 7);

        for (std::size_t o = 0; o < numOutputs; ++o)
        {
            std::vector<double> expected (signalLength + irLength - 1, 0.0);
            for (std::size_t i = 0; i < numInputs; ++i)
                if (const auto channel = channelFor (i, o))
                {
                    const auto path = test::referenceConvolution<float> (inputs[i], ir[*channel]);
                    for (std::size_t n = 0; n < path.size(); ++n)
                        expected[n] += path[n];
                }
            EXPECT_LT (test::maxErrorDb<float> (outputs[o], expected), -116.0) << "output " << o;
        }
    }
} // namespace

TEST (ChannelRouting, MonoToMono)
{
    expectRoutedOutputsMatchTheReference (1, 1, 1, [] (auto, auto) { return std::optional<std::size_t> (0); });
}

TEST (ChannelRouting, MonoToStereoWithAStereoIrFeedsEachOutputThroughItsOwnChannel)
{
    expectRoutedOutputsMatchTheReference (1, 2, 2, [] (auto, auto o) { return std::optional<std::size_t> (o); });
}

TEST (ChannelRouting, MonoToStereoWithAMonoIrFeedsBothOutputsTheSame)
{
    expectRoutedOutputsMatchTheReference (1, 2, 1, [] (auto, auto) { return std::optional<std::size_t> (0); });
}

TEST (ChannelRouting, StereoToStereoWithAMonoIrKeepsTheChannelsApart)
{
    expectRoutedOutputsMatchTheReference (2, 2, 1, [] (auto i, auto o)
                                          { return i == o ? std::optional<std::size_t> (0) : std::nullopt; });
}

TEST (ChannelRouting, StereoToStereoWithAStereoIrUsesOneChannelPerSide)
{
    expectRoutedOutputsMatchTheReference (2, 2, 2, [] (auto i, auto o)
                                          { return i == o ? std::optional<std::size_t> (i) : std::nullopt; });
}

TEST (ChannelRouting, TrueStereoUsesTheFourChannelsInTheOrderLLLRRLRR)
{
    // LL: left in -> left out, LR: left in -> right out, RL: right in -> left out, RR.
    expectRoutedOutputsMatchTheReference (2, 2, 4, [] (auto i, auto o)
                                          { return std::optional<std::size_t> (i * 2 + o); });
}

TEST (ChannelRouting, AFourByFourMatrixSumsEveryInputIntoEveryOutput)
{
    expectRoutedOutputsMatchTheReference (4, 4, 16, [] (auto i, auto o)
                                          { return std::optional<std::size_t> (i * 4 + o); });
}

TEST (ChannelRouting, AMonoInputFansOutToFourOutputs)
{
    expectRoutedOutputsMatchTheReference (1, 4, 4, [] (auto, auto o) { return std::optional<std::size_t> (o); });
}

TEST (ChannelRouting, FourChannelsWithAFourChannelIrRunPerChannel)
{
    expectRoutedOutputsMatchTheReference (4, 4, 4, [] (auto i, auto o)
                                          { return i == o ? std::optional<std::size_t> (i) : std::nullopt; });
}

TEST (ChannelRouting, AnUnroutableLayoutIsRejectedWithAMessageNamingTheSupportedLayouts)
{
    const test::Channels threeChannels (3, std::vector<float> (10, 0.5f));
    try
    {
        routeImpulseResponse (threeChannels, 2, 2);
        FAIL() << "a 3-channel IR on stereo was accepted";
    }
    catch (const std::invalid_argument& error)
    {
        const std::string message = error.what();
        EXPECT_NE (message.find ("3-channel IR"), std::string::npos) << message;
        EXPECT_NE (message.find ("true stereo"), std::string::npos) << message;
        EXPECT_EQ (message.find ('\n'), std::string::npos) << "one line: " << message;
    }
}

TEST (ChannelRouting, DefaultOutputCountsFollowTheLayouts)
{
    EXPECT_EQ (defaultOutputCount (1, 1), 1u);
    EXPECT_EQ (defaultOutputCount (1, 2), 2u); // mono to stereo
    EXPECT_EQ (defaultOutputCount (2, 1), 2u);
    EXPECT_EQ (defaultOutputCount (2, 2), 2u);
    EXPECT_EQ (defaultOutputCount (2, 4), 2u); // true stereo
    EXPECT_EQ (defaultOutputCount (4, 16), 4u);
    EXPECT_EQ (defaultOutputCount (4, 4), 4u); // per channel, not a 4 -> 1 mixdown
    EXPECT_FALSE (defaultOutputCount (2, 3).has_value());
    EXPECT_FALSE (defaultOutputCount (0, 1).has_value());
}

TEST (ChannelRouting, IndependentChannelsAreSharedPerChannelOrFannedOutButNeverAMatrix)
{
    constexpr auto independent = IrChannelMeaning::independent;
    EXPECT_EQ (findRoutingLayout (2, 2, 4, independent), std::nullopt);
    EXPECT_EQ (findRoutingLayout (2, 2, 4), RoutingLayout::fullMatrix);
    EXPECT_EQ (findRoutingLayout (1, 4, 4, independent), RoutingLayout::fanOut);
    EXPECT_EQ (findRoutingLayout (4, 4, 4, independent), RoutingLayout::perChannel);
    EXPECT_EQ (findRoutingLayout (2, 2, 1, independent), RoutingLayout::sharedDiagonal);
    EXPECT_EQ (defaultOutputCount (2, 4, independent), std::nullopt);
    EXPECT_EQ (defaultOutputCount (1, 4, independent), 4u);
    EXPECT_EQ (defaultOutputCount (2, 4), 2u);

    const std::vector<std::vector<float>> four (4, std::vector<float> { 1.0f });
    try
    {
        (void)routeImpulseResponse (four, 2, 2, independent);
        FAIL() << "no exception";
    }
    catch (const std::invalid_argument& error)
    {
        EXPECT_STREQ (error.what(), "cannot route an independent 4-channel IR from 2 input channel(s) to 2 output "
                                    "channel(s); independent channels go one IR channel per output: a mono input to 4 "
                                    "outputs, or 4 inputs to as many outputs");
    }
}

} // namespace partita
