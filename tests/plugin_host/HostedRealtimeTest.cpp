// SPDX-License-Identifier: GPL-3.0-or-later
// The real-time rules checked on the BUILT VST3 and LV2 binaries, not only on
// the processor: JUCE's plugin wrappers compiled into them run code of their
// own on the audio thread (pluginval found JUCE 7.0.5's VST3 wrapper copying a
// vector of channel indices in every process call). The project's interposer
// counts what the thread that calls processBlock does inside the plugin's
// binary (JUCE's hosting code around it, compiled into this test, takes locks
// and allocates on its first call: not the plugin's doing), with an IR
// loaded, at several block sizes.
//
// JUCE's client wrappers (VST3 and LV2) lock the processor's callback lock
// once per block; only JUCE's own setup calls, which hosts make while
// processing is stopped, ever hold it elsewhere, and Partita never takes it.
// So a lock call is allowed once per block, but never one that waits.
#include "BuiltPlugin.h"
#include "HostStateWrapping.h"
#include "HostedSessions.h"
#include "RealtimeWatch.h"

#include <gtest/gtest.h>
#include <juce_audio_processors/juce_audio_processors.h>

#include <cstdio>
#include <random>
#include <thread>

namespace partita
{
namespace
{
using test::Format;
using test::nameOf;

/** A stereo room of 0.5 s at the session's rate, mix 70 %. */
std::vector<std::uint8_t> roomState()
{
    ProcessorParameters parameters;
    parameters.mixPercent = 70.0f;
    return test::roomSession (parameters, 24000, { 5u, 6u });
}

/** processBlock called `blocks` times on a thread of its own, as a host's
    audio thread calls it, watched from the first call to the last. */
test::RealtimeViolations processWatched (juce::AudioPluginInstance& instance, const test::LoadedModule& binary,
                                         int blockSize, int blocks, double& peak)
{
    test::RealtimeViolations seen;
    double loudest = 0.0;
    std::thread audio (
        [&]
        {
            juce::AudioBuffer<float> buffer (2, blockSize);
            juce::MidiBuffer midi;
            std::mt19937 random (static_cast<std::uint32_t> (blockSize));
            std::uniform_real_distribution<float> noise (-0.5f, 0.5f);
            for (int block = 0; block < blocks; ++block)
            {
                for (int c = 0; c < 2; ++c)
                    for (int n = 0; n < blockSize; ++n)
                        buffer.setSample (c, n, noise (random));
                {
                    const test::ScopedRealtimeWatch watch (binary);
                    instance.processBlock (buffer, midi);
                    seen += watch.violations();
                }
                loudest = std::max (loudest, static_cast<double> (buffer.getMagnitude (0, blockSize)));
            }
        });
    audio.join();
    peak = loudest;
    return seen;
}

class HostedRealtime : public ::testing::TestWithParam<Format>
{
};
} // namespace

TEST_P (HostedRealtime, TheAudioThreadNeitherAllocatesNorFreesNorWaitsInTheBuiltBinary)
{
    auto hosted = test::loadBuiltPlugin (GetParam(), 48000.0, 1024);
    ASSERT_NE (hosted.instance, nullptr) << hosted.error;
    auto& instance = *hosted.instance;
    juce::AudioProcessor::BusesLayout layout;
    layout.inputBuses.add (juce::AudioChannelSet::stereo());
    layout.outputBuses.add (juce::AudioChannelSet::stereo());
    ASSERT_TRUE (instance.setBusesLayout (layout));

    juce::MemoryBlock state;
    if (GetParam() == Format::vst3)
    {
        state = test::asVst3HostState (roomState());
    }
    else
    {
        juce::MemoryBlock hostState;
        instance.getStateInformation (hostState);
        state = test::withLv2PluginState (hostState, roomState());
    }
    instance.setStateInformation (state.getData(), static_cast<int> (state.getSize()));

    const auto binary = test::LoadedModule::find (GetParam() == Format::vst3 ? "/Partita.so" : "/libPartita.so");
    ASSERT_TRUE (binary.valid()) << "the plugin's binary is not among the loaded ones";

    for (const int blockSize : { 32, 64, 256, 512, 1024 })
    {
        instance.prepareToPlay (48000.0, blockSize);
        test::pumpMessages (100);
        double peak = 0.0;
        const auto blocks = std::max (64, 48000 / blockSize);
        const auto seen = processWatched (instance, binary, blockSize, blocks, peak);
        EXPECT_GT (peak, 0.0) << "silence at blocks of " << blockSize;
        EXPECT_EQ (seen.allocations, 0u) << nameOf (GetParam()) << ", blocks of " << blockSize << ": "
                                         << seen.describe();
        EXPECT_EQ (seen.deallocations, 0u)
            << nameOf (GetParam()) << ", blocks of " << blockSize << ": " << seen.describe();
        EXPECT_EQ (seen.contendedLocks, 0u)
            << nameOf (GetParam()) << ", blocks of " << blockSize << ": " << seen.describe();
        EXPECT_LE (seen.lockWaits, static_cast<std::size_t> (blocks))
            << nameOf (GetParam()) << ", blocks of " << blockSize << ": " << seen.describe();
        EXPECT_EQ (seen.sleeps + seen.fileCalls, 0u) << seen.describe();
        std::printf ("  %s, blocks of %d: %s\n", nameOf (GetParam()), blockSize, seen.describe().c_str());
        instance.releaseResources();
    }
}

INSTANTIATE_TEST_SUITE_P (BuiltBinaries, HostedRealtime, ::testing::Values (Format::vst3, Format::lv2),
                          [] (const ::testing::TestParamInfo<Format>& parameter)
                          { return std::string (nameOf (parameter.param)); });

} // namespace partita
