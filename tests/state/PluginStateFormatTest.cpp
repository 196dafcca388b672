// SPDX-License-Identifier: GPL-3.0-or-later
#include "state/PluginStateFormat.h"

#include "StateTestHelpers.h"
#include "processor/ParameterTable.h"
#include "state/ContentHash.h"
#include "state/RestoredImpulseResponse.h"
#include "state/StateError.h"

#include <gtest/gtest.h>

#include <random>

namespace partita
{
namespace
{
PluginState exampleState()
{
    PluginState state;
    state.parameters.mixPercent = 40.0f;
    state.parameters.preDelayMs = 25.0f;
    state.parameters.reverse = true;
    state.parameters.latencyMode = LatencyMode::onePartition;

    SavedImpulseResponse ir;
    ir.name = "hall_ir.wav";
    ir.originalPath = "/home/someone/IRs/Über Hall/hall_ir.wav";
    ir.audio = std::make_shared<const AudioClip> (test::gridClip (2, 4000, 24, 48000.0, 5));
    ir.contentHash = contentHash (*ir.audio);
    state.impulseResponse = ir;
    return state;
}

void appendChunk (std::vector<std::uint8_t>& bytes, const char* id, const std::vector<std::uint8_t>& payload)
{
    bytes.insert (bytes.end(), id, id + 4);
    const auto size = static_cast<std::uint32_t> (payload.size());
    for (int i = 0; i < 4; ++i)
        bytes.push_back (static_cast<std::uint8_t> (size >> (8 * i)));
    bytes.insert (bytes.end(), payload.begin(), payload.end());
}

TEST (PluginStateFormat, RoundTripsParametersAndTheIrBitExactly)
{
    const auto original = exampleState();
    const auto parsed = parseState (serialiseState (original));

    EXPECT_TRUE (parsed.problems.empty()) << parsed.problems.front();
    EXPECT_EQ (parsed.version, currentStateVersion);
    EXPECT_EQ (parsed.state.parameters.mixPercent, 40.0f);
    EXPECT_EQ (parsed.state.parameters.preDelayMs, 25.0f);
    EXPECT_TRUE (parsed.state.parameters.reverse);
    EXPECT_EQ (parsed.state.parameters.latencyMode, LatencyMode::onePartition);

    ASSERT_TRUE (parsed.state.impulseResponse.has_value());
    const auto& ir = *parsed.state.impulseResponse;
    EXPECT_EQ (ir.name, "hall_ir.wav");
    EXPECT_EQ (ir.originalPath, original.impulseResponse->originalPath);
    ASSERT_NE (ir.audio, nullptr);
    EXPECT_EQ (ir.contentHash, original.impulseResponse->contentHash);
    EXPECT_EQ (contentHash (*ir.audio), *original.impulseResponse->contentHash);
}

TEST (PluginStateFormat, RoundTripsTheIrLayoutItsMicrophonesAndWhatTheFileSaid)
{
    auto original = exampleState();
    original.parameters.irLayout = IrLayout::bFormatAmbiX;
    original.parameters.micPatternPercent = 75.0f;
    original.parameters.micAngleDegrees = 110.0f;
    auto ir = *original.impulseResponse;
    ir.audio = std::make_shared<const AudioClip> (test::gridClip (4, 1000, 24, 48000.0, 9));
    ir.contentHash = contentHash (*ir.audio);
    ir.layoutHint = { IrLayout::bFormatFuMa, IrLayoutReason::subFormat };
    original.impulseResponse = ir;

    const auto parsed = parseState (serialiseState (original));
    EXPECT_TRUE (parsed.problems.empty()) << parsed.problems.front();
    EXPECT_EQ (parsed.state.parameters.irLayout, IrLayout::bFormatAmbiX);
    EXPECT_EQ (parsed.state.parameters.micPatternPercent, 75.0f);
    EXPECT_EQ (parsed.state.parameters.micAngleDegrees, 110.0f);
    ASSERT_TRUE (parsed.state.impulseResponse.has_value());
    EXPECT_EQ (parsed.state.impulseResponse->layoutHint,
               (IrLayoutHint { IrLayout::bFormatFuMa, IrLayoutReason::subFormat }));
}

TEST (PluginStateFormat, AnIrThatSaysNothingOfItsLayoutAddsNoLayoutChunk)
{
    // So that the states of IRs that are not B-format keep their bytes.
    const auto bytes = serialiseState (exampleState());
    const std::string text (bytes.begin(), bytes.end());
    EXPECT_EQ (text.find ("IRLY"), std::string::npos);
    EXPECT_FALSE (parseState (bytes).state.impulseResponse->layoutHint.says());
}

TEST (PluginStateFormat, ADamagedLayoutChunkLeavesTheIrAtAutoAndSaysSo)
{
    auto bytes = serialiseState (exampleState());
    // Before the end marker (the last 8 bytes): a layout of 1 (true stereo), never a file's hint.
    const std::vector<std::uint8_t> end (bytes.end() - 8, bytes.end());
    bytes.resize (bytes.size() - 8);
    appendChunk (bytes, "IRLY", { 1, 1 });
    bytes.insert (bytes.end(), end.begin(), end.end());
    const auto parsed = parseState (bytes);
    EXPECT_FALSE (parsed.state.impulseResponse->layoutHint.says());
    ASSERT_EQ (parsed.problems.size(), 1u);
    EXPECT_EQ (parsed.problems.front(), "the saved IR's layout is damaged; it is taken as Auto");
}

TEST (PluginStateFormat, SerialisingTwiceGivesTheSameBytes)
{
    EXPECT_EQ (serialiseState (exampleState()), serialiseState (exampleState()));
}

TEST (PluginStateFormat, KeepsAFractionalIrSampleRate)
{
    auto state = exampleState();
    auto clip = *state.impulseResponse->audio;
    clip.sampleRate = 44099.5;
    state.impulseResponse->audio = std::make_shared<const AudioClip> (clip);
    state.impulseResponse->contentHash = contentHash (clip);

    const auto parsed = parseState (serialiseState (state));
    ASSERT_NE (parsed.state.impulseResponse->audio, nullptr);
    EXPECT_EQ (parsed.state.impulseResponse->audio->sampleRate, 44099.5);
    EXPECT_EQ (contentHash (*parsed.state.impulseResponse->audio), contentHash (clip));
}

TEST (PluginStateFormat, AStateWithoutAnIrHasNone)
{
    PluginState state;
    state.parameters.widthPercent = 10.0f;
    const auto parsed = parseState (serialiseState (state));
    EXPECT_FALSE (parsed.state.impulseResponse.has_value());
    EXPECT_EQ (parsed.state.parameters.widthPercent, 10.0f);
}

TEST (PluginStateFormat, RefusesBytesThatAreNotAPartitaState)
{
    EXPECT_THROW ((void)parseState ({}), StateError);
    const std::string xml = "<?xml version=\"1.0\"?><PARAMS/>";
    EXPECT_THROW ((void)parseState (std::span (reinterpret_cast<const std::uint8_t*> (xml.data()), xml.size())),
                  StateError);
    std::vector<std::uint8_t> zeroVersion { 'P', 'R', 'T', 'A', 'S', 'T', 'A', 'T', 0, 0, 0, 0 };
    EXPECT_THROW ((void)parseState (zeroVersion), StateError);
}

TEST (PluginStateFormat, ACutOffStateKeepsWhatCameBeforeTheCutAtEveryLength)
{
    const auto bytes = serialiseState (exampleState());
    for (std::size_t length = 12; length < bytes.size(); length += (length < 400 ? 1 : 997))
    {
        const auto parsed = parseState (std::span (bytes).first (length));
        EXPECT_FALSE (parsed.problems.empty()) << "cut at " << length << " went unnoticed";
        if (parsed.state.impulseResponse.has_value() && parsed.state.impulseResponse->audio != nullptr)
            FAIL() << "audio decoded from a state cut at " << length;
    }
    // The parameters chunk comes first, so a cut in the IR keeps them.
    const auto parsed = parseState (std::span (bytes).first (bytes.size() - 10));
    EXPECT_EQ (parsed.state.parameters.mixPercent, 40.0f);
}

// Reported by a new user: a truncated .partita preset of a factory IR (no file
// path) was reported as "no file path was saved with it", not as cut off.
TEST (PluginStateFormat, AStateCutOffInTheIrsAudioSaysSoWhenTheIrCannotBeRestored)
{
    auto state = exampleState();
    for (const auto* path : { "", "/nonexistent/hall_ir.wav" })
    {
        state.impulseResponse->originalPath = path;
        const auto bytes = serialiseState (state);
        const auto parsed = parseState (std::span (bytes).first (bytes.size() / 2));
        ASSERT_TRUE (parsed.state.impulseResponse.has_value());
        EXPECT_TRUE (parsed.state.impulseResponse->audioCutOff);
        const auto restored = restoreImpulseResponse (*parsed.state.impulseResponse);
        EXPECT_EQ (restored.audio, nullptr);
        EXPECT_NE (restored.problem.find ("the state is cut off before its audio"), std::string::npos)
            << restored.problem;
        EXPECT_EQ (restored.problem.find ("no file path"), std::string::npos) << restored.problem;
    }
    // An intact state's IR is not flagged.
    EXPECT_FALSE (parseState (serialiseState (state)).state.impulseResponse->audioCutOff);
}

TEST (PluginStateFormat, SurvivesTenThousandRandomCorruptionsWithoutCrashing)
{
    const auto original = serialiseState (exampleState());
    std::mt19937 random (2024);
    for (int round = 0; round < 10000; ++round)
    {
        auto bytes = original;
        const int flips = 1 + static_cast<int> (random() % 8);
        for (int i = 0; i < flips; ++i)
            bytes[random() % bytes.size()] = static_cast<std::uint8_t> (random());
        if (random() % 4 == 0)
            bytes.resize (random() % bytes.size());
        try
        {
            const auto parsed = parseState (bytes);
            const auto& p = parsed.state.parameters;
            EXPECT_TRUE (p.mixPercent >= 0.0f && p.mixPercent <= 100.0f);
            EXPECT_TRUE (p.preDelayMs >= 0.0f && p.preDelayMs <= 500.0f);
        }
        catch (const StateError&)
        {
        }
    }
}

TEST (PluginStateFormat, IgnoresUnknownChunksAndParametersOfANewerVersionAndSaysSo)
{
    std::vector<std::uint8_t> bytes { 'P', 'R', 'T', 'A', 'S', 'T', 'A', 'T', 2, 0, 0, 0 };
    appendChunk (bytes, "XTRA", { 1, 2, 3 });
    std::vector<std::uint8_t> parameters { 2, 0, 0, 0 };
    const auto addValue = [&parameters] (const std::string& id, double value)
    {
        parameters.push_back (static_cast<std::uint8_t> (id.size()));
        parameters.insert (parameters.end(), id.begin(), id.end());
        const auto bits = std::bit_cast<std::uint64_t> (value);
        for (int i = 0; i < 8; ++i)
            parameters.push_back (static_cast<std::uint8_t> (bits >> (8 * i)));
    };
    addValue ("shimmer", 0.5);
    addValue ("width", 150.0);
    appendChunk (bytes, "PARM", parameters);
    appendChunk (bytes, "END ", {});

    const auto parsed = parseState (bytes);
    EXPECT_EQ (parsed.version, 2u);
    EXPECT_EQ (parsed.state.parameters.widthPercent, 150.0f);
    EXPECT_EQ (parsed.state.parameters.mixPercent, parameterRow ("mix").range.defaultValue);
    EXPECT_EQ (parsed.problems.size(), 2u); // newer version, one unknown parameter
}

TEST (PluginStateFormat, AChunkThatClaimsMoreBytesThanRemainIsReportedNotRead)
{
    std::vector<std::uint8_t> bytes { 'P', 'R', 'T', 'A', 'S', 'T', 'A', 'T', 1, 0, 0, 0 };
    bytes.insert (bytes.end(), { 'I', 'R', 'A', 'U', 0xff, 0xff, 0xff, 0xff, 1, 2, 3 });
    const auto parsed = parseState (bytes);
    ASSERT_EQ (parsed.problems.size(), 1u);
    EXPECT_NE (parsed.problems[0].find ("cut off or damaged"), std::string::npos);
    EXPECT_FALSE (parsed.state.impulseResponse.has_value());
}

TEST (PluginStateFormat, DamagedIrAudioCostsOnlyTheAudio)
{
    auto bytes = serialiseState (exampleState());
    // The FLAC stream starts after the IRAU chunk header; ruin its marker.
    const std::string marker = "IRAU";
    const auto at = std::search (bytes.begin(), bytes.end(), marker.begin(), marker.end());
    ASSERT_NE (at, bytes.end());
    *(at + 8) = 'X';

    const auto parsed = parseState (bytes);
    EXPECT_EQ (parsed.problems.size(), 1u);
    ASSERT_TRUE (parsed.state.impulseResponse.has_value());
    EXPECT_EQ (parsed.state.impulseResponse->audio, nullptr);
    EXPECT_EQ (parsed.state.impulseResponse->name, "hall_ir.wav");
    EXPECT_EQ (parsed.state.parameters.mixPercent, 40.0f);
}
} // namespace
} // namespace partita
