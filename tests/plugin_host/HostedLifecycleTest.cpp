// SPDX-License-Identifier: GPL-3.0-or-later
// What hosts and their validators do to a plugin, done to the BUILT VST3 and
// LV2 binaries through JUCE's plugin hosting: state get, set, get; parameter
// values through their text; every common rate and block size; prepare
// without release; automation from the message thread while audio runs; the
// editor opened while processing, and opened and closed again and again.
#include "BuiltPlugin.h"
#include "HostStateWrapping.h"
#include "HostedSessions.h"
#include "processor/ParameterTable.h"
#include "state/PluginStateFormat.h"

#include <gtest/gtest.h>
#include <juce_audio_processors/juce_audio_processors.h>

#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <ostream>
#include <random>
#include <thread>

namespace partita
{
namespace
{
using test::Format;
using test::nameOf;
using test::pumpMessages;
using Hosted = test::HostedPlugin;

/** A built binary, loaded as a DAW would, on a stereo bus. */
Hosted load (Format kind, double rate = 48000.0, int block = 512)
{
    auto hosted = test::loadBuiltPlugin (kind, rate, block);
    if (hosted.instance != nullptr)
    {
        juce::AudioProcessor::BusesLayout layout;
        layout.inputBuses.add (juce::AudioChannelSet::stereo());
        layout.outputBuses.add (juce::AudioChannelSet::stereo());
        hosted.instance->setBusesLayout (layout);
    }
    return hosted;
}

/** A stereo room (0.1 s) and a mix, as our state bytes. */
std::vector<std::uint8_t> roomState()
{
    ProcessorParameters parameters;
    parameters.mixPercent = 70.0f;
    parameters.lowCutHz = 100.0f;
    parameters.autoGain = true;
    return test::roomSession (parameters, 4800, { 3u, 4u });
}

/** Our state in the host's own wrapping: JUCE's VST3 host keeps the
    IComponent state base64 in XML; its LV2 host keeps Turtle with our
    state as one base64 string property. */
juce::MemoryBlock hostStateFor (Format kind, juce::AudioPluginInstance& instance, const std::vector<std::uint8_t>& ours)
{
    if (kind == Format::vst3)
        return test::asVst3HostState (ours);
    juce::MemoryBlock block;
    instance.getStateInformation (block);
    return test::withLv2PluginState (block, ours);
}

void restore (Format kind, juce::AudioPluginInstance& instance)
{
    const auto state = hostStateFor (kind, instance, roomState());
    ASSERT_GT (state.getSize(), 0u);
    instance.setStateInformation (state.getData(), static_cast<int> (state.getSize()));
    pumpMessages (200);
}

struct OutputCheck
{
    std::size_t nonFinite = 0;
    std::size_t subnormal = 0;
    double peak = 0.0;
};

/** Processes `samples` of noise in blocks of `block`; counts what must
    never come out. */
OutputCheck processNoise (juce::AudioPluginInstance& instance, int block, std::size_t samples, std::uint32_t seed = 1)
{
    OutputCheck check;
    juce::AudioBuffer<float> buffer (2, block);
    juce::MidiBuffer midi;
    std::mt19937 random (seed);
    std::uniform_real_distribution<float> noise (-0.5f, 0.5f);
    for (std::size_t done = 0; done < samples; done += static_cast<std::size_t> (block))
    {
        for (int c = 0; c < 2; ++c)
            for (int n = 0; n < block; ++n)
                buffer.setSample (c, n, noise (random));
        instance.processBlock (buffer, midi);
        for (int c = 0; c < 2; ++c)
            for (int n = 0; n < block; ++n)
            {
                const auto sample = buffer.getSample (c, n);
                check.nonFinite += std::isfinite (sample) ? 0u : 1u;
                check.subnormal += std::fpclassify (sample) == FP_SUBNORMAL ? 1u : 0u;
                check.peak = std::max (check.peak, static_cast<double> (std::abs (sample)));
            }
    }
    return check;
}

class HostedLifecycle : public ::testing::TestWithParam<Format>
{
};
} // namespace

TEST_P (HostedLifecycle, StateGetSetGetIsByteIdentical)
{
    auto hosted = load (GetParam());
    ASSERT_NE (hosted.instance, nullptr) << hosted.error;
    auto& instance = *hosted.instance;
    restore (GetParam(), instance);

    // Parameters away from their defaults, as a session has them.
    std::mt19937 random (7);
    for (auto* parameter : instance.getParameters())
        parameter->setValueNotifyingHost (static_cast<float> (random() % 1000) / 999.0f);
    instance.prepareToPlay (48000.0, 512);
    (void)processNoise (instance, 512, 24000);
    pumpMessages (200);

    juce::MemoryBlock first, second;
    instance.getStateInformation (first);
    instance.setStateInformation (first.getData(), static_cast<int> (first.getSize()));
    pumpMessages (200);
    instance.getStateInformation (second);
    EXPECT_EQ (first.getSize(), second.getSize());
    EXPECT_TRUE (first == second) << nameOf (GetParam()) << ": the state changed by a set and get";
    instance.releaseResources();
}

TEST_P (HostedLifecycle, RandomParameterValuesRoundTripThroughTheirText)
{
    auto hosted = load (GetParam());
    ASSERT_NE (hosted.instance, nullptr) << hosted.error;
    std::mt19937 random (11);
    std::size_t checked = 0;
    for (auto* parameter : hosted.instance->getParameters())
    {
        // JUCE 7.0.5's LV2 host wraps lv2:enabled in a BypassParameter that
        // inverts getValue/setValue but not getText/getValueForText
        // (juce_LV2PluginFormat.cpp): its text cannot round-trip, whatever
        // the plugin does. The plugin's own parameters must.
        if (GetParam() == Format::lv2 && parameter == hosted.instance->getBypassParameter())
            continue;
        for (int i = 0; i < 25; ++i)
        {
            const auto value = static_cast<float> (random() % 10001) / 10000.0f;
            const auto text = parameter->getText (value, 64);
            const auto parsed = parameter->getValueForText (text);
            EXPECT_EQ (parameter->getText (parsed, 64), text)
                << nameOf (GetParam()) << " parameter '" << parameter->getName (64) << "' at " << value;
            EXPECT_TRUE (std::isfinite (parsed) && parsed >= 0.0f && parsed <= 1.0f) << parsed;
            ++checked;
        }
    }
    EXPECT_GE (checked, parameterCount * 25u); // every one of the plugin's parameters
}

TEST_P (HostedLifecycle, EveryCommonRateAndBlockSizeGivesFiniteOutputWithoutSubnormals)
{
    auto hosted = load (GetParam());
    ASSERT_NE (hosted.instance, nullptr) << hosted.error;
    auto& instance = *hosted.instance;
    restore (GetParam(), instance);

    for (const double rate : { 22050.0, 44100.0, 48000.0, 96000.0, 192000.0 })
    {
        for (const int block : { 1, 7, 64, 480, 512, 4096, 8192 })
        {
            instance.prepareToPlay (rate, block);
            pumpMessages (20);
            // A fifth of a second, at least 8 blocks.
            const auto samples =
                std::max<std::size_t> (static_cast<std::size_t> (rate / 5.0), 8 * static_cast<std::size_t> (block));
            const auto check = processNoise (instance, block, samples, static_cast<std::uint32_t> (block));
            EXPECT_EQ (check.nonFinite, 0u) << nameOf (GetParam()) << " at " << rate << " Hz, blocks of " << block;
            EXPECT_EQ (check.subnormal, 0u) << nameOf (GetParam()) << " at " << rate << " Hz, blocks of " << block;
            EXPECT_GT (check.peak, 0.0) << "silence at " << rate << " Hz, blocks of " << block;
            instance.releaseResources();
        }
    }
}

TEST_P (HostedLifecycle, PrepareAgainWithoutReleaseKeepsWorking)
{
    auto hosted = load (GetParam());
    ASSERT_NE (hosted.instance, nullptr) << hosted.error;
    auto& instance = *hosted.instance;
    restore (GetParam(), instance);

    const std::pair<double, int> settings[] = {
        { 48000.0, 512 }, { 96000.0, 1024 }, { 44100.0, 64 }, { 48000.0, 4096 }
    };
    for (const auto& [rate, block] : settings)
    {
        instance.prepareToPlay (rate, block); // no releaseResources in between, as some hosts do
        const auto check = processNoise (instance, block, 9600);
        EXPECT_EQ (check.nonFinite, 0u) << rate << " Hz, " << block;
        EXPECT_GT (check.peak, 0.0) << rate << " Hz, " << block;
    }
    instance.releaseResources();
}

TEST_P (HostedLifecycle, AutomationFromTheMessageThreadWhileTheAudioThreadProcesses)
{
    auto hosted = load (GetParam());
    ASSERT_NE (hosted.instance, nullptr) << hosted.error;
    auto& instance = *hosted.instance;
    restore (GetParam(), instance);
    instance.prepareToPlay (48000.0, 256);

    std::atomic<bool> running { true };
    std::atomic<std::size_t> blocks { 0 }, nonFinite { 0 };
    std::thread audio (
        [&]
        {
            while (running.load())
            {
                const auto check = processNoise (instance, 256, 256, static_cast<std::uint32_t> (blocks.load()));
                nonFinite += check.nonFinite;
                ++blocks;
                std::this_thread::sleep_for (std::chrono::microseconds (500));
            }
        });

    std::mt19937 random (13);
    const auto parameters = instance.getParameters();
    const auto end = juce::Time::getMillisecondCounter() + 3000;
    std::size_t changes = 0;
    while (juce::Time::getMillisecondCounter() < end)
    {
        auto* parameter = parameters[static_cast<int> (random() % static_cast<unsigned> (parameters.size()))];
        parameter->beginChangeGesture();
        parameter->setValueNotifyingHost (static_cast<float> (random() % 1001) / 1000.0f);
        parameter->endChangeGesture();
        ++changes;
        pumpMessages (2);
    }
    running.store (false);
    audio.join();

    EXPECT_EQ (nonFinite.load(), 0u);
    EXPECT_GT (blocks.load(), 100u);
    std::printf ("  %s: %zu parameter changes from the message thread during %zu audio blocks\n", nameOf (GetParam()),
                 changes, blocks.load());
    instance.releaseResources();
}

TEST_P (HostedLifecycle, TheEditorOpensWhileProcessingAndOpensAndClosesRepeatedly)
{
    if (juce::Desktop::getInstance().getDisplays().getPrimaryDisplay() == nullptr)
        GTEST_SKIP() << "no display (and no Xvfb to start one)";
    auto hosted = load (GetParam());
    ASSERT_NE (hosted.instance, nullptr) << hosted.error;
    auto& instance = *hosted.instance;
    ASSERT_TRUE (instance.hasEditor());
    restore (GetParam(), instance);
    instance.prepareToPlay (48000.0, 512);

    std::atomic<bool> running { true };
    std::atomic<std::size_t> blocks { 0 }, nonFinite { 0 };
    std::thread audio (
        [&]
        {
            while (running.load())
            {
                nonFinite += processNoise (instance, 512, 512, static_cast<std::uint32_t> (blocks.load())).nonFinite;
                ++blocks;
                std::this_thread::sleep_for (std::chrono::milliseconds (2));
            }
        });

    constexpr int openings = 10;
    int opened = 0;
    for (int i = 0; i < openings; ++i)
    {
        std::unique_ptr<juce::AudioProcessorEditor> editor (instance.createEditorIfNeeded());
        if (editor == nullptr)
            break;
        {
            juce::DocumentWindow window ("Partita", juce::Colours::black, juce::DocumentWindow::closeButton);
            window.setContentNonOwned (editor.get(), true);
            window.setVisible (true);
            pumpMessages (i == 0 ? 500 : 100);
            EXPECT_GT (editor->getWidth(), 0);
            EXPECT_GT (editor->getHeight(), 0);
            window.clearContentComponent();
        }
        editor.reset(); // its destructor tells the instance
        pumpMessages (50);
        ++opened;
    }
    running.store (false);
    audio.join();

    EXPECT_EQ (opened, openings);
    EXPECT_EQ (nonFinite.load(), 0u);
    EXPECT_GT (blocks.load(), 50u);
    instance.releaseResources();
}

INSTANTIATE_TEST_SUITE_P (BuiltBinaries, HostedLifecycle, ::testing::Values (Format::vst3, Format::lv2),
                          [] (const ::testing::TestParamInfo<Format>& parameter)
                          { return std::string (nameOf (parameter.param)); });

} // namespace partita
