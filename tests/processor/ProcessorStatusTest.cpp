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
    ProcessorParameters parameters;
    parameters.preDelayMs = 12.5f;
    const auto timing = status.reportedTiming (parameters, 120.0); // 12.5 ms at 96 kHz = 1200 samples
    EXPECT_EQ (timing.latencySamples, 1024u);
    EXPECT_EQ (timing.tailSamples, 51200u);
}

TEST (ProcessorStatus, ASyncedPreDelaysShareOfTheTailIsItsNoteAtTheTempo)
{
    ProcessorStatus status;
    status.setSampleRate (44100.0);
    status.publishTiming (0, 50000);
    ProcessorParameters parameters;
    parameters.preDelayMs = 12.5f; // not read when synced
    parameters.preDelaySync = PreDelaySync::tempo;
    parameters.preDelayNote = NoteValue::quarterDotted;
    // 1.5 beats at 97.3 BPM: 1.5 * 60 / 97.3 * 44100 = 40791.37 -> 40791.
    EXPECT_EQ (status.reportedTiming (parameters, 97.3).tailSamples, 50000u + 40791u);
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

namespace partita
{
namespace
{
TEST (ImpulseResponseInfo, TheLengthReadsTheSameWhereverItIsShown)
{
    // Found by a new user: the editor said 0.005 s and the message 0.01 s for
    // one IR. Both now use describeDuration, with three significant digits.
    EXPECT_EQ (describeDuration (240.0 / 48000.0), "5.0 ms");
    EXPECT_EQ (describeDuration (0.0483), "48.3 ms");
    EXPECT_EQ (describeDuration (0.7), "700 ms");
    EXPECT_EQ (describeDuration (0.99996), "1.00 s");
    EXPECT_EQ (describeDuration (2.5), "2.50 s");
    ImpulseResponseInfo info;
    info.originalSampleRate = 44100.0;
    info.originalFrames = 4410;
    EXPECT_EQ (describeDuration (info.originalSeconds()), "100 ms");
}
} // namespace
} // namespace partita
