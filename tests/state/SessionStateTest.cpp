// SPDX-License-Identifier: GPL-3.0-or-later
#include "state/SessionState.h"

#include "state/ContentHash.h"

#include <gtest/gtest.h>

#include <limits>

namespace partita
{
namespace
{
AudioClip roomClip (double firstSample)
{
    AudioClip clip;
    clip.sampleRate = 48000.0;
    clip.channels = { { firstSample, 0.25, -0.125, 0.0625 }, { 0.5, firstSample, 0.0, -0.25 } };
    return clip;
}

ProcessorParameters unchanged (const ProcessorParameters& values)
{
    return values;
}

TEST (SessionState, ASaveHoldsTheLatestLoadEvenBeforeItIsBuilt)
{
    ConvolverProcessor dsp (RebuildMode::background); // never prepared: the load stays queued or checked
    SessionState session (dsp);
    dsp.loadImpulseResponse (roomClip (0.75), "room.wav", "/irs/room.wav");
    ProcessorParameters values;
    values.mixPercent = 42.0f;
    std::string problem;
    const auto parsed = parseState (session.save (values, problem));
    EXPECT_TRUE (problem.empty());
    EXPECT_EQ (parsed.state.parameters.mixPercent, 42.0f);
    ASSERT_TRUE (parsed.state.impulseResponse.has_value());
    EXPECT_EQ (parsed.state.impulseResponse->name, "room.wav");
    EXPECT_EQ (parsed.state.impulseResponse->originalPath, "/irs/room.wav");
    ASSERT_NE (parsed.state.impulseResponse->audio, nullptr);
    EXPECT_EQ (parsed.state.impulseResponse->audio->channels, roomClip (0.75).channels);
}

TEST (SessionState, ALoadThatFailsLeavesThePreviousIrInTheSave)
{
    ConvolverProcessor dsp (RebuildMode::synchronous);
    dsp.prepare (48000.0, 256, 2, 2);
    SessionState session (dsp);
    dsp.loadImpulseResponse (roomClip (0.75), "room.wav", "/irs/room.wav");
    EXPECT_EQ (dsp.loadImpulseResponse (roomClip (std::numeric_limits<double>::quiet_NaN()), "broken.wav"),
               LoadOutcome::failed);
    std::string problem;
    const auto parsed = parseState (session.save ({}, problem));
    ASSERT_TRUE (parsed.state.impulseResponse.has_value());
    EXPECT_EQ (parsed.state.impulseResponse->name, "room.wav");
}

TEST (SessionState, AnUnloadSavesNoIr)
{
    ConvolverProcessor dsp (RebuildMode::synchronous);
    SessionState session (dsp);
    dsp.loadImpulseResponse (roomClip (0.75), "room.wav");
    dsp.unloadImpulseResponse();
    std::string problem;
    EXPECT_FALSE (parseState (session.save ({}, problem)).state.impulseResponse.has_value());
}

TEST (SessionState, ARestoreGivesTheProcessorTheHostsValuesAndTheIrAndBuildsItAtOnce)
{
    ConvolverProcessor source (RebuildMode::synchronous);
    SessionState saving (source);
    source.loadImpulseResponse (roomClip (0.75), "room.wav", "/irs/room.wav");
    ProcessorParameters values;
    values.latencyMode = LatencyMode::onePartition;
    values.mixPercent = 30.0f;
    std::string problem;
    const auto bytes = saving.save (values, problem);

    ConvolverProcessor dsp (RebuildMode::background);
    dsp.prepare (48000.0, 256, 2, 2);
    SessionState session (dsp);
    std::string error;
    auto parsed = SessionState::read (bytes, error);
    ASSERT_TRUE (parsed.has_value()) << error;
    const auto outcome = session.apply (std::move (*parsed),
                                        [] (const ProcessorParameters& restored)
                                        {
                                            auto held = restored;
                                            held.mixPercent = 31.0f; // the host's rounding step
                                            return held;
                                        });
    EXPECT_FALSE (outcome.withProblems);
    EXPECT_EQ (outcome.message, "Session restored with the IR 'room.wav'");
    EXPECT_EQ (dsp.parameters().mixPercent, 31.0f);
    // Built before apply returns, background mode or not: the latency is known.
    EXPECT_EQ (dsp.reportedTiming().latencySamples, ConvolverProcessor::lowCpuPartition);
    ASSERT_NE (dsp.impulseResponseInfo(), nullptr);
    EXPECT_EQ (dsp.impulseResponseInfo()->name, "room.wav");
}

TEST (SessionState, ASessionReloadsWithTheLayoutTheIrsFileSaid)
{
    // The WAVEX sub-format is gone once the IR is saved as FLAC: the state
    // carries what it said, so that the reloaded session decodes it again.
    AudioClip bFormat;
    bFormat.sampleRate = 48000.0;
    bFormat.channels = { { 0.5, 0.0 }, { 0.25, 0.0 }, { -0.125, 0.0 }, { 0.0, 0.0625 } };
    ConvolverProcessor source (RebuildMode::synchronous);
    SessionState saving (source);
    source.loadImpulseResponse (bFormat, "hall.wav", "/irs/hall.wav",
                                { IrLayout::bFormatFuMa, IrLayoutReason::subFormat });
    std::string problem;
    const auto bytes = saving.save (ProcessorParameters {}, problem);

    ConvolverProcessor dsp (RebuildMode::synchronous);
    dsp.prepare (48000.0, 256, 2, 2);
    SessionState session (dsp);
    std::string error;
    auto parsed = SessionState::read (bytes, error);
    ASSERT_TRUE (parsed.has_value()) << error;
    const auto outcome = session.apply (std::move (*parsed), unchanged);
    EXPECT_FALSE (outcome.withProblems) << outcome.message;
    const auto info = dsp.impulseResponseInfo();
    ASSERT_NE (info, nullptr);
    EXPECT_EQ (info->layout, (ResolvedIrLayout { IrLayout::bFormatFuMa, IrLayoutReason::subFormat }));
    EXPECT_EQ (info->shapedChannels.size(), 2u);
    EXPECT_EQ (dsp.requestedImpulseResponse()->layoutHint,
               (IrLayoutHint { IrLayout::bFormatFuMa, IrLayoutReason::subFormat }));
}

TEST (SessionState, BytesThatAreNoStateSayWhyAndChangeNothing)
{
    const std::vector<std::uint8_t> garbage { 'n', 'o', 't', ' ', 'a', ' ', 's', 't', 'a', 't', 'e', '!' };
    std::string error;
    EXPECT_FALSE (SessionState::read (garbage, error).has_value());
    EXPECT_NE (error.find ("could not be read"), std::string::npos) << error;
}

TEST (SessionState, ARestoreWithoutItsIrSaysSoAndPlaysNone)
{
    ConvolverProcessor dsp (RebuildMode::synchronous);
    dsp.prepare (48000.0, 256, 2, 2);
    dsp.loadImpulseResponse (roomClip (0.75), "room.wav");
    SessionState session (dsp);
    ParsedState parsed;
    SavedImpulseResponse lost;
    lost.name = "lost.wav";
    lost.originalPath = "/nonexistent/lost.wav";
    lost.audioCutOff = true;
    parsed.state.impulseResponse = lost;
    const auto outcome = session.apply (std::move (parsed), unchanged);
    EXPECT_TRUE (outcome.withProblems);
    EXPECT_NE (outcome.message.find ("Session restored with problems"), std::string::npos) << outcome.message;
    EXPECT_EQ (dsp.impulseResponseInfo(), nullptr);
}
} // namespace
} // namespace partita
