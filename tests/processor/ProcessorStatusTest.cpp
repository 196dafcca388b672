// SPDX-License-Identifier: GPL-3.0-or-later
#include "processor/ProcessorStatus.h"

#include <gtest/gtest.h>

namespace partita
{
namespace
{
TEST (ProcessorStatus, TheTailIsTheEngineTailPlusThePreDelayInSamplesAtTheSessionRate)
{
    ProcessorStatus status;
    status.setSampleRate (96000.0);
    status.publishTiming (1024, 50000);
    const auto timing = status.reportedTiming (12.5f); // 12.5 ms at 96 kHz = 1200 samples
    EXPECT_EQ (timing.latencySamples, 1024u);
    EXPECT_EQ (timing.tailSamples, 51200u);
}

TEST (ProcessorStatus, TheTimingVersionMovesOnlyWhenTheTimingChanges)
{
    ProcessorStatus status;
    const auto start = status.timingVersion();
    status.publishTiming (0, 100);
    const auto afterChange = status.timingVersion();
    EXPECT_GT (afterChange, start);
    status.publishTiming (0, 100);
    EXPECT_EQ (status.timingVersion(), afterChange);
    status.timingMayHaveChanged(); // a pre-delay change
    EXPECT_GT (status.timingVersion(), afterChange);
}

TEST (ProcessorStatus, AnErrorKeepsTheIrAndBothMoveTheVersion)
{
    ProcessorStatus status;
    auto info = std::make_shared<ImpulseResponseInfo>();
    info->name = "hall.wav";
    const auto start = status.impulseResponseVersion();
    status.publishInfo (info, {});
    EXPECT_GT (status.impulseResponseVersion(), start);
    const auto afterInfo = status.impulseResponseVersion();
    status.publishError ("'broken.wav' is not a readable audio file");
    EXPECT_GT (status.impulseResponseVersion(), afterInfo);
    ASSERT_NE (status.info(), nullptr);
    EXPECT_EQ (status.info()->name, "hall.wav");
    EXPECT_EQ (status.lastError(), "'broken.wav' is not a readable audio file");
    status.publishInfo (nullptr, {});
    EXPECT_EQ (status.info(), nullptr);
    EXPECT_TRUE (status.lastError().empty());
}
} // namespace
} // namespace partita
