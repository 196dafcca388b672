// SPDX-License-Identifier: GPL-3.0-or-later
#include "processor/ParameterTable.h"

#include "StableParameterIds.h"
#include "processor/ParameterStore.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>
#include <vector>

namespace partita
{
namespace
{
TEST (ParameterTable, KeepsTheReleasedIdsInTheirOrder)
{
    ASSERT_GE (parameterCount, test::stableParameterIds.size());
    for (std::size_t i = 0; i < test::stableParameterIds.size(); ++i)
        EXPECT_EQ (parameterTable[i].id, test::stableParameterIds[i]) << i;
}

TEST (ParameterTable, EveryIdIsUniqueAndFoundAndEveryDefaultLiesInItsRange)
{
    for (const auto& row : parameterTable)
    {
        EXPECT_EQ (findParameter (row.id), &row) << row.id;
        EXPECT_LE (row.range.minimum, row.range.defaultValue) << row.id;
        EXPECT_GE (row.range.maximum, row.range.defaultValue) << row.id;
        EXPECT_FALSE (row.name.empty()) << row.id;
        if (row.kind == ParameterKind::choice)
        {
            EXPECT_EQ (row.choices.size(), static_cast<std::size_t> (row.range.maximum) + 1) << row.id;
        }
    }
    EXPECT_EQ (findParameter ("noSuchParameter"), nullptr);
}

TEST (ParameterTable, ANewParameterSetHasTheReleasedDefaults)
{
    // Written out: a session saved without a parameter gets these.
    const ProcessorParameters p;
    EXPECT_EQ (p.mixPercent, 100.0f);
    EXPECT_EQ (p.wetGainDb, 0.0f);
    EXPECT_EQ (p.outputGainDb, 0.0f);
    EXPECT_EQ (p.preDelayMs, 0.0f);
    EXPECT_EQ (p.trimStartMs, 0.0f);
    EXPECT_EQ (p.trimEndMs, 0.0f);
    EXPECT_FALSE (p.reverse);
    EXPECT_EQ (p.stretchPercent, 100.0f);
    EXPECT_EQ (p.lowCutHz, 20.0f);
    EXPECT_EQ (p.highCutHz, 20000.0f);
    EXPECT_EQ (p.widthPercent, 100.0f);
    EXPECT_TRUE (p.autoGain);
    EXPECT_EQ (p.latencyMode, LatencyMode::zero);
    EXPECT_EQ (p.irGainDb, 0.0f);
    // Auto: an IR that says nothing of its layout plays as before the parameter existed.
    EXPECT_EQ (p.irLayout, IrLayout::automatic);
    EXPECT_EQ (p.micPatternPercent, 50.0f);
    EXPECT_EQ (p.micAngleDegrees, 90.0f);
    // The pre-delay in ms, every IR channel and no length cap: as before these existed.
    EXPECT_EQ (p.preDelaySync, PreDelaySync::time);
    EXPECT_EQ (p.preDelayNote, NoteValue::sixteenth);
    EXPECT_EQ (p.irChannel, IrChannelSelection::all);
    EXPECT_EQ (p.maxIrLengthMs, 20000.0f);
    EXPECT_TRUE (parameterRow ("maxIrLength").isOff (p.maxIrLengthMs));
}

TEST (ParameterTable, TheLayoutChoicesNameTheLayoutsInTheirEnumOrder)
{
    const auto& row = parameterRow ("irLayout");
    ASSERT_EQ (row.choices.size(), 5u);
    EXPECT_EQ (row.choices[static_cast<std::size_t> (IrLayout::automatic)], "Auto");
    EXPECT_EQ (row.choices[static_cast<std::size_t> (IrLayout::trueStereo)], "True stereo");
    EXPECT_EQ (row.choices[static_cast<std::size_t> (IrLayout::bFormatFuMa)], "B-format FuMa");
    EXPECT_EQ (row.choices[static_cast<std::size_t> (IrLayout::bFormatAmbiX)], "B-format AmbiX");
    EXPECT_EQ (row.choices[static_cast<std::size_t> (IrLayout::independent)], "Independent");
    EXPECT_EQ (row.clamp (9.0f), 4.0f);
    EXPECT_EQ (row.clamp (2.4f), 2.0f);
}

TEST (ParameterTable, TheMicPatternRunsFromOmniThroughCardioidToFigureEight)
{
    ProcessorParameters p;
    const auto omniShareAt = [&p] (float percent)
    {
        p.micPatternPercent = percent;
        return irLayoutSettingsOf (p).omniShare;
    };
    EXPECT_EQ (omniShareAt (0.0f), 1.0);
    EXPECT_EQ (omniShareAt (50.0f), 0.5);
    EXPECT_EQ (omniShareAt (75.0f), 0.25);
    EXPECT_EQ (omniShareAt (100.0f), 0.0);
}

TEST (ParameterTable, FrequencyKnobsAreCentredOnTheGeometricMeanOfTheirRange)
{
    for (const std::string_view id : { "lowCut", "highCut" })
    {
        const auto& row = *findParameter (id);
        EXPECT_EQ (row.skewCentre, std::sqrt (row.range.minimum * row.range.maximum)) << id;
    }
}

TEST (ParameterTable, ClampingMakesAnyValueValidForItsKind)
{
    const auto nan = std::numeric_limits<float>::quiet_NaN();
    const auto& mix = parameterRow ("mix");
    EXPECT_EQ (mix.clamp (150.0f), 100.0f);
    EXPECT_EQ (mix.clamp (-1.0f), 0.0f);
    EXPECT_EQ (mix.clamp (nan), 100.0f);
    const auto& autoGain = parameterRow ("autoGain");
    EXPECT_EQ (autoGain.clamp (0.7f), 1.0f);
    EXPECT_EQ (autoGain.clamp (0.2f), 0.0f);
    EXPECT_EQ (autoGain.clamp (nan), 1.0f);
    const auto& latency = parameterRow ("latencyMode");
    EXPECT_EQ (latency.clamp (0.6f), 1.0f);
    EXPECT_EQ (latency.clamp (7.0f), 1.0f);
    EXPECT_EQ (latency.clamp (-3.0f), 0.0f);
    EXPECT_EQ (latency.clamp (nan), 0.0f);
}

TEST (ParameterTable, OnlyTheCutsHaveAnOffEnd)
{
    EXPECT_TRUE (parameterRow ("lowCut").isOff (20.0f));
    EXPECT_FALSE (parameterRow ("lowCut").isOff (20.5f));
    EXPECT_TRUE (parameterRow ("highCut").isOff (20000.0f));
    EXPECT_FALSE (parameterRow ("highCut").isOff (19999.0f));
    EXPECT_FALSE (parameterRow ("mix").isOff (0.0f));
}

TEST (ParameterTable, ShapingDiffersOnlyForParametersThatReshapeTheIr)
{
    const ProcessorParameters base;
    auto live = base;
    live.mixPercent = 20.0f;
    live.preDelayMs = 30.0f;
    live.lowCutHz = 200.0f;
    live.preDelaySync = PreDelaySync::tempo;
    live.preDelayNote = NoteValue::eighthDotted;
    EXPECT_FALSE (shapingDiffers (base, live));
    for (const auto change :
         std::vector<void (*) (ProcessorParameters&)> {
             [] (ProcessorParameters& p) { p.trimStartMs = 1.0f; }, [] (ProcessorParameters& p) { p.trimEndMs = 1.0f; },
             [] (ProcessorParameters& p) { p.reverse = true; },
             [] (ProcessorParameters& p) { p.stretchPercent = 120.0f; },
             [] (ProcessorParameters& p) { p.autoGain = false; },
             [] (ProcessorParameters& p) { p.latencyMode = LatencyMode::onePartition; },
             [] (ProcessorParameters& p) { p.irGainDb = -3.0f; },
             [] (ProcessorParameters& p) { p.irLayout = IrLayout::bFormatAmbiX; },
             [] (ProcessorParameters& p) { p.micPatternPercent = 100.0f; },
             [] (ProcessorParameters& p) { p.micAngleDegrees = 120.0f; },
             [] (ProcessorParameters& p) { p.irChannel = IrChannelSelection::sumToMono; },
             [] (ProcessorParameters& p) { p.maxIrLengthMs = 500.0f; } })
    {
        auto shaped = base;
        change (shaped);
        EXPECT_TRUE (shapingDiffers (base, shaped));
    }
}

TEST (ParameterStore, ReportsShapingAndTailChangesAndGivesBackWhatWasStored)
{
    ParameterStore store;
    ProcessorParameters p;
    p.mixPercent = 35.0f;
    auto changes = store.store (p);
    EXPECT_FALSE (changes.shaping);
    EXPECT_FALSE (changes.tail);
    p.preDelayMs = 12.5f;
    changes = store.store (p);
    EXPECT_FALSE (changes.shaping);
    EXPECT_TRUE (changes.tail);
    p.reverse = true;
    p.latencyMode = LatencyMode::onePartition;
    changes = store.store (p);
    EXPECT_TRUE (changes.shaping);
    EXPECT_FALSE (changes.tail);
    const auto back = store.load();
    EXPECT_EQ (back.mixPercent, 35.0f);
    EXPECT_EQ (back.preDelayMs, 12.5f);
    EXPECT_TRUE (back.reverse);
    EXPECT_EQ (back.latencyMode, LatencyMode::onePartition);
    EXPECT_FALSE (shapingDiffers (back, p));
}
} // namespace
} // namespace partita
