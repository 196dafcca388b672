// SPDX-License-Identifier: GPL-3.0-or-later
#include "PluginTestHelpers.h"
#include "TestSignals.h"
#include "state/ParameterIds.h"

#include <gtest/gtest.h>

#include <cmath>
#include <thread>

namespace partita
{
namespace
{
namespace ids = parameterIds;

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
    test::setParameter (plugin, ids::mix, mix);
    plugin.convolver().reset();
    const test::Channels input { test::impulse (8192, at), test::impulse (8192, at) };
    const auto output = test::renderThroughPlugin (plugin, input, 2, 8192, 3);
    // The peak, not the first non-zero sample: the FFT partitions of the
    // low-CPU mode leave round-off near 1e-8 around the delayed impulse.
    return peakPosition (output[0]) - at;
}

/** Processes silence until the plugin reports a latency other than `old`. */
bool waitForLatencyChange (PartitaAudioProcessor& plugin, int old)
{
    juce::AudioBuffer<float> silence (2, 512);
    juce::MidiBuffer midi;
    for (int i = 0; i < 4000 && plugin.getLatencySamples() == old; ++i)
    {
        silence.clear();
        plugin.processBlock (silence, midi);
        plugin.refreshFromConvolver();
        std::this_thread::sleep_for (std::chrono::milliseconds (1));
    }
    return plugin.getLatencySamples() != old;
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
    test::setParameter (*plugin, ids::latencyMode, 1.0f);
    ASSERT_TRUE (waitForLatencyChange (*plugin, 0));
    EXPECT_EQ (plugin->getLatencySamples(), static_cast<int> (ConvolverProcessor::lowCpuPartition));
    EXPECT_EQ (measuredDelay (*plugin, 0.0f, 100), ConvolverProcessor::lowCpuPartition);
    EXPECT_EQ (measuredDelay (*plugin, 100.0f, 100), ConvolverProcessor::lowCpuPartition);
    RecordProperty ("lowCpuLatencySamples", plugin->getLatencySamples());

    test::setParameter (*plugin, ids::latencyMode, 0.0f);
    ASSERT_TRUE (waitForLatencyChange (*plugin, static_cast<int> (ConvolverProcessor::lowCpuPartition)));
    EXPECT_EQ (plugin->getLatencySamples(), 0);
}

TEST (PluginLatency, ReportsTheLatencyOfALowCpuSessionRightAfterPrepare)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    test::setParameter (*plugin, ids::latencyMode, 1.0f);
    test::preparePlugin (*plugin, 96000.0, 256, 1, 2);
    EXPECT_EQ (plugin->getLatencySamples(), static_cast<int> (ConvolverProcessor::lowCpuPartition));
}

TEST (PluginLatency, TheTailIsTheShapedIrPlusPreDelayPlusLatency)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    test::setNeutralParameters (*plugin);
    test::setParameter (*plugin, ids::preDelay, 10.0f);
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
    test::setParameter (*plugin, ids::latencyMode, 1.0f);
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
