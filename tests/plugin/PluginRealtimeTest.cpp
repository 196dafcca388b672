// SPDX-License-Identifier: GPL-3.0-or-later
#include "PluginTestHelpers.h"
#include "RealtimeWatch.h"
#include "TestSignals.h"
#include "browser/BrowserList.h"
#include "browser/FolderScanner.h"
#include "plugin/BrowserEntries.h"
#include "processor/ParameterTable.h"
#include "state/IrReadLimits.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <random>
#include <set>
#include <thread>

namespace partita
{
namespace
{
constexpr double rate = 48000.0;
constexpr int blockSize = 512;

/** Plays a 100 Hz sine through the plugin block by block, every
    processBlock call watched for allocations and waiting locks. */
class WatchedPlayback
{
public:
    explicit WatchedPlayback (PartitaAudioProcessor& p, std::size_t maxBlocks)
        : plugin (p)
        , buffer (2, blockSize)
    {
        output.assign (2, std::vector<float> (maxBlocks * blockSize, 0.0f));
    }

    void playBlock()
    {
        for (int n = 0; n < blockSize; ++n)
        {
            const auto t = static_cast<double> (position + static_cast<std::size_t> (n)) / rate;
            const auto fade = std::min (1.0, t / 0.05);
            buffer.setSample (0, n, static_cast<float> (0.5 * fade * std::sin (2.0 * std::numbers::pi * 100.0 * t)));
            buffer.setSample (1, n, static_cast<float> (0.5 * fade * std::cos (2.0 * std::numbers::pi * 100.0 * t)));
        }
        {
            test::ScopedRealtimeWatch watch;
            plugin.processBlock (buffer, midi);
            violations += watch.violations();
        }
        for (int c = 0; c < 2; ++c)
            for (int n = 0; n < blockSize && position + static_cast<std::size_t> (n) < output[0].size(); ++n)
                output[static_cast<std::size_t> (c)][position + static_cast<std::size_t> (n)] = buffer.getSample (c, n);
        position += blockSize;
    }

