// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/RenderPlan.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace partita
{
namespace
{
std::string planErrorOf (std::size_t inputs, std::size_t irChannels, std::optional<std::size_t> outputs, bool dry)
{
    try
    {
        (void)makeRenderPlan (inputs, irChannels, outputs, dry);
    }
    catch (const std::invalid_argument& error)
    {
        return error.what();
    }
    ADD_FAILURE() << "no exception";
    return {};
}
} // namespace

TEST (RenderPlan, WiresTrueStereoAsFourPaths)
{
    const auto plan = makeRenderPlan (2, 4, std::nullopt, false);
    EXPECT_EQ (plan.layout, RoutingLayout::fullMatrix);
    EXPECT_EQ (plan.numOutputs, 2u);
    ASSERT_EQ (plan.paths.size(), 4u);
    EXPECT_EQ (plan.paths[1].input, 0u);
    EXPECT_EQ (plan.paths[1].output, 1u);
    EXPECT_EQ (plan.paths[1].irChannel, 1u);
    EXPECT_EQ (plan.paths[2].input, 1u);
    EXPECT_EQ (plan.paths[2].output, 0u);
    EXPECT_EQ (plan.paths[2].irChannel, 2u);
}

TEST (RenderPlan, UsesTheEnginesDefaultOutputCount)
{
    EXPECT_EQ (makeRenderPlan (1, 1, std::nullopt, false).numOutputs, 1u);
    EXPECT_EQ (makeRenderPlan (2, 1, std::nullopt, false).numOutputs, 2u);
    EXPECT_EQ (makeRenderPlan (1, 2, std::nullopt, false).numOutputs, 2u);
    EXPECT_EQ (makeRenderPlan (2, 6, std::nullopt, false).numOutputs, 3u);
}

TEST (RenderPlan, HonoursARequestedOutputCount)
{
    const auto plan = makeRenderPlan (1, 1, std::size_t { 2 }, false);
    EXPECT_EQ (plan.layout, RoutingLayout::fanOut);
    EXPECT_EQ (plan.numOutputs, 2u);
    EXPECT_EQ (plan.paths.size(), 2u);
}

TEST (RenderPlan, ReportsTheEnginesRoutingErrorWithTheSupportedLayouts)
{
    const auto message = planErrorOf (2, 3, std::nullopt, false);
    EXPECT_NE (message.find ("3-channel IR"), std::string::npos) << message;
    EXPECT_NE (message.find (describeSupportedLayouts()), std::string::npos) << message;

    EXPECT_NE (planErrorOf (2, 2, std::size_t { 3 }, false).find (describeSupportedLayouts()), std::string::npos);
}

TEST (RenderPlan, RoutesTheDryChannelToTheSameOutputOrFromAMonoInput)
{
    const auto stereo = makeRenderPlan (2, 4, std::nullopt, true);
    EXPECT_EQ (stereo.dryInputs[0], std::size_t { 0 });
    EXPECT_EQ (stereo.dryInputs[1], std::size_t { 1 });

    const auto mono = makeRenderPlan (1, 2, std::nullopt, true);
    EXPECT_EQ (mono.dryInputs[0], std::size_t { 0 });
    EXPECT_EQ (mono.dryInputs[1], std::size_t { 0 });

    const auto wetOnly = makeRenderPlan (2, 6, std::nullopt, false);
    EXPECT_FALSE (wetOnly.dryInputs[2].has_value());
}

TEST (RenderPlan, RefusesADryShareThatCannotBeRouted)
{
    const auto message = planErrorOf (2, 6, std::nullopt, true);
    EXPECT_NE (message.find ("dry signal"), std::string::npos) << message;
    EXPECT_EQ (message.find ('\n'), std::string::npos);
}

} // namespace partita
