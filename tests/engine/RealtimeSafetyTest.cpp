// SPDX-License-Identifier: GPL-3.0-or-later
#include "RealtimeWatch.h"
#include "StreamingHarness.h"
#include "TestSignals.h"
#include "engine/ChannelRouting.h"
#include "engine/ConvolutionEngine.h"

#include <gtest/gtest.h>

#include <memory>
#include <mutex>

namespace partita
{

// The checker must be able to fail: these show that it sees what it is meant to.
// (Every counted call has its own test in tests/robustness/RealtimeWatchTest.cpp.)
namespace
{
    /** Keeps the allocation observable: clang may otherwise elide a new/delete pair. */
    int* volatile escaped = nullptr;
} // namespace

TEST (RealtimeWatch, CountsAnAllocationOnTheWatchedThread)
{
    const test::ScopedRealtimeWatch watch;
    auto allocated = std::make_unique<int> (42);
    escaped = allocated.get();
    EXPECT_EQ (watch.violations().allocations, 1u);
    allocated.reset();
    EXPECT_EQ (watch.violations().deallocations, 1u);
}

TEST (RealtimeWatch, CountsABlockingMutexLock)
{
    if (! test::ScopedRealtimeWatch::interceptsCLibrary())
        GTEST_SKIP() << "a sanitizer runtime linked into the executable owns pthread_mutex_lock in this build";
    std::mutex mutex;
    const test::ScopedRealtimeWatch watch;
    {
        const std::scoped_lock lock (mutex);
    }
    EXPECT_EQ (watch.violations().lockWaits, 1u);
}

TEST (RealtimeSafety, ProcessAllocatesNothingAndTakesNoLockForAnyBlockSize)
{
    test::Channels ir;
    for (std::uint32_t c = 0; c < 4; ++c)
        ir.push_back (test::decayingNoise (2000, c + 1));

    for (const auto mode : { LatencyMode::zero, LatencyMode::onePartition })
    {
        ConvolutionEngine engine;
        engine.prepare (routeImpulseResponse (ir, 2, 2), { 64, mode });

        constexpr std::size_t maxBlock = 8192;
        auto left = test::whiteNoise (maxBlock, 9);
        auto right = test::whiteNoise (maxBlock, 10);
        std::vector<float> outLeft (maxBlock), outRight (maxBlock);
        const float* inputs[] = { left.data(), right.data() };
        float* outputs[] = { outLeft.data(), outRight.data() };
        test::RandomBlockSizes blocks (11, 64, maxBlock);

        test::RealtimeViolations seen;
        {
            const test::ScopedRealtimeWatch watch;
            for (int call = 0; call < 2000; ++call)
            {
                engine.process (inputs, outputs, blocks.next());
                if (call % 500 == 499)
                    engine.reset();
            }
            seen = watch.violations();
        }
        EXPECT_EQ (seen.allocations, 0u);
        EXPECT_EQ (seen.deallocations, 0u);
        EXPECT_EQ (seen.lockWaits, 0u);
    }
}

} // namespace partita
