// SPDX-License-Identifier: GPL-3.0-or-later
#include "PluginTestHelpers.h"
#include "TestSignals.h"
#include "WorkMeter.h"
#include "state/PluginStateFormat.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <random>

namespace partita
{
namespace
{
void appendLittleEndian (std::vector<std::uint8_t>& bytes, std::uint32_t value, int numBytes)
{
    for (int i = 0; i < numBytes; ++i)
        bytes.push_back (static_cast<std::uint8_t> ((value >> (8 * i)) & 0xffu));
}

/** A PCM WAV whose header says what the test wants, whatever the data. */
void writeWav (const std::filesystem::path& path, std::uint16_t channels, std::uint32_t sampleRate,
               std::uint32_t declaredDataBytes, std::size_t presentDataBytes)
{
    std::vector<std::uint8_t> bytes;
    const auto text = [&bytes] (const char* s) { bytes.insert (bytes.end(), s, s + 4); };
    text ("RIFF");
    appendLittleEndian (bytes, 36 + declaredDataBytes, 4);
    text ("WAVE");
    text ("fmt ");
    appendLittleEndian (bytes, 16, 4);
    appendLittleEndian (bytes, 1, 2);
    appendLittleEndian (bytes, channels, 2);
    appendLittleEndian (bytes, sampleRate, 4);
    appendLittleEndian (bytes, sampleRate * channels * 2u, 4);
    appendLittleEndian (bytes, channels * 2u, 2);
    appendLittleEndian (bytes, 16, 2);
    text ("data");
    appendLittleEndian (bytes, declaredDataBytes, 4);
    bytes.resize (bytes.size() + presentDataBytes, 0x10);
    std::ofstream (path, std::ios::binary)
        .write (reinterpret_cast<const char*> (bytes.data()), static_cast<std::streamsize> (bytes.size()));
}

struct Fixture
{
    test::TemporaryDirectory directory;
    std::unique_ptr<PartitaAudioProcessor> plugin = test::makePlugin (directory);

    Fixture()
    {
        test::setNeutralParameters (*plugin);
        const auto good = test::writeIr (directory, "good.wav", { test::decayingNoise (2000, 4) }, 48000.0);
        test::preparePlugin (*plugin, 48000.0, 512, 2, 2);
        EXPECT_TRUE (test::loadIrAndWait (*plugin, good));
    }

