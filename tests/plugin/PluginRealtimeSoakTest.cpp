// SPDX-License-Identifier: GPL-3.0-or-later
// The plugin's processBlock as the robustness suite runs the engine and the
// processor (tests/robustness/RealtimeSoakTest.cpp): 100,000 callbacks at
// random block sizes from 1 to 4096, 100 IR loads from a message thread,
// 1,000 parameter changes and 10 resets; not one call that can allocate,
// free, block, sleep or touch a file inside processBlock.
#include "PluginTestHelpers.h"
#include "RealtimeWatch.h"
#include "TestSignals.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace partita
{

TEST (PluginRealtimeSoak, ProcessBlockMakesNoForbiddenCallInAHundredThousandRandomBlocksWithLoadsParametersAndResets)
{
    constexpr std::size_t numCalls = 100'000;
    constexpr std::size_t maxBlock = 4096;
    constexpr std::size_t numLoads = 100;
    constexpr std::size_t callsPerLoad = numCalls / (numLoads + 1);
    constexpr std::size_t numParameterChanges = 1000;
    constexpr std::size_t numResets = 10;
    constexpr double rate = 48000.0;
    using Clock = std::chrono::steady_clock;

    test::TemporaryDirectory directory;
    std::vector<std::filesystem::path> files;
    for (std::uint32_t i = 0; i < 10; ++i)
    {
        const auto length = 200 + (i * 7919u) % 4000u;
        test::Channels ir;
        for (std::uint32_t c = 0; c < (i % 3 == 2 ? 4u : 1u + i % 2); ++c)
            ir.push_back (test::decayingNoise (length, 10 * i + c + 1));
        files.push_back (test::writeIr (directory, "ir" + std::to_string (i) + ".wav", ir, i % 2 == 0 ? rate : 44100.0));
    }

    auto plugin = test::makePlugin (directory);
    ASSERT_TRUE (test::loadIrAndWait (*plugin, files[0]));
    test::preparePlugin (*plugin, rate, static_cast<int> (maxBlock), 2, 2);

    std::atomic<std::size_t> callsDone { 0 };
    std::atomic<std::size_t> loadsDone { 0 };
    std::atomic<std::size_t> failedLoads { 0 };
    std::atomic<bool> stop { false };
    std::thread messageThread (
        [&]
        {
            for (std::size_t load = 1; load <= numLoads && ! stop.load(); ++load)
            {
                while (callsDone.load() < load * callsPerLoad && ! stop.load())
                    std::this_thread::sleep_for (std::chrono::milliseconds (1));
                const auto& file = files[load % files.size()];
                plugin->loadImpulseResponseFile (juce::File (juce::String (file.string())));
                const auto name = file.filename().string();
                const auto deadline = Clock::now() + std::chrono::seconds (20);
                auto arrived = [&]
                {
                    const auto info = plugin->convolver().impulseResponseInfo();
                    return info != nullptr && info->name == name;
                };
                // The same file twice in a row arrives at once; others when built.
                while (! arrived() && Clock::now() < deadline && ! stop.load())
                    std::this_thread::sleep_for (std::chrono::milliseconds (1));
                if (! arrived())
                    failedLoads.fetch_add (1);
                loadsDone.store (load);
            }
        });

    test::Channels storage (2, std::vector<float> (maxBlock, 0.0f));
    float* pointers[] = { storage[0].data(), storage[1].data() };
    const auto noise = test::whiteNoise (maxBlock, 3);
    juce::MidiBuffer midi;
    std::mt19937 random (11);
    std::uniform_int_distribution<std::size_t> blockSizes (1, maxBlock);
    const auto parameters = plugin->getParameters();
    test::RealtimeViolations seen;
    std::size_t parameterChanges = 0, resets = 0, nonFinite = 0;
    bool loaderKeptUp = true;
    const auto started = Clock::now();

    for (std::size_t call = 0; call < numCalls; ++call)
    {
        // Host automation between callbacks.
        if (call % (numCalls / numParameterChanges) == 3)
        {
            auto* parameter = parameters[static_cast<int> (random() % static_cast<unsigned> (parameters.size()))];
            parameter->setValueNotifyingHost (static_cast<float> (random() % 1001) / 1000.0f);
            ++parameterChanges;
        }

        const auto size = blockSizes (random);
        std::copy_n (noise.begin(), size, storage[0].begin());
        std::copy_n (noise.begin(), size, storage[1].begin());
        juce::AudioBuffer<float> block (pointers, 2, static_cast<int> (size));
        {
            const test::ScopedRealtimeWatch watch;
            plugin->processBlock (block, midi);
            if (call % (numCalls / numResets) == numCalls / numResets / 2)
            {
                plugin->convolver().reset();
                ++resets;
            }
            seen += watch.violations();
        }
        for (const auto& channel : storage)
            for (std::size_t n = 0; n < size; ++n)
                nonFinite += std::isfinite (channel[n]) ? 0u : 1u;
        callsDone.store (call + 1, std::memory_order_relaxed);

        const auto loadDue = (call + 1) / callsPerLoad;
        if ((call + 1) % callsPerLoad == callsPerLoad / 2 && loadDue >= 1 && loadDue <= numLoads)
        {
            const auto deadline = Clock::now() + std::chrono::seconds (30);
            while (loadsDone.load() < loadDue && Clock::now() < deadline)
                std::this_thread::yield();
            loaderKeptUp = loaderKeptUp && loadsDone.load() >= loadDue;
        }
    }
    const std::chrono::duration<double> elapsed = Clock::now() - started;
    stop.store (true);
    messageThread.join();

    for (std::size_t i = 0; i < test::numRealtimeCalls; ++i)
        EXPECT_EQ (seen.calls[i], 0u) << test::realtimeCallName (static_cast<test::RealtimeCall> (i));
    EXPECT_EQ (seen.total(), 0u) << seen.describe();
    EXPECT_EQ (nonFinite, 0u);
    EXPECT_TRUE (loaderKeptUp);
    EXPECT_EQ (loadsDone.load(), numLoads);
    EXPECT_EQ (failedLoads.load(), 0u);
    EXPECT_EQ (parameterChanges, numParameterChanges);
    EXPECT_EQ (resets, numResets);
    std::printf ("[ figures  ] plugin processBlock: %zu calls in %.2f s, %zu IR loads, %zu parameter changes, "
                 "%zu resets, forbidden calls: %s\n",
                 numCalls, elapsed.count(), loadsDone.load(), parameterChanges, resets, seen.describe().c_str());
}

} // namespace partita
