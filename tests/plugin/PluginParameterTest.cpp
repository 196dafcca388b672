// SPDX-License-Identifier: GPL-3.0-or-later
#include "PluginTestHelpers.h"
#include "StableParameterIds.h"
#include "plugin/FactoryImpulseResponses.h"
#include "processor/ParameterTable.h"

#include <gtest/gtest.h>

#include <cmath>
#include <thread>
#include <vector>

namespace partita
{
namespace
{
} // namespace

TEST (PluginParameters, EveryParameterHasItsStableIdAndTheVersionThatAddedIt)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    const auto parameters = plugin->getParameters();
    ASSERT_EQ (static_cast<std::size_t> (parameters.size()), test::stableParameterIds.size());
    for (std::size_t i = 0; i < test::stableParameterIds.size(); ++i)
    {
        auto* parameter = dynamic_cast<juce::RangedAudioParameter*> (parameters[static_cast<int> (i)]);
        ASSERT_NE (parameter, nullptr);
        EXPECT_EQ (parameter->getParameterID(),
                   juce::String (test::stableParameterIds[i].data(), test::stableParameterIds[i].size()));
        // The first release's parameters are version 1; the IR gain came in 2,
        // the IR layout and its microphone pair in 3, everything after them in 4,
        // from loudnessMatch (issue 18) on in 5.
        const auto id = test::stableParameterIds[i];
        const auto firstOfVersion4 = std::size_t { 17 };
        const auto firstOfVersion5 = std::size_t { 52 };
        const int version = i >= firstOfVersion5                                         ? 5
                            : i >= firstOfVersion4                                       ? 4
                            : id == "irGain"                                             ? 2
                            : id == "irLayout" || id == "micPattern" || id == "micAngle" ? 3
                                                                                         : 1;
        EXPECT_EQ (parameter->getVersionHint(), version) << id;
        EXPECT_TRUE (parameter->isAutomatable());
    }
}

TEST (PluginParameters, RangesAndDefaultsAreTheProcessors)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    auto& state = plugin->parameterState();
    const auto check = [&state] (std::string_view id, const ParameterRange& range)
    {
        auto* parameter = state.getParameter (juce::String (id.data(), id.size()));
        ASSERT_NE (parameter, nullptr);
        EXPECT_FLOAT_EQ (parameter->convertFrom0to1 (0.0f), range.minimum) << id;
        EXPECT_FLOAT_EQ (parameter->convertFrom0to1 (1.0f), range.maximum) << id;
        EXPECT_NEAR (parameter->convertFrom0to1 (parameter->getDefaultValue()), range.defaultValue,
                     1.0e-4f * (range.maximum - range.minimum))
            << id;
    };
    check ("mix", parameterRow ("mix").range);
    check ("wetGain", parameterRow ("wetGain").range);
    check ("outputGain", parameterRow ("outputGain").range);
    check ("preDelay", parameterRow ("preDelay").range);
    check ("irStart", parameterRow ("irStart").range);
    check ("irEnd", parameterRow ("irEnd").range);
    check ("stretch", parameterRow ("stretch").range);
    check ("lowCut", parameterRow ("lowCut").range);
    check ("highCut", parameterRow ("highCut").range);
    check ("width", parameterRow ("width").range);

    const auto defaults = plugin->currentParameters();
    EXPECT_TRUE (defaults.autoGain);
    EXPECT_FALSE (defaults.reverse);
    EXPECT_EQ (defaults.latencyMode, LatencyMode::zero);
}

TEST (PluginParameters, HostTextRoundTripsToTheSameValue)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    for (auto* parameter : plugin->getParameters())
    {
        // Switches and choices take their own steps only.
        const auto steps = parameter->isDiscrete() || parameter->isBoolean()
                               ? std::vector<float> { 0.0f, 1.0f }
                               : std::vector<float> { 0.0f, 0.13f, 0.5f, 0.77f, 1.0f };
        for (const float normalised : steps)
        {
            const auto text = parameter->getText (normalised, 64);
            const auto back = parameter->getValueForText (text);
            // Text shows 3 or 4 significant digits: the round trip lands within 0.5 %.
            EXPECT_NEAR (back, normalised, 0.005f) << parameter->getName (32) << " '" << text << "'";
        }
    }
    auto* lowCut = plugin->parameterState().getParameter ("lowCut");
    EXPECT_EQ (lowCut->getText (0.0f, 32), "Off");
    EXPECT_EQ (lowCut->getValueForText ("Off"), 0.0f);
    auto* highCut = plugin->parameterState().getParameter ("highCut");
    EXPECT_EQ (highCut->getValueForText ("off"), 1.0f);
}

