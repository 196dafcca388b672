// SPDX-License-Identifier: GPL-3.0-or-later
#include "PluginTestHelpers.h"
#include "TestSignals.h"
#include "processor/ParameterTable.h"

#include <gtest/gtest.h>

namespace partita
{
namespace
{

/** A bounce with automation of live and shaping parameters at fixed sample
    positions, in blocks drawn from blockSeed. */
test::Channels bounce (std::uint32_t blockSeed)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    plugin->setNonRealtime (true);
    const auto file = test::writeIr (directory, "hall.wav",
                                     { test::decayingNoise (9600, 1), test::decayingNoise (9600, 2) }, 44100.0);
    EXPECT_TRUE (test::loadIrAndWait (*plugin, file));
    test::preparePlugin (*plugin, 48000.0, 4096, 2, 2);

    const std::vector<std::size_t> changes { 10000, 20000, 30000, 40000 };
    const test::Channels input { test::whiteNoise (50000, 5), test::whiteNoise (50000, 6) };
    return test::renderThroughPlugin (
        *plugin, input, 2, 60000, blockSeed, 4096,
        [&] (std::size_t position)
        {
            if (position == changes[0])
                test::setParameter (*plugin, "stretch", 140.0f);
            if (position == changes[1])
                test::setParameter (*plugin, "reverse", 1.0f);
            if (position == changes[2])
                test::setParameter (*plugin, "mix", 40.0f);
            if (position == changes[3])
                test::setParameter (*plugin, "irStart", 30.0f);
        },
        changes);
}
} // namespace

TEST (PluginOffline, ABounceIsTheSameSampleForSampleWhateverTheHostsBlockSizes)
{
    const auto first = bounce (1);
    for (const std::uint32_t seed : { 2u, 3u })
        EXPECT_EQ (test::largestDifference (bounce (seed), first), 0.0) << "block seed " << seed;
}

TEST (PluginOffline, TheHostsNonRealtimeFlagSwitchesTheProcessorToSynchronousRebuilds)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    EXPECT_EQ (plugin->convolver().rebuildMode(), RebuildMode::background);
    plugin->setNonRealtime (true);
    EXPECT_EQ (plugin->convolver().rebuildMode(), RebuildMode::synchronous);
    plugin->setNonRealtime (false);
    EXPECT_EQ (plugin->convolver().rebuildMode(), RebuildMode::background);
}
} // namespace partita
