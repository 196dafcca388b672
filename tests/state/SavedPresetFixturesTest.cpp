// SPDX-License-Identifier: GPL-3.0-or-later
// Presets saved by the release before the parameter table (commit 4f5e20c,
// tests/golden/states) load unchanged: same values, same IR, no problems.
#include "io/AudioFileReader.h"
#include "processor/ParameterTable.h"
#include "state/ContentHash.h"
#include "state/NamedParameters.h"
#include "state/PluginStateFormat.h"
#include "state/StateFile.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace partita
{
namespace
{
const std::filesystem::path fixtures = PARTITA_GOLDEN_STATES;
const std::filesystem::path factory = PARTITA_FACTORY_IRS;

ParsedState parseFixture (const char* name)
{
    return parseState (readStateFile (fixtures / name));
}

void expectIrIs (const ParsedState& parsed, const char* name, std::size_t channels)
{
    ASSERT_TRUE (parsed.state.impulseResponse.has_value());
    const auto& ir = *parsed.state.impulseResponse;
    EXPECT_EQ (ir.name, name);
    ASSERT_NE (ir.audio, nullptr);
    EXPECT_EQ (ir.audio->channels.size(), channels);
    EXPECT_EQ (ir.contentHash, contentHash (*ir.audio));
}

TEST (SavedPresetFixtures, AShapedZeroLatencyPresetKeepsEveryValue)
{
    const auto parsed = parseFixture ("small-room-shaped-zero-latency.partita");
    EXPECT_TRUE (parsed.problems.empty());
    const auto& p = parsed.state.parameters;
    EXPECT_EQ (p.mixPercent, 60.0f);
    EXPECT_EQ (p.wetGainDb, -3.0f);
    EXPECT_EQ (p.outputGainDb, 1.5f);
    EXPECT_EQ (p.preDelayMs, 12.5f);
    EXPECT_EQ (p.lowCutHz, 80.0f);
    EXPECT_EQ (p.highCutHz, 9000.0f);
    EXPECT_EQ (p.widthPercent, 130.0f);
    EXPECT_TRUE (p.autoGain);
    EXPECT_EQ (p.latencyMode, LatencyMode::zero);
    expectIrIs (parsed, "small_room.wav", 2);
    // The IR is the factory room, sample for sample.
    EXPECT_EQ (parsed.state.impulseResponse->audio->channels, readAudioFile (factory / "small_room.wav").channels);
}

TEST (SavedPresetFixtures, ATrueStereoLowCpuPresetKeepsEveryValue)
{
    const auto parsed = parseFixture ("true-stereo-room-reversed-stretched-low-cpu.partita");
    EXPECT_TRUE (parsed.problems.empty());
    const auto& p = parsed.state.parameters;
    EXPECT_EQ (p.mixPercent, 100.0f);
    EXPECT_EQ (p.trimStartMs, 5.0f);
    EXPECT_EQ (p.trimEndMs, 150.0f);
    EXPECT_TRUE (p.reverse);
    EXPECT_EQ (p.stretchPercent, 125.0f);
    EXPECT_EQ (p.widthPercent, 70.0f);
    EXPECT_FALSE (p.autoGain);
    EXPECT_EQ (p.latencyMode, LatencyMode::onePartition);
    expectIrIs (parsed, "true_stereo_room.wav", 4);
    // Saved before IR layouts existed: Auto and no hint, so its 4 channels
    // play as the true stereo they were (the golden renders hold the sound).
    EXPECT_EQ (p.irLayout, IrLayout::automatic);
    EXPECT_FALSE (parsed.state.impulseResponse->layoutHint.says());
}

TEST (SavedPresetFixtures, ADefaultsPresetHasTheDefaults)
{
    const auto parsed = parseFixture ("cabinet-defaults.partita");
    EXPECT_TRUE (parsed.problems.empty());
    const auto& p = parsed.state.parameters;
    EXPECT_EQ (p.mixPercent, 100.0f);
    EXPECT_EQ (p.lowCutHz, 20.0f);
    EXPECT_EQ (p.highCutHz, 20000.0f);
    EXPECT_FALSE (p.reverse);
    EXPECT_TRUE (p.autoGain);
    EXPECT_EQ (p.irGainDb, 0.0f); // saved before the IR gain existed
    expectIrIs (parsed, "cabinet.wav", 1);
}

// Pins the writer byte for byte: a preset loaded and saved again (the
// parameters, the IR's chunks in their order, its lossless audio) is the file
// it was read from.
TEST (SavedPresetFixtures, SavingALoadedPresetAgainKeepsEverythingItHeld)
{
    // The bytes grow by the parameters added since (the IR gain); everything
    // the preset held comes back, and a second save is byte for byte the first.
    for (const char* name : { "cabinet-defaults.partita", "small-room-shaped-zero-latency.partita",
                              "true-stereo-room-reversed-stretched-low-cpu.partita" })
    {
        const auto loaded = parseState (readStateFile (fixtures / name)).state;
        const auto savedAgain = serialiseState (loaded);
        const auto reloaded = parseState (savedAgain).state;
        EXPECT_EQ (toNamedValues (reloaded.parameters).size(), parameterCount) << name;
        for (std::size_t i = 0; i < parameterCount; ++i)
            EXPECT_EQ (parameterTable[i].field.get (reloaded.parameters),
                       parameterTable[i].field.get (loaded.parameters))
                << name << " " << parameterTable[i].id;
        ASSERT_TRUE (reloaded.impulseResponse.has_value());
        EXPECT_EQ (reloaded.impulseResponse->audio->channels, loaded.impulseResponse->audio->channels) << name;
        EXPECT_EQ (reloaded.impulseResponse->name, loaded.impulseResponse->name);
        EXPECT_EQ (reloaded.impulseResponse->contentHash, loaded.impulseResponse->contentHash);
        EXPECT_EQ (serialiseState (reloaded), savedAgain) << name;
    }
}
} // namespace
} // namespace partita
