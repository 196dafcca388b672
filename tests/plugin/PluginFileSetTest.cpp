// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 18 in the plugin: a file of a set loads its set, the preview plays
// with a stopped host's silence, and the browser's loudness hook respects
// the user's choice.
#include "PluginTestHelpers.h"
#include "ReferenceConvolution.h"
#include "TestSignals.h"
#include "processor/PreviewSound.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

namespace partita
{
namespace
{
/** Loads `file` and processes silence until the IR named `name` plays and
    its crossfade is over (loadIrAndWait expects the file's own name). */
bool loadAndWaitFor (PartitaAudioProcessor& plugin, const std::filesystem::path& file, const std::string& name)
{
    plugin.loadImpulseResponseFile (juce::File (juce::String (file.string())));
    if (!plugin.waitForPendingLoads (std::chrono::seconds (20)))
        return false;
    juce::AudioBuffer<float> silence (2, 256);
    juce::MidiBuffer midi;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds (20);
    while (std::chrono::steady_clock::now() < deadline)
    {
        plugin.refreshFromConvolver();
        const auto info = plugin.convolver().impulseResponseInfo();
        if (info != nullptr && info->name == name)
        {
            for (int block = 0; block < 60; ++block)
            {
                silence.clear();
                plugin.processBlock (silence, midi);
            }
            plugin.refreshFromConvolver();
            return true;
        }
        silence.clear();
        plugin.processBlock (silence, midi);
        std::this_thread::sleep_for (std::chrono::milliseconds (1));
    }
    return false;
}
} // namespace

TEST (PluginFileSet, AHalfLoadsItsPairAsOneStereoIrNamedAfterTheSet)
{
    const test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    test::setNeutralParameters (*plugin);
    test::preparePlugin (*plugin, 48000.0, 512, 2, 2);
    const auto left = test::decayingNoise (600, 1);
    const auto right = test::decayingNoise (900, 2);
    test::writeIr (directory, "hall_L.wav", { left }, 48000.0);
    test::writeIr (directory, "hall_R.wav", { right }, 48000.0);

    ASSERT_TRUE (loadAndWaitFor (*plugin, directory.path() / "hall_L.wav", "hall [L+R]"));
    const auto info = plugin->convolver().impulseResponseInfo();
    ASSERT_NE (info, nullptr);
    EXPECT_EQ (info->name, "hall [L+R]");
    EXPECT_EQ (info->numChannels, 2u);
    EXPECT_EQ (info->originalFrames, 900u);
    plugin->refreshFromConvolver();
    EXPECT_NE (plugin->status().text.find ("; left/right pair: hall_L.wav + hall_R.wav"), std::string::npos)
        << plugin->status().text;

    // The stereo input through the pair: left through L, right through R (L padded).
    const auto x = test::whiteNoise (3000, 3);
    const auto y = test::whiteNoise (3000, 4);
    const auto out = test::renderThroughPlugin (*plugin, { x, y }, 2, 3000 + 900 - 1, 5, 512);
    auto paddedLeft = left;
    paddedLeft.resize (900, 0.0f);
    EXPECT_LT (test::maxErrorDb<float> (out[0], test::referenceConvolution<float> (x, paddedLeft)), -110.0);
    EXPECT_LT (test::maxErrorDb<float> (out[1], test::referenceConvolution<float> (y, right)), -110.0);
}

TEST (PluginPreview, PlaysThroughTheIrWithTheHostStopped)
{
    const test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    test::setNeutralParameters (*plugin);
    test::preparePlugin (*plugin, 48000.0, 512, 2, 2);
    const auto ir = test::decayingNoise (1000, 6);
    ASSERT_TRUE (test::loadIrAndWait (*plugin, test::writeIr (directory, "room.wav", { ir }, 48000.0)));

    plugin->togglePreview();
    const auto sound = makePreviewSound (48000.0);
    const auto out = test::renderThroughPlugin (*plugin, { {}, {} }, 2, sound.size() + 999, 7, 512);
    const auto expected = test::referenceConvolution<float> (sound, ir);
    EXPECT_LT (test::maxErrorDb<float> (out[0], expected), -110.0);
    EXPECT_LT (test::maxErrorDb<float> (out[1], expected), -110.0);
    EXPECT_FALSE (plugin->isPreviewPlaying());
}

TEST (PluginLoudnessMatch, BrowsingTurnsItOnUnlessTheUserSetIt)
{
    const test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    EXPECT_FALSE (plugin->currentParameters().loudnessMatch) << "off by default: old sessions sound the same";
    EXPECT_TRUE (plugin->loudnessMatchForBrowsing());
    EXPECT_TRUE (plugin->currentParameters().loudnessMatch);

    // Another instance whose user turned it off with its control: browsing leaves it off.
    auto chosen = test::makePlugin (directory);
    auto* parameter = chosen->parameterState().getParameter ("loudnessMatch");
    parameter->beginChangeGesture();
    parameter->setValueNotifyingHost (1.0f);
    parameter->setValueNotifyingHost (0.0f);
    parameter->endChangeGesture();
    EXPECT_FALSE (chosen->loudnessMatchForBrowsing());
    EXPECT_FALSE (chosen->currentParameters().loudnessMatch);
}

} // namespace partita
