// SPDX-License-Identifier: GPL-3.0-or-later
#include "plugin/FactoryImpulseResponses.h"

#include "PluginTestHelpers.h"
#include "analysis/EnergyDecayCurve.h"
#include "factory/FactoryCatalogue.h"
#include "plugin/PluginProcessor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>

namespace partita
{
namespace
{
std::vector<std::uint8_t> stateOf (PartitaAudioProcessor& plugin)
{
    juce::MemoryBlock block;
    plugin.getStateInformation (block);
    const auto* bytes = static_cast<const std::uint8_t*> (block.getData());
    return { bytes, bytes + block.getSize() };
}

/** Loads a factory IR and waits until the convolver has it. */
bool loadFactoryAndWait (PartitaAudioProcessor& plugin, std::size_t index)
{
    plugin.loadFactoryImpulseResponse (index);
    if (!plugin.waitForPendingLoads (std::chrono::seconds (10)))
        return false;
    for (int wait = 0; wait < 5000; ++wait)
    {
        const auto source = plugin.convolver().requestedImpulseResponse();
        if (source != nullptr && source->name == factoryImpulseResponses()[index].displayName)
            return true;
        std::this_thread::sleep_for (std::chrono::milliseconds (1));
    }
    return false;
}

std::size_t indexOf (std::string_view id)
{
    const auto* ir = findFactoryImpulseResponse (id);
    return ir != nullptr ? static_cast<std::size_t> (ir - factoryImpulseResponses().data()) : 0;
}
} // namespace

TEST (PluginFactoryIrs, ListsTheFilesAndTheGeneratedIrsGroupedByCategory)
{
    const auto& factory = factoryImpulseResponses();
    EXPECT_EQ (factory.size(), 4 + generatedFactoryIrs().size());
    EXPECT_TRUE (std::is_sorted (factory.begin(), factory.end(),
                                 [] (const auto& a, const auto& b) { return a.category < b.category; }));
    for (const auto* id : { "small_room", "hall_ir", "plate", "cabinet" })
    {
        const auto* ir = findFactoryImpulseResponse (id);
        ASSERT_NE (ir, nullptr) << id;
        EXPECT_FALSE (ir->isGenerated());
        EXPECT_FALSE (ir->bytes.empty());
        EXPECT_EQ (ir->fileName, std::string (id) + ".wav");
    }
    for (const auto& generated : generatedFactoryIrs())
    {
        const auto* ir = findFactoryImpulseResponse (generated.id);
        ASSERT_NE (ir, nullptr) << generated.id;
        EXPECT_TRUE (ir->isGenerated());
        EXPECT_EQ (ir->displayName, generated.displayName);
        EXPECT_EQ (ir->categoryName, std::string (factoryIrCategoryName (generated.category)));
    }
    // Old sessions and the header's menu name them so: by display name and file name too.
    EXPECT_EQ (findFactoryImpulseResponse ("Concert hall"), findFactoryImpulseResponse ("hall_ir"));
    EXPECT_EQ (findFactoryImpulseResponse ("plate.wav"), findFactoryImpulseResponse ("plate"));
    EXPECT_EQ (findFactoryImpulseResponse ("nothing"), nullptr);
    ASSERT_NE (defaultFactoryImpulseResponse(), nullptr);
    EXPECT_EQ (defaultFactoryImpulseResponse()->fileName, "small_room.wav");
}

TEST (PluginFactoryIrs, EachEntryDescribesTheAudioItGives)
{
    for (const auto& ir : factoryImpulseResponses())
    {
        if (ir.isGenerated())
            continue; // FactoryCatalogue.* checks the generated ones
        const auto clip = ir.samples();
        EXPECT_EQ (clip.numChannels(), ir.numChannels) << ir.id;
        EXPECT_EQ (clip.numFrames(), ir.numFrames) << ir.id;
        EXPECT_EQ (clip.sampleRate, ir.sampleRate) << ir.id;
        std::vector<double> energy (clip.numFrames(), 0.0);
        for (const auto& channel : clip.channels)
            for (std::size_t i = 0; i < channel.size(); ++i)
                energy[i] += channel[i] * channel[i];
        const auto fit = EnergyDecayCurve (energy, clip.sampleRate).reverberationTime();
        if (ir.category == FactoryIrCategory::cabinet)
            EXPECT_EQ (ir.reverbTimeSeconds, 0.0);
        else
            EXPECT_NEAR (ir.reverbTimeSeconds, fit.reverbTimeSeconds, 0.001 + 0.005 * ir.reverbTimeSeconds) << ir.id;
    }
}

TEST (PluginFactoryIrs, ASessionThatUsedAGeneratedIrRestoresItsSamplesWithoutGeneratingIt)
{
    test::TemporaryDirectory directory;
    auto original = test::makePlugin (directory);
    test::preparePlugin (*original, 48000.0, 512, 2, 2);
    const auto index = indexOf ("plate_vocal");
    ASSERT_TRUE (findFactoryImpulseResponse ("plate_vocal") != nullptr);
    ASSERT_TRUE (loadFactoryAndWait (*original, index));
    const auto state = stateOf (*original);
    const auto played = original->convolver().requestedImpulseResponse();
    ASSERT_NE (played, nullptr);

    auto restored = test::makePlugin (directory);
    restored->setStateInformation (state.data(), static_cast<int> (state.size()));
    const auto source = restored->convolver().requestedImpulseResponse();
    ASSERT_NE (source, nullptr);
    EXPECT_EQ (source->name, "Vocal plate");
    ASSERT_EQ (source->clip->numChannels(), played->clip->numChannels());
    for (std::size_t c = 0; c < played->clip->numChannels(); ++c)
        EXPECT_EQ (source->clip->channels[c], played->clip->channels[c]);
}

} // namespace partita