    PartitaAudioProcessor& plugin;
    juce::AudioBuffer<float> buffer;
    juce::MidiBuffer midi;
    test::Channels output;
    std::size_t position = 0;
    test::RealtimeViolations violations;
};

std::filesystem::path writeRoom (const test::TemporaryDirectory& directory, const std::string& name, std::uint32_t seed,
                                 float gain)
{
    auto h = test::decayingNoise (4800, seed);
    for (auto& sample : h)
        sample *= gain;
    return test::writeIr (directory, name, { h, h }, rate);
}

/** Steady-state largest step with only this IR, for the bound. */
double heldStep (const test::TemporaryDirectory& directory, const std::filesystem::path& ir)
{
    auto plugin = test::makePlugin (directory);
    test::setNeutralParameters (*plugin);
    EXPECT_TRUE (test::loadIrAndWait (*plugin, ir));
    test::preparePlugin (*plugin, rate, blockSize, 2, 2);
    WatchedPlayback playback (*plugin, 200);
    for (int i = 0; i < 200; ++i)
        playback.playBlock();
    test::Channels steady;
    for (const auto& channel : playback.output)
        steady.emplace_back (channel.begin() + 9600, channel.end());
    return test::largestStep (steady);
}
} // namespace

TEST (PluginIrSwap, ASwapDuringPlaybackIsSmoothAndTheAudioThreadNeitherAllocatesNorWaits)
{
    test::TemporaryDirectory directory;
    const auto first = writeRoom (directory, "first.wav", 1, 0.3f);
    const auto second = writeRoom (directory, "second.wav", 2, 0.15f);

    auto plugin = test::makePlugin (directory);
    test::setNeutralParameters (*plugin);
    ASSERT_TRUE (test::loadIrAndWait (*plugin, first));
    test::preparePlugin (*plugin, rate, blockSize, 2, 2);

    constexpr std::size_t maxBlocks = 3000;
    WatchedPlayback playback (*plugin, maxBlocks);
    for (int i = 0; i < 100; ++i)
        playback.playBlock();

    plugin->loadImpulseResponseFile (juce::File (juce::String (second.string())));
    std::size_t blocksAfterArrival = 0;
    std::size_t blocks = 100;
    while (blocks < maxBlocks && blocksAfterArrival < 40)
    {
        playback.playBlock();
        ++blocks;
        const auto info = plugin->convolver().impulseResponseInfo();
        if (info != nullptr && info->name == "second.wav")
            ++blocksAfterArrival;
        // Leave the loader thread time, as a real audio callback would.
        std::this_thread::sleep_for (std::chrono::microseconds (500));
    }
    ASSERT_EQ (blocksAfterArrival, 40u) << "the new IR never arrived";

    EXPECT_EQ (playback.violations.allocations, 0u);
    EXPECT_EQ (playback.violations.deallocations, 0u);
    EXPECT_EQ (playback.violations.lockWaits, 0u);

    test::Channels played;
    for (const auto& channel : playback.output)
        played.emplace_back (channel.begin() + 9600,
                             channel.begin() + static_cast<std::ptrdiff_t> (blocks * blockSize));
    const auto swapStep = test::largestStep (played);
    const auto bound = 1.5 * std::max (heldStep (directory, first), heldStep (directory, second)) + 1.0e-4;
    EXPECT_LE (swapStep, bound);
    RecordProperty ("swapStepOverBound", std::to_string (swapStep / bound));

    // The old engine is freed off the audio thread soon after.
    for (int i = 0; i < 200 && plugin->convolver().retiredEnginesAwaitingRelease() > 0; ++i)
        std::this_thread::sleep_for (std::chrono::milliseconds (5));
    EXPECT_EQ (plugin->convolver().retiredEnginesAwaitingRelease(), 0u);
}

TEST (PluginRealtime, ProcessBlockAllocatesNothingAndTakesNoWaitingLockWhateverTheHostDoes)
{
    test::TemporaryDirectory directory;
    const auto first = writeRoom (directory, "a.wav", 3, 0.3f);
    const auto second = writeRoom (directory, "b.wav", 4, 0.3f);
    auto plugin = test::makePlugin (directory);
    ASSERT_TRUE (test::loadIrAndWait (*plugin, first));
    test::preparePlugin (*plugin, rate, 4096, 2, 2);

    std::mt19937 random (77);
    test::RandomBlockSizes sizes (5, 4096);
    test::Channels storage (2, std::vector<float> (4096, 0.0f));
    float* pointers[] = { storage[0].data(), storage[1].data() };
    juce::MidiBuffer midi;
    test::RealtimeViolations total;
    std::size_t calls = 0;

    const auto parameters = plugin->getParameters();
    for (int round = 0; round < 3000; ++round)
    {
        // Host activity between callbacks: automation (shaping changes make
        // the loader rebuild), IR loads and resets.
        if (round % 7 == 0)
        {
            auto* parameter = parameters[static_cast<int> (random() % static_cast<unsigned> (parameters.size()))];
            parameter->setValueNotifyingHost (static_cast<float> (random() % 1000) / 999.0f);
        }
        if (round % 500 == 250)
            plugin->loadImpulseResponseFile (
                juce::File (juce::String ((round % 1000 == 250 ? second : first).string())));

        const auto size = sizes.next();
        for (auto& channel : storage)
            for (std::size_t n = 0; n < size; ++n)
                channel[n] = static_cast<float> (static_cast<int> (random() % 2001) - 1000) / 2000.0f;

        {
            test::ScopedRealtimeWatch watch;
            juce::AudioBuffer<float> block (pointers, 2, static_cast<int> (size));
            plugin->processBlock (block, midi);
            if (round % 1000 == 999)
                plugin->convolver().reset();
            const auto found = watch.violations();
            total.allocations += found.allocations;
            total.deallocations += found.deallocations;
            total.lockWaits += found.lockWaits;
        }
        ++calls;

        for (const auto& channel : storage)
            for (std::size_t n = 0; n < size; ++n)
                ASSERT_TRUE (std::isfinite (channel[n])) << "call " << calls;
        if (round % 50 == 0)
            std::this_thread::sleep_for (std::chrono::milliseconds (1));
    }

    EXPECT_EQ (total.allocations, 0u);
    EXPECT_EQ (total.deallocations, 0u);
    EXPECT_EQ (total.lockWaits, 0u);
    RecordProperty ("watchedCalls", static_cast<int> (calls));
}

TEST (PluginBrowsing, SteppingThroughAFolderPlaysEachIrSmoothlyAndTheAudioThreadDoesNothingMoreThanForALoad)
{
    // A folder of six rooms of different levels, scanned and stepped through
    // twice round as the browser does it (BrowserList's step order,
    // BrowserEntries::load), from another thread while the audio plays.
    test::TemporaryDirectory directory;
    const auto folder = directory / "rooms";
    std::filesystem::create_directories (folder);
    std::vector<std::filesystem::path> rooms;
    for (std::uint32_t i = 0; i < 6; ++i)
    {
        const auto written =
            writeRoom (directory, "room " + std::to_string (i) + ".wav", 10 + i, 0.1f + 0.05f * static_cast<float> (i));
        rooms.push_back (folder / written.filename());
        std::filesystem::rename (written, rooms.back());
    }

    FolderScanner scanner (IrFileProbe (irReadLimits), nullptr);
    scanner.scan ({ folder });
    ASSERT_TRUE (scanner.waitUntilIdle (std::chrono::seconds (30)));
    BrowserList list;
    list.setFolders ({ folder });
    list.apply (scanner.takeResults());
    ASSERT_EQ (list.entryCount(), rooms.size());

    auto plugin = test::makePlugin (directory);
    test::setNeutralParameters (*plugin);
    ASSERT_TRUE (test::loadIrAndWait (*plugin, rooms.back()));
    test::preparePlugin (*plugin, rate, blockSize, 2, 2);

    constexpr std::size_t maxBlocks = 8000;
    WatchedPlayback playback (*plugin, maxBlocks);
    for (int i = 0; i < 100; ++i)
        playback.playBlock();

    // The stepping thread waits for each IR to play, as a listener would,
    // before the next step.
    std::atomic<bool> browsing { true };
    std::atomic<int> arrived { 0 };
    std::thread user (
        [&]
        {
            std::optional<std::size_t> at;
            for (std::size_t step = 0; step < 2 * rooms.size(); ++step)
            {
                at = list.step (at, StepDirection::next);
                if (!at)
                    break;
                const auto& entry = list.rows()[*at].entry;
                BrowserEntries::load (*plugin, entry);
                const auto name = entry.path.filename().string();
                for (int wait = 0; wait < 4000; ++wait)
                {
                    const auto info = plugin->convolver().impulseResponseInfo();
                    if (info != nullptr && info->name == name)
                    {
                        ++arrived;
                        break;
                    }
                    std::this_thread::sleep_for (std::chrono::milliseconds (1));
                }
                std::this_thread::sleep_for (std::chrono::milliseconds (30)); // past the crossfade
            }
            browsing = false;
        });

    std::set<std::string> heard;
    std::size_t blocks = 100;
    while (browsing && blocks < maxBlocks)
    {
        playback.playBlock();
        ++blocks;
        if (const auto info = plugin->convolver().impulseResponseInfo())
            heard.insert (info->name);
        std::this_thread::sleep_for (std::chrono::microseconds (500));
    }
    user.join();
    ASSERT_LT (blocks, maxBlocks) << "the steps took longer than the recording";
    EXPECT_EQ (arrived.load(), static_cast<int> (2 * rooms.size()));
    EXPECT_EQ (heard.size(), rooms.size());

    EXPECT_EQ (playback.violations.allocations, 0u) << playback.violations.describe();
    EXPECT_EQ (playback.violations.deallocations, 0u) << playback.violations.describe();
    EXPECT_EQ (playback.violations.lockWaits, 0u) << playback.violations.describe();
    EXPECT_EQ (playback.violations.fileCalls, 0u) << playback.violations.describe();
    EXPECT_EQ (playback.violations.sleeps, 0u) << playback.violations.describe();

    // Every switch as smooth as a load is: no step beyond 1.5 times the
    // largest of any room's own steady output.
    test::Channels played;
    for (const auto& channel : playback.output)
        played.emplace_back (channel.begin() + 9600,
                             channel.begin() + static_cast<std::ptrdiff_t> (blocks * blockSize));
    double held = 0.0;
    for (const auto& room : rooms)
        held = std::max (held, heldStep (directory, room));
    const auto bound = 1.5 * held + 1.0e-4;
    const auto stepped = test::largestStep (played);
    EXPECT_LE (stepped, bound);
    RecordProperty ("browsingStepOverBound", std::to_string (stepped / bound));
    std::printf ("  stepping through %zu IRs: largest step %.4g, bound %.4g (ratio %.3f)\n", 2 * rooms.size(), stepped,
                 bound, stepped / bound);
}
} // namespace partita