TEST (PluginParameters, HostValuesReachTheProcessorOnTheNextBlock)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    test::preparePlugin (*plugin, 48000.0, 256, 2, 2);
    test::setParameter (*plugin, "preDelay", 123.0f);
    test::setParameter (*plugin, "width", 30.0f);
    juce::AudioBuffer<float> buffer (2, 256);
    juce::MidiBuffer midi;
    buffer.clear();
    plugin->processBlock (buffer, midi);
    EXPECT_NEAR (plugin->convolver().parameters().preDelayMs, 123.0f, 1.0e-3f);
    EXPECT_NEAR (plugin->convolver().parameters().widthPercent, 30.0f, 1.0e-3f);
}

TEST (PluginFactoryIrs, EveryFactoryIrLoadsAndPlays)
{
    const auto& factory = factoryImpulseResponses();
    ASSERT_GE (factory.size(), 3u);
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    test::preparePlugin (*plugin, 44100.0, 512, 2, 2);
    for (std::size_t i = 0; i < factory.size(); ++i)
    {
        plugin->loadFactoryImpulseResponse (i);
        ASSERT_TRUE (plugin->waitForPendingLoads (std::chrono::seconds (10)));
        bool arrived = false;
        for (int wait = 0; wait < 2000 && !arrived; ++wait)
        {
            const auto info = plugin->convolver().impulseResponseInfo();
            arrived = info != nullptr && info->name == factory[i].displayName;
            std::this_thread::sleep_for (std::chrono::milliseconds (1));
        }
        EXPECT_TRUE (arrived) << factory[i].displayName << ": " << plugin->convolver().lastError();
        EXPECT_TRUE (plugin->convolver().lastError().empty());
    }
}
} // namespace partita

namespace partita
{
namespace
{
TEST (PluginParameters, HostTextShowsHertzWithThreeSignificantDigits)
{
    // Found by a new user: the low cut showed "28.098 Hz" next to "12.13 kHz".
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    auto* lowCut = plugin->parameterState().getParameter ("lowCut");
    EXPECT_EQ (lowCut->getText (lowCut->convertTo0to1 (28.098f), 32), "28.1 Hz");
    EXPECT_EQ (lowCut->getText (lowCut->convertTo0to1 (250.4f), 32), "250 Hz");
    EXPECT_EQ (lowCut->getText (lowCut->convertTo0to1 (999.6f), 32), "1.00 kHz");
    auto* highCut = plugin->parameterState().getParameter ("highCut");
    EXPECT_EQ (highCut->getText (highCut->convertTo0to1 (12130.0f), 32), "12.13 kHz");
}
} // namespace
} // namespace partita

namespace partita
{
namespace
{
TEST (PluginParameters, EveryHostParameterReachesTheProcessorAsTheValueSet)
{
    // A host parameter mapped to the wrong field (or to none) fails here:
    // each is set away from its default, one at a time.
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    test::preparePlugin (*plugin, 48000.0, 256, 2, 2);
    for (const auto& row : parameterTable)
    {
        const auto value = row.range.defaultValue == row.range.maximum ? row.range.minimum : row.range.maximum;
        test::setParameter (*plugin, row.id, value);
        juce::AudioBuffer<float> buffer (2, 256);
        buffer.clear();
        juce::MidiBuffer midi;
        plugin->processBlock (buffer, midi);
        const auto reached = plugin->convolver().parameters();
        EXPECT_EQ (row.field.get (reached), value) << row.id;
        for (const auto& other : parameterTable)
        {
            if (&other != &row)
            {
                EXPECT_EQ (other.field.get (reached), other.range.defaultValue) << other.id << " moved with " << row.id;
            }
        }
        test::setParameter (*plugin, row.id, row.range.defaultValue);
    }
    const auto reversed = [&plugin]
    {
        test::setParameter (*plugin, "reverse", 1.0f);
        juce::AudioBuffer<float> buffer (2, 256);
        juce::MidiBuffer midi;
        plugin->processBlock (buffer, midi);
        return plugin->convolver().parameters().reverse;
    }();
    EXPECT_TRUE (reversed);
}
} // namespace
} // namespace partita
