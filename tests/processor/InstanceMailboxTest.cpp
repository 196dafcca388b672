// SPDX-License-Identifier: GPL-3.0-or-later
#include "processor/InstanceMailbox.h"

#include <gtest/gtest.h>

namespace partita
{
namespace
{
std::unique_ptr<ConvolverInstance> instanceWithLatency (std::size_t latency)
{
    auto instance = std::make_unique<ConvolverInstance>();
    instance->latencySamples = latency;
    return instance;
}

TEST (InstanceMailbox, TheAudioThreadTakesTheNewestInstanceOnce)
{
    InstanceMailbox mailbox;
    EXPECT_FALSE (mailbox.hasPending());
    mailbox.publish (instanceWithLatency (1));
    mailbox.publish (instanceWithLatency (2)); // supersedes the first, never taken
    ASSERT_TRUE (mailbox.hasPending());
    const auto taken = mailbox.takePending();
    ASSERT_NE (taken, nullptr);
    EXPECT_EQ (taken->latencySamples, 2u);
    EXPECT_FALSE (mailbox.hasPending());
    EXPECT_EQ (mailbox.takePending(), nullptr);
}

TEST (InstanceMailbox, RetiredInstancesWaitForTheBuilderSideToFreeThem)
{
    InstanceMailbox mailbox;
    auto instance = instanceWithLatency (3);
    EXPECT_TRUE (mailbox.retire (instance));
    EXPECT_EQ (instance, nullptr);
    EXPECT_EQ (mailbox.retiredCount(), 1u);
    mailbox.drainRetired();
    EXPECT_EQ (mailbox.retiredCount(), 0u);
}

TEST (InstanceMailbox, AFullRetireQueueRefusesAndLeavesTheInstanceWithTheAudioThread)
{
    InstanceMailbox mailbox;
    std::size_t accepted = 0;
    for (; accepted < 100; ++accepted)
    {
        auto instance = instanceWithLatency (accepted);
        if (!mailbox.hasRoomToRetire())
        {
            EXPECT_FALSE (mailbox.retire (instance));
            EXPECT_NE (instance, nullptr); // not freed, not lost
            break;
        }
        EXPECT_TRUE (mailbox.retire (instance));
    }
    EXPECT_EQ (accepted, 16u);
    mailbox.drainRetired();
    EXPECT_TRUE (mailbox.hasRoomToRetire());
}

TEST (InstanceMailbox, DiscardingFreesAnInstanceNobodyTook)
{
    InstanceMailbox mailbox;
    mailbox.publish (instanceWithLatency (4));
    mailbox.discardPending();
    EXPECT_FALSE (mailbox.hasPending());
}
} // namespace
} // namespace partita
