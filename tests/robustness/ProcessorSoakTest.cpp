// SPDX-License-Identifier: GPL-3.0-or-later
// ctest label `soak` (not in the default run):
//     ctest --test-dir build/release -L soak --output-on-failure
// One hour of simulated audio (PARTITA_SOAK_MINUTES) at 48 kHz in 64-sample
// callbacks through the processor, with an IR swap every 1 to 10 s of audio
// from a message thread: resident memory (and the heap in use) may grow by at
// most 1 MiB after a warm-up (the first quarter), no output sample may be NaN
// or infinite, the audio thread makes no forbidden call, and the slowest
// callback is reported (wall clock and the thread's CPU time).
#include "ProcessorTestHelpers.h"
#include "RealtimeWatch.h"
#include "TestSignals.h"
#include "processor/ConvolverProcessor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <malloc.h>
#include <random>
#include <string>
#include <thread>
#include <time.h>
#include <unistd.h>
#include <vector>

namespace partita
{
namespace
{
using Clock = std::chrono::steady_clock;

std::size_t soakMinutes()
{
    if (const char* text = std::getenv ("PARTITA_SOAK_MINUTES"))
        return static_cast<std::size_t> (std::max (2, std::atoi (text)));
    return 60;
}

/** Bytes the allocator has handed out and not had back (all arenas,
    mmapped blocks included): unlike RSS, blind to fragmentation. */
std::size_t heapInUseBytes()
{
    const auto info = mallinfo2();
    return info.uordblks + info.hblkhd;
}

/** CPU time of the calling thread: unlike the wall clock it does not
    count the time the thread was preempted by others on a busy machine. */
double threadCpuSeconds()
{
    timespec now {};
    clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double> (now.tv_sec) + 1.0e-9 * static_cast<double> (now.tv_nsec);
}

/** Resident set size from /proc/self/statm, in bytes. */
std::size_t residentBytes()
{
    std::ifstream statm ("/proc/self/statm");
    std::size_t totalPages = 0, residentPages = 0;
    statm >> totalPages >> residentPages;
    return residentPages * static_cast<std::size_t> (sysconf (_SC_PAGESIZE));
}
} // namespace

TEST (ProcessorSoak, AnHourOfAudioInSixtyFourSampleBlocksWithIrSwapsKeepsMemoryFlatAndOutputFinite)
{
    constexpr double rate = 48000.0;
    constexpr std::size_t block = 64;
    // glibc's arenas take a while to reach their working set once every IR
    // has played (RSS settles in steps over the first 10 to 15 minutes while
    // the heap in use stays flat): the first quarter is the warm-up.
    const auto warmUpMinutes = std::max<std::size_t> (1, soakMinutes() / 4);
    const auto minutes = soakMinutes();
    const auto blocksPerMinute = static_cast<std::size_t> (60.0 * rate) / block;

    // glibc raises its mmap threshold each time it frees a large mmapped
    // block, after which large blocks come from the arenas, fragment them and
    // RSS creeps up in steps for tens of minutes (about 1.2 MiB over this hour
    // here, with the heap in use flat). A fixed threshold makes RSS follow the
    // memory the program actually holds. PARTITA_SOAK_GLIBC_DEFAULTS=1 runs
    // with glibc's defaults to see the difference.
    const char* defaults = std::getenv ("PARTITA_SOAK_GLIBC_DEFAULTS");
    if (defaults == nullptr || std::string (defaults) != "1")
        mallopt (M_MMAP_THRESHOLD, 128 * 1024);

    ConvolverProcessor processor (RebuildMode::background);
    ProcessorParameters parameters;
    parameters.mixPercent = 40.0f;
    parameters.lowCutHz = 80.0f;
    parameters.highCutHz = 12000.0f;
    parameters.preDelayMs = 12.0f;
    processor.setParameters (parameters);
    processor.loadImpulseResponse (
        test::makeClip ({ test::decayingNoise (48000, 1), test::decayingNoise (48000, 2) }, rate), "first.wav");
    processor.prepare (rate, block, 2, 2);

    // Eight IRs, 50 ms to 2 s, mono, stereo and true stereo, at 48 and 44.1 kHz
    // (resampled on load): the memory a loaded IR takes depends on which one
    // plays, so warm-up plays each of them once, and each swap after it, in
    // the same order, must not exceed the warm-up's peaks.
    std::vector<AudioClip> clips;
    for (std::uint32_t i = 0; i < 8; ++i)
    {
        const std::size_t lengths[] = { 2400, 96000, 24000, 48000, 7200, 72000, 12000, 96000 };
        const std::size_t channelCounts[] = { 1, 4, 2, 2, 4, 1, 2, 4 };
        test::Channels ir;
        for (std::size_t c = 0; c < channelCounts[i]; ++c)
            ir.push_back (test::decayingNoise (lengths[i], 100 * i + static_cast<std::uint32_t> (c)));
        clips.push_back (test::makeClip (ir, i % 2 == 0 ? 48000.0 : 44100.0));
    }

    // The message thread swaps the IR every 1 to 10 s of audio (not of wall
    // time: it watches the audio position) and samples the resident memory
    // every few milliseconds, keeping the largest value per minute of audio.
    std::atomic<std::size_t> blocksDone { 0 };
    std::atomic<bool> running { true };
    std::atomic<std::size_t> swaps { 0 };
    // The block at which the next swap is due: between seconds of audio
    // (outside the real-time watch) the audio loop waits for a due swap to be
    // loaded and published, so the swaps keep to their audio-time schedule
    // however much faster than real time the processor runs.
    std::atomic<std::size_t> swapDueAt { 0 };
    std::vector<std::atomic<std::size_t>> rssPeakPerMinute (minutes);
    std::vector<std::atomic<std::size_t>> heapPeakPerMinute (minutes);
    std::thread messageThread (
        [&]
        {
            std::mt19937 random (5);
            std::size_t nextSwapAt = 0;
            std::string lastName;
            while (running.load())
            {
                const auto position = blocksDone.load();
                const auto minute = std::min (position / blocksPerMinute, minutes - 1);
                auto& peak = rssPeakPerMinute[minute];
                peak.store (std::max (peak.load(), residentBytes()));
                auto& heapPeak = heapPeakPerMinute[minute];
                heapPeak.store (std::max (heapPeak.load(), heapInUseBytes()));

                // As a user would, the next load comes when the last one plays:
                // this runs some 40 times faster than real time, and loads
                // piling up on the loader would measure that, not the processor.
                const auto playing = processor.impulseResponseInfo();
                const bool lastLoadPlays = swaps.load() == 0
                                           || (playing != nullptr && playing->name == lastName
                                               && processor.retiredEnginesAwaitingRelease() == 0);
                if (position >= nextSwapAt && lastLoadPlays)
                {
                    // The IRs come round in the same order as in the warm-up:
                    // the memory peak of a swap depends on which two IRs
                    // meet in it (the new one is built and primed while the
                    // old one plays), so later peaks compare like with like.
                    const auto index = swaps.load() % clips.size();
                    lastName = "ir" + std::to_string (swaps.load()) + ".wav";
                    processor.loadImpulseResponse (clips[index], lastName);
                    ++swaps;
                    const auto seconds = 1 + random() % 10;
                    nextSwapAt = position + static_cast<std::size_t> (static_cast<double> (seconds) * rate) / block;
                    swapDueAt.store (nextSwapAt);
                }
                std::this_thread::sleep_for (std::chrono::milliseconds (2));
            }
        });

    const auto noiseLeft = test::whiteNoise (48000, 7);
    const auto noiseRight = test::whiteNoise (48000, 8);
    std::vector<float> left (block), right (block);
    float* channels[] = { left.data(), right.data() };
    std::size_t position = 0, nonFinite = 0;
    double worstCallbackSeconds = 0.0, worstCallbackCpuSeconds = 0.0;
    std::size_t overBudget = 0, overBudgetCpu = 0;
    const double budget = static_cast<double> (block) / rate;
    test::RealtimeViolations seen;
    const auto started = Clock::now();

    const auto blocksPerSecond = blocksPerMinute / 60;
    auto swapIsSettled = [&]
    {
        if (blocksDone.load() >= swapDueAt.load())
            return false; // due: the message thread is about to load it
        const auto loads = swaps.load();
        const auto expected = loads == 0 ? std::string ("first.wav") : "ir" + std::to_string (loads - 1) + ".wav";
        const auto playing = processor.impulseResponseInfo();
        return playing != nullptr && playing->name == expected;
    };
    for (std::size_t second = 0; second < 60 * minutes; ++second)
    {
        for (int wait = 0; wait < 5000 && !swapIsSettled(); ++wait)
            std::this_thread::sleep_for (std::chrono::milliseconds (1));
        {
            const test::ScopedRealtimeWatch watch;
            for (std::size_t b = 0; b < blocksPerSecond; ++b)
            {
                const auto offset = position % (noiseLeft.size() - block);
                std::copy_n (noiseLeft.begin() + static_cast<std::ptrdiff_t> (offset), block, left.begin());
                std::copy_n (noiseRight.begin() + static_cast<std::ptrdiff_t> (offset), block, right.begin());
                const auto before = Clock::now();
                const auto cpuBefore = threadCpuSeconds();
                processor.process (channels, block);
                const auto cpuTook = threadCpuSeconds() - cpuBefore;
                const std::chrono::duration<double> took = Clock::now() - before;
                worstCallbackSeconds = std::max (worstCallbackSeconds, took.count());
                worstCallbackCpuSeconds = std::max (worstCallbackCpuSeconds, cpuTook);
                overBudget += took.count() > budget ? 1u : 0u;
                overBudgetCpu += cpuTook > budget ? 1u : 0u;
                for (std::size_t n = 0; n < block; ++n)
                    if (!std::isfinite (left[n]) || !std::isfinite (right[n]))
                        ++nonFinite;
                position += block;
                blocksDone.store (blocksDone.load (std::memory_order_relaxed) + 1, std::memory_order_relaxed);
            }
            seen += watch.violations();
        }
    }

    const std::chrono::duration<double> elapsed = Clock::now() - started;
    running.store (false);
    messageThread.join();

    const auto warmUp = std::min (warmUpMinutes, minutes - 1);
    auto growthAfterWarmUp =
        [&] (const std::vector<std::atomic<std::size_t>>& peaks, std::size_t& before, std::size_t& after)
    {
        before = after = 0;
        for (std::size_t minute = 0; minute < minutes; ++minute)
        {
            const auto value = peaks[minute].load();
            if (minute < warmUp)
                before = std::max (before, value);
            else
                after = std::max (after, value);
        }
        return after > before ? after - before : std::size_t { 0 };
    };
    std::size_t baseline = 0, peak = 0, heapBaseline = 0, heapPeak = 0;
    const auto growth = growthAfterWarmUp (rssPeakPerMinute, baseline, peak);
    const auto heapGrowth = growthAfterWarmUp (heapPeakPerMinute, heapBaseline, heapPeak);
    std::printf ("[ figures  ] soak: peak RSS (MiB) per 5 min of audio:");
    for (std::size_t minute = 0; minute < minutes; ++minute)
        if (minute % 5 == 4 || minute + 1 == minutes)
        {
            std::size_t value = 0;
            for (std::size_t m = minute - std::min<std::size_t> (minute, 4); m <= minute; ++m)
                value = std::max (value, rssPeakPerMinute[m].load());
            std::printf (" %.1f", static_cast<double> (value) / 1048576.0);
        }
    std::printf ("\n[ figures  ] soak: peak heap in use (MiB) per 5 min of audio:");
    for (std::size_t minute = 0; minute < minutes; ++minute)
        if (minute % 5 == 4 || minute + 1 == minutes)
        {
            std::size_t value = 0;
            for (std::size_t m = minute - std::min<std::size_t> (minute, 4); m <= minute; ++m)
                value = std::max (value, heapPeakPerMinute[m].load());
            std::printf (" %.2f", static_cast<double> (value) / 1048576.0);
        }
    std::printf ("\n");

    EXPECT_EQ (nonFinite, 0u);
    EXPECT_EQ (seen.total(), 0u) << seen.describe();
    EXPECT_LE (growth, std::size_t { 1 } << 20) << "peak RSS during warm-up " << baseline << " bytes, later " << peak;
    EXPECT_LE (heapGrowth, std::size_t { 1 } << 20)
        << "peak heap in use during warm-up " << heapBaseline << " bytes, later " << heapPeak;
    EXPECT_GT (swaps.load(), minutes * 6 - 1);
    std::printf ("[ figures  ] soak: %zu min of 48 kHz audio in %zu-sample callbacks in %.1f s, %zu IR swaps; "
                 "peak RSS in the first %zu min %.2f MiB, later %.2f MiB (growth %.1f KiB), heap in use growth "
                 "%.1f KiB; worst callback "
                 "%.3f ms wall, %.3f ms thread CPU (budget %.3f ms; over it: %zu wall, %zu CPU of %zu); "
                 "non-finite samples %zu; forbidden calls: %s\n",
                 minutes, block, elapsed.count(), swaps.load(), warmUp, static_cast<double> (baseline) / 1048576.0,
                 static_cast<double> (peak) / 1048576.0, static_cast<double> (growth) / 1024.0,
                 static_cast<double> (heapGrowth) / 1024.0, worstCallbackSeconds * 1000.0,
                 worstCallbackCpuSeconds * 1000.0, budget * 1000.0, overBudget, overBudgetCpu,
                 minutes * blocksPerMinute, nonFinite, seen.describe().c_str());
}

} // namespace partita
