// SPDX-License-Identifier: GPL-3.0-or-later
#include "state/NamedParameters.h"

#include "StableParameterIds.h"
#include "processor/ParameterTable.h"
#include "state/PluginStateFormat.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>

namespace partita
{
namespace
{
TEST (NamedParameters, ListsEveryParameterOnceUnderItsStableId)
{
    const auto values = toNamedValues (ProcessorParameters {});
    ASSERT_EQ (values.size(), test::stableParameterIds.size());
    std::set<std::string_view> seen;
    for (std::size_t i = 0; i < values.size(); ++i)
    {
        EXPECT_EQ (values[i].id, test::stableParameterIds[i]);
        EXPECT_TRUE (seen.insert (values[i].id).second);
    }
}

TEST (NamedParameters, RoundTripsEveryFieldOfNonDefaultParameters)
{
    ProcessorParameters original;
    original.mixPercent = 37.5f;
    original.wetGainDb = -4.25f;
    original.outputGainDb = 3.0f;
    original.preDelayMs = 123.0f;
    original.trimStartMs = 10.0f;
    original.trimEndMs = 250.0f;
    original.reverse = true;
    original.stretchPercent = 150.0f;
    original.lowCutHz = 120.0f;
    original.highCutHz = 8000.0f;
    original.widthPercent = 180.0f;
    original.autoGain = false;
    original.latencyMode = LatencyMode::onePartition;

    ProcessorParameters restored;
    for (const auto& [id, value] : toNamedValues (original))
        EXPECT_TRUE (applyNamedValue (restored, id, value)) << id;

    EXPECT_EQ (restored.mixPercent, original.mixPercent);
    EXPECT_EQ (restored.wetGainDb, original.wetGainDb);
    EXPECT_EQ (restored.outputGainDb, original.outputGainDb);
    EXPECT_EQ (restored.preDelayMs, original.preDelayMs);
    EXPECT_EQ (restored.trimStartMs, original.trimStartMs);
    EXPECT_EQ (restored.trimEndMs, original.trimEndMs);
    EXPECT_EQ (restored.reverse, original.reverse);
    EXPECT_EQ (restored.stretchPercent, original.stretchPercent);
    EXPECT_EQ (restored.lowCutHz, original.lowCutHz);
    EXPECT_EQ (restored.highCutHz, original.highCutHz);
    EXPECT_EQ (restored.widthPercent, original.widthPercent);
    EXPECT_EQ (restored.autoGain, original.autoGain);
    EXPECT_EQ (restored.latencyMode, original.latencyMode);
}

TEST (NamedParameters, ClampsOutOfRangeValuesAndTurnsNanIntoTheDefault)
{
    ProcessorParameters parameters;
    EXPECT_TRUE (applyNamedValue (parameters, "preDelay", 1.0e9));
    EXPECT_EQ (parameters.preDelayMs, 500.0f);
    EXPECT_TRUE (applyNamedValue (parameters, "stretch", -1.0e300));
    EXPECT_EQ (parameters.stretchPercent, 50.0f);
    EXPECT_TRUE (applyNamedValue (parameters, "mix", std::nan ("")));
    EXPECT_EQ (parameters.mixPercent, parameterRow ("mix").range.defaultValue);
    EXPECT_TRUE (applyNamedValue (parameters, "autoGain", std::nan ("")));
    EXPECT_TRUE (parameters.autoGain);
}

TEST (NamedParameters, RefusesAnUnknownIdWithoutChangingAnything)
{
    ProcessorParameters parameters;
    parameters.mixPercent = 12.0f;
    EXPECT_FALSE (applyNamedValue (parameters, "shimmer", 1.0));
    EXPECT_EQ (parameters.mixPercent, 12.0f);
}
} // namespace
} // namespace partita

namespace partita
{
namespace
{
TEST (NamedParameters, TheIrGainTravelsInAStateAndIsClampedToItsRange)
{
    ProcessorParameters parameters;
    parameters.irGainDb = -7.5f;
    PluginState state;
    state.parameters = parameters;
    EXPECT_EQ (parseState (serialiseState (state)).state.parameters.irGainDb, -7.5f);
    EXPECT_TRUE (applyNamedValue (parameters, "irGain", 100.0));
    EXPECT_EQ (parameters.irGainDb, 24.0f);
}
} // namespace
} // namespace partita
