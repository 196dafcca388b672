// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/PreparedImpulseResponses.h"

#include "CliRunner.h"
#include "TemporaryDirectory.h"
#include "TestSignals.h"
#include "io/AudioFileError.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <vector>

namespace partita
{

TEST (PreparedImpulseResponses, ReadsTheFileOnceAndPreparesEachRateOnce)
{
    const test::TemporaryDirectory folder;
    const auto path = folder / "ir.wav";
    test::writeFloatWav (path,
                         test::makeClip ({ test::decayingNoise (480, 5), test::decayingNoise (480, 6) }, 48000.0));

    PreparedImpulseResponses irs (path, IrNormalisation::peak);
    EXPECT_EQ (irs.info().numChannels, 2u);
    EXPECT_EQ (irs.info().numFrames, 480u);

    const std::vector<double> rates { 48000.0, 96000.0, 48000.0 };
    irs.prepare (rates);
    // Gone from the disk: whatever is asked for now comes from what was read.
    std::filesystem::remove (path);

    const auto same = irs.at (48000.0);
    EXPECT_EQ (same, irs.at (48000.0)) << "prepared once, shared";
    EXPECT_EQ (same->numFrames(), 480u);
    EXPECT_EQ (irs.at (96000.0)->numFrames(), 960u);
    // A rate no header announced (an input changed since) is prepared on demand.
    const auto late = irs.at (24000.0);
    EXPECT_EQ (late->numFrames(), 240u);
    EXPECT_DOUBLE_EQ (late->sampleRate, 24000.0);
}

TEST (PreparedImpulseResponses, RefusesAnIrWithoutSamplesWhenOpened)
{
    const test::TemporaryDirectory folder;
    const auto path = folder / "empty.wav";
    test::writeFloatWav (path, test::makeClip ({ std::vector<float> {} }, 48000.0));
    try
    {
        PreparedImpulseResponses irs (path, IrNormalisation::none);
        FAIL() << "no AudioFileError";
    }
    catch (const AudioFileError& error)
    {
        EXPECT_NE (std::string (error.what()).find ("holds no samples"), std::string::npos) << error.what();
    }
}

} // namespace partita
