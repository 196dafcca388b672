// SPDX-License-Identifier: GPL-3.0-or-later
#include "processor/DelayRing.h"

#include <gtest/gtest.h>

namespace partita
{

TEST (DelayRing, ReadsEachChannelBackAtEveryDelayUpToItsCapacityAcrossTheWrap)
{
    DelayRing ring;
    ring.prepare (2, 100); // 128 slots
    for (int n = 0; n < 1000; ++n)
    {
        ring.write (0, static_cast<float> (n));
        ring.write (1, static_cast<float> (-n));
        for (int delay : { 0, 1, 37, 100 })
        {
            const float expected = n >= delay ? static_cast<float> (n - delay) : 0.0f;
            ASSERT_EQ (ring.read (0, static_cast<std::size_t> (delay)), expected) << n << ", delay " << delay;
            ASSERT_EQ (ring.read (1, static_cast<std::size_t> (delay)), -expected) << n << ", delay " << delay;
        }
        ring.advance();
    }
}

TEST (DelayRing, AClearedRingReadsSilenceBeforeWhatIsWrittenAfterIt)
{
    DelayRing ring;
    ring.prepare (1, 100);
    for (int n = 0; n < 300; ++n)
    {
        ring.write (0, 1.0f + static_cast<float> (n));
        ring.advance();
    }
    ring.clear();
    ring.write (0, 7.0f);
    EXPECT_EQ (ring.read (0, 0), 7.0f);
    for (std::size_t delay = 1; delay <= 100; ++delay)
        ASSERT_EQ (ring.read (0, delay), 0.0f) << delay;
    ring.advance();
    ring.write (0, 8.0f);
    EXPECT_EQ (ring.read (0, 0), 8.0f);
    EXPECT_EQ (ring.read (0, 1), 7.0f);
    EXPECT_EQ (ring.read (0, 2), 0.0f);
    // Once the ring has come round, the whole capacity is history again.
    for (int n = 0; n < 200; ++n)
    {
        ring.advance();
        ring.write (0, 9.0f);
    }
    EXPECT_EQ (ring.read (0, 100), 9.0f);
}

} // namespace partita
