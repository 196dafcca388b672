// SPDX-License-Identifier: GPL-3.0-or-later
#include "PluginTestHelpers.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace partita
{
namespace
{
/** A plugin made as the standalone app makes it. */
std::unique_ptr<PartitaAudioProcessor> makeStandalone (const test::TemporaryDirectory& directory)
{
    // What JUCE's standalone wrapper does before it creates the plugin.
    juce::AudioProcessor::setTypeOfNextNewPlugin (juce::AudioProcessor::wrapperType_Standalone);
    auto plugin = test::makePlugin (directory);
    juce::AudioProcessor::setTypeOfNextNewPlugin (juce::AudioProcessor::wrapperType_Undefined);
    return plugin;
}

/** Waits (up to 10 s) until the message bar stops saying "Loading". */
std::string settledStatus (PartitaAudioProcessor& plugin)
{
    for (int attempt = 0; attempt < 1000; ++attempt)
    {
        plugin.refreshFromConvolver();
        if (plugin.status().text.rfind ("Loading", 0) != 0)
            break;
        std::this_thread::sleep_for (std::chrono::milliseconds (10));
    }
    return plugin.status().text;
}

TEST (PluginStandalone, WithoutAnAudioDeviceAnIrLoadsAndIsShownAtItsOwnRate)
{
    // Found by a new user: with no audio device the app said "Loading ..."
    // forever, while the file appeared in Recent.
    test::TemporaryDirectory directory;
    auto plugin = makeStandalone (directory);
    ASSERT_EQ (plugin->wrapperType, juce::AudioProcessor::wrapperType_Standalone);
    const auto path = test::writeIr (directory, "room.wav", { std::vector<float> (4410, 0.01f) }, 44100.0);
    plugin->loadImpulseResponseFile (juce::File (juce::String (path.string())));
    ASSERT_TRUE (plugin->waitForPendingLoads (std::chrono::seconds (10)));

    const auto text = settledStatus (*plugin);
    EXPECT_EQ (text.rfind ("Loaded 'room.wav': mono, 44100 Hz, 100 ms", 0), 0u) << text;
    EXPECT_NE (text.find ("No audio device is open: choose one under Options > Audio Settings"), std::string::npos)
        << text;
    const auto shown = plugin->convolver().impulseResponseInfo();
    ASSERT_NE (shown, nullptr);
    EXPECT_EQ (shown->sampleRate, 44100.0);
    EXPECT_EQ (shown->shapedFrames(), 4410u);

    // A device opens at 48 kHz: the IR plays at its rate.
    test::preparePlugin (*plugin, 48000.0, 256, 1, 1);
    const auto playing = plugin->convolver().impulseResponseInfo();
    ASSERT_NE (playing, nullptr);
    EXPECT_EQ (playing->sampleRate, 48000.0);
}

TEST (PluginStandalone, InAHostThatHasNotPreparedYetNoDeviceIsMentioned)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    const auto path = test::writeIr (directory, "room.wav", { std::vector<float> (4800, 0.01f) }, 48000.0);
    plugin->loadImpulseResponseFile (juce::File (juce::String (path.string())));
    ASSERT_TRUE (plugin->waitForPendingLoads (std::chrono::seconds (10)));
    const auto text = settledStatus (*plugin);
    EXPECT_EQ (text.rfind ("Loaded 'room.wav'", 0), 0u) << text;
    EXPECT_EQ (text.find ("audio device"), std::string::npos) << text;
}
} // namespace
} // namespace partita
