// SPDX-License-Identifier: GPL-3.0-or-later
#include "PluginTestHelpers.h"
#include "TestSignals.h"
#include "processor/ParameterTable.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <thread>

namespace partita
{
namespace
{

std::size_t peakPosition (const std::vector<float>& signal)
{
    std::size_t peak = 0;
    for (std::size_t n = 0; n < signal.size(); ++n)
        if (std::abs (signal[n]) > std::abs (signal[peak]))
            peak = n;
    return peak;
}

/** Where an impulse at `at` comes out, with only the dry path (mix 0) or
    only the wet path (mix 100) and a unit-impulse IR. */
std::size_t measuredDelay (PartitaAudioProcessor& plugin, float mix, std::size_t at)
{
    test::setParameter (plugin, "mix", mix);
    plugin.convolver().reset();
    const test::Channels input { test::impulse (8192, at), test::impulse (8192, at) };
    const auto output = test::renderThroughPlugin (plugin, input, 2, 8192, 3);
    // The peak, not the first non-zero sample: the FFT partitions of the
    // low-CPU mode leave round-off near 1e-8 around the delayed impulse.
    return peakPosition (output[0]) - at;
}

/** Processes silence until the plugin reports a latency other than `old`
    (which it does as soon as the mode changes) and the engine rebuilt for the
    new mode has been built (irVersionBefore moved) and faded in. */
bool waitForLatencyChange (PartitaAudioProcessor& plugin, int old, std::uint64_t irVersionBefore)
{
    juce::AudioBuffer<float> silence (2, 512);
    juce::MidiBuffer midi;
    const auto process = [&]
    {
        silence.clear();
        plugin.processBlock (silence, midi);
        plugin.refreshFromConvolver();
        std::this_thread::sleep_for (std::chrono::milliseconds (1));
    };
    for (int i = 0;
         i < 4000
         && (plugin.getLatencySamples() == old || plugin.convolver().impulseResponseVersion() == irVersionBefore);
         ++i)
        process();
    for (int i = 0; i < 20; ++i) // the 50 ms crossfade
        process();
    return plugin.getLatencySamples() != old && plugin.convolver().impulseResponseVersion() != irVersionBefore;
}
} // namespace

TEST (PluginLatency, ReportsExactlyTheDelayOfTheDryAndTheWetPath)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    test::setNeutralParameters (*plugin);
    const auto file = test::writeIr (directory, "unit.wav", { { 1.0f }, { 1.0f } }, 48000.0);
    ASSERT_TRUE (test::loadIrAndWait (*plugin, file));
    test::preparePlugin (*plugin, 48000.0, 512, 2, 2);

    EXPECT_EQ (plugin->getLatencySamples(), 0);
    EXPECT_EQ (measuredDelay (*plugin, 0.0f, 100), 0u);
    EXPECT_EQ (measuredDelay (*plugin, 100.0f, 100), 0u);

    // Automating the latency mode: the host hears of the new latency.
    auto irVersion = plugin->convolver().impulseResponseVersion();
    test::setParameter (*plugin, "latencyMode", 1.0f);
    ASSERT_TRUE (waitForLatencyChange (*plugin, 0, irVersion));
    EXPECT_EQ (plugin->getLatencySamples(), static_cast<int> (ConvolverProcessor::lowCpuPartition));
    EXPECT_EQ (measuredDelay (*plugin, 0.0f, 100), ConvolverProcessor::lowCpuPartition);
    EXPECT_EQ (measuredDelay (*plugin, 100.0f, 100), ConvolverProcessor::lowCpuPartition);
    RecordProperty ("lowCpuLatencySamples", plugin->getLatencySamples());

    irVersion = plugin->convolver().impulseResponseVersion();
    test::setParameter (*plugin, "latencyMode", 0.0f);
    ASSERT_TRUE (waitForLatencyChange (*plugin, static_cast<int> (ConvolverProcessor::lowCpuPartition), irVersion));
    EXPECT_EQ (plugin->getLatencySamples(), 0);
}

TEST (PluginLatency, ReportsTheLatencyOfALowCpuSessionRightAfterPrepare)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    test::setParameter (*plugin, "latencyMode", 1.0f);
    test::preparePlugin (*plugin, 96000.0, 256, 1, 2);
    EXPECT_EQ (plugin->getLatencySamples(), static_cast<int> (ConvolverProcessor::lowCpuPartition));
}