    /** The plugin still plays the good IR: an impulse brings back its first
        samples, finite. */
    void expectStillPlayingTheGoodIr()
    {
        const auto info = plugin->convolver().impulseResponseInfo();
        ASSERT_NE (info, nullptr);
        EXPECT_EQ (info->name, "good.wav");
        plugin->convolver().reset();
        const test::Channels input { test::impulse (4096, 0), test::impulse (4096, 0) };
        const auto output = test::renderThroughPlugin (*plugin, input, 2, 4096, 9);
        const auto expected = test::decayingNoise (2000, 4);
        for (std::size_t n = 0; n < 2000; ++n)
            ASSERT_NEAR (output[0][n], expected[n], 1.0e-5f) << n;
    }
};
} // namespace

TEST (PluginRobustness, ABadIrFileLeavesTheCurrentIrPlayingAndSaysWhyWithinAFewMilliseconds)
{
    Fixture fixture;
    const auto& dir = fixture.directory;
    writeWav (dir / "truncated.wav", 2, 48000, 400000, 1000);
    writeWav (dir / "no channels.wav", 0, 48000, 1000, 1000);
    writeWav (dir / "empty.wav", 1, 48000, 0, 0);
    writeWav (dir / "absurd rate.wav", 1, 4000000000u, 1000, 1000);
    writeWav (dir / "one hertz.wav", 1, 1, 1000, 1000);
    writeWav (dir / "sixty-four channels.wav", 64, 48000, 64 * 2 * 100, 64 * 2 * 100);
    writeWav (dir / "three channels.wav", 3, 48000, 3 * 2 * 100, 3 * 2 * 100);
    {
        std::mt19937 random (1);
        std::ofstream garbage (dir / "garbage.wav", std::ios::binary);
        for (int i = 0; i < 5000; ++i)
            garbage.put (static_cast<char> (random()));
    }
    std::filesystem::create_directory (dir / "a folder.wav");

    for (const auto* name :
         { "truncated.wav", "no channels.wav", "empty.wav", "absurd rate.wav", "one hertz.wav",
           "sixty-four channels.wav", "three channels.wav", "garbage.wav", "a folder.wav", "missing.wav" })
    {
        // Work, not the wall clock, so that a loaded machine cannot fail it:
        // the process's CPU time (the loader thread's included) stays far
        // below what decoding or allocating what these headers claim costs.
        const test::WorkMeter work;
        EXPECT_FALSE (test::loadIrAndWait (*fixture.plugin, dir / name)) << name;
        const auto cpuMilliseconds = work.cpuMilliseconds();
        const auto status = fixture.plugin->status();
        EXPECT_EQ (status.severity, StatusMessage::Severity::error) << name << ": " << status.text;
        EXPECT_EQ (status.text.find ('\n'), std::string::npos);
        EXPECT_LT (cpuMilliseconds, 500.0) << name;
        // The message names the file (or, for a file that routes nowhere, what the bus can take).
        if (std::string (name) != "three channels.wav")
        {
            EXPECT_NE (status.text.find (name), std::string::npos) << status.text;
        }
        std::printf ("  %-26s -> %s (%.1f ms of CPU)\n", name, status.text.c_str(), cpuMilliseconds);
        fixture.expectStillPlayingTheGoodIr();
    }
}

TEST (PluginRobustness, ABadStateKeepsThePluginRunningAndSaysWhy)
{
    Fixture fixture;
    juce::MemoryBlock good;
    fixture.plugin->getStateInformation (good);
    const auto* bytes = static_cast<const std::uint8_t*> (good.getData());
    const std::vector<std::uint8_t> valid (bytes, bytes + good.getSize());

    std::vector<std::vector<std::uint8_t>> states;
    states.push_back ({});
    states.push_back ({ '<', '?', 'x', 'm', 'l' });
    states.emplace_back (valid.begin(), valid.begin() + static_cast<std::ptrdiff_t> (valid.size() / 2));
    auto hugeChunk = std::vector<std::uint8_t> (valid.begin(), valid.begin() + 12);
    hugeChunk.insert (hugeChunk.end(), { 'I', 'R', 'A', 'U', 0xff, 0xff, 0xff, 0x7f });
    states.push_back (hugeChunk);

    for (const auto& state : states)
    {
        fixture.plugin->setStateInformation (state.data(), static_cast<int> (state.size()));
        EXPECT_NE (fixture.plugin->status().severity, StatusMessage::Severity::information)
            << fixture.plugin->status().text;
        const test::Channels input { test::whiteNoise (2048, 1), test::whiteNoise (2048, 2) };
        const auto output = test::renderThroughPlugin (*fixture.plugin, input, 2, 2048, 3);
        for (const auto& channel : output)
            for (const auto sample : channel)
                ASSERT_TRUE (std::isfinite (sample));
    }

    // Random damage: never a crash, always finite audio.
    std::mt19937 random (4);
    for (int round = 0; round < 300; ++round)
    {
        auto damaged = valid;
        for (int i = 0; i < 1 + static_cast<int> (random() % 6); ++i)
            damaged[random() % damaged.size()] = static_cast<std::uint8_t> (random());
        fixture.plugin->setStateInformation (damaged.data(), static_cast<int> (damaged.size()));
    }
    const test::Channels input { test::whiteNoise (2048, 1), test::whiteNoise (2048, 2) };
    for (const auto& channel : test::renderThroughPlugin (*fixture.plugin, input, 2, 2048, 3))
        for (const auto sample : channel)
            ASSERT_TRUE (std::isfinite (sample));
}

TEST (PluginRobustness, AStateThatIsNotPartitasChangesNothing)
{
    Fixture fixture;
    const std::string xml = "<?xml version=\"1.0\"?><PARAMETERS mix=\"3\"/>";
    fixture.plugin->setStateInformation (xml.data(), static_cast<int> (xml.size()));
    EXPECT_EQ (fixture.plugin->status().severity, StatusMessage::Severity::error);
    EXPECT_NE (fixture.plugin->status().text.find ("not a Partita state"), std::string::npos);
    fixture.expectStillPlayingTheGoodIr();
}
} // namespace partita