// In Ardour 7 a Low CPU session's export dropped the first 256 input samples
// now and then: the plugin reported its latency only at a timer tick after the
// session had loaded (LV2: about 1024 samples later), and Ardour's export
// pre-roll came out short of it. The latency is now known when
// setStateInformation returns.
TEST (PluginLatency, ARestoredLowCpuSessionReportsItsLatencyBeforeSetStateInformationReturns)
{
    test::TemporaryDirectory directory;
    auto saved = test::makePlugin (directory);
    test::setParameter (*saved, "latencyMode", 1.0f);
    test::setParameter (*saved, "preDelay", 25.0f);
    const auto file = test::writeIr (directory, "hall.wav", { test::decayingNoise (48000, 4) }, 48000.0);
    ASSERT_TRUE (test::loadIrAndWait (*saved, file));
    juce::MemoryBlock state;
    saved->getStateInformation (state);

    for (const bool preparedFirst : { true, false })
    {
        auto restored = test::makePlugin (directory);
        if (preparedFirst)
            test::preparePlugin (*restored, 48000.0, 1024, 2, 2);
        ASSERT_EQ (restored->getLatencySamples(), 0);
        restored->setStateInformation (state.getData(), static_cast<int> (state.getSize()));
        // Not prepared yet, the host learns it when prepareToPlay returns (it
        // asks for the latency after activating the plugin).
        if (!preparedFirst)
            test::preparePlugin (*restored, 48000.0, 1024, 2, 2);
        EXPECT_EQ (restored->getLatencySamples(), static_cast<int> (ConvolverProcessor::lowCpuPartition))
            << (preparedFirst ? "prepared, then restored" : "restored, then prepared");
    }
}

TEST (PluginLatency, TheTailIsTheShapedIrPlusPreDelayPlusLatency)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    test::setNeutralParameters (*plugin);
    test::setParameter (*plugin, "preDelay", 10.0f);
    const auto file = test::writeIr (directory, "ir.wav", { test::decayingNoise (4800, 3) }, 48000.0);
    ASSERT_TRUE (test::loadIrAndWait (*plugin, file));
    test::preparePlugin (*plugin, 48000.0, 512, 2, 2);

    // (4800 - 1) + 480 samples of pre-delay + 0 latency.
    EXPECT_DOUBLE_EQ (plugin->getTailLengthSeconds(), (4799.0 + 480.0) / 48000.0);
}

TEST (PluginLatency, HostBypassKeepsTheReportedLatencySoDelayCompensationHolds)
{
    // In the low-CPU mode a host that bypasses the plugin still compensates
    // 1024 samples: the bypassed output must be the input that much later
    // (JUCE's default bypass passes it through at once).
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    test::setNeutralParameters (*plugin);
    test::setParameter (*plugin, "latencyMode", 1.0f);
    const auto file = test::writeIr (directory, "room.wav", { test::decayingNoise (4800, 1) }, 48000.0);
    ASSERT_TRUE (test::loadIrAndWait (*plugin, file));
    test::preparePlugin (*plugin, 48000.0, 512, 1, 1);
    const auto latency = static_cast<std::size_t> (plugin->getLatencySamples());
    ASSERT_EQ (latency, ConvolverProcessor::lowCpuPartition);

    const auto x = test::whiteNoise (16384, 2);
    std::vector<float> y;
    juce::AudioBuffer<float> buffer (1, 512);
    juce::MidiBuffer midi;
    for (std::size_t start = 0; start < x.size(); start += 512)
    {
        std::copy_n (x.begin() + static_cast<std::ptrdiff_t> (start), 512, buffer.getWritePointer (0));
        plugin->processBlockBypassed (buffer, midi);
        y.insert (y.end(), buffer.getReadPointer (0), buffer.getReadPointer (0) + 512);
    }
    const auto ramp = static_cast<std::size_t> (ConvolverProcessor::smoothingSeconds * 48000.0);
    for (std::size_t n = ramp; n < x.size(); ++n)
        ASSERT_EQ (y[n], n >= latency ? x[n - latency] : 0.0f) << "sample " << n;
}
} // namespace partita
