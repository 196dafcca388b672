// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OptionSpec.h"
#include "RenderOptions.h"
#include "processor/ParameterTable.h"
#include "processor/ProcessorParameters.h"

#include <span>
#include <string_view>

namespace partita
{

/** The plugin's parameters as options of `partita render` ("plugin
    controls"), generated from the parameter table so that the command line
    has every parameter with the plugin's ranges and defaults and cannot
    drift from it: one option per row, named from its ID in kebab case
    (preDelay: --pre-delay), and --set NAME=VALUE for any of them.

    What the command line adds to the table is one small list
    (ParameterOptions.cpp): the parameters the exact --ir render also takes
    (mix, wet gain, output gain), other spellings (--gain), defaults that
    differ from the plugin's (auto gain: off) and a note for the help.

    Threading: the rows are built once, on first use, and then only read. */

/** The help section the plugin controls are listed under; its heading says
    what they do with --ir and with --state. */
std::string_view pluginControlsSection();

/** One option per row of the parameter table, in table order, then --set. */
std::span<const Option<RenderOptions>> parameterOptionRows();

/** The row whose option is `name` ("--pre-delay", "--gain"), or nullptr. */
const ParameterDefinition* parameterOfOption (std::string_view name) noexcept;

/** The first setting that the exact --ir render does not take, so that a
    --ir render with it runs the plugin's signal path; nullptr when there is
    none. */
const ParameterSetting* firstPluginPathSetting (const RenderOptions& options) noexcept;

/** Whether the render runs the plugin's signal path (StateRenderJob): a
    --state render, a second IR (--ir-b), or a setting the exact render does
    not take. */
bool rendersThroughPlugin (const RenderOptions& options) noexcept;

/** Copies the settings that the exact render takes into the render's mix and
    gains (RenderOptions::mix, wetGainDb, outputGainDb). */
void applyExactRenderSettings (RenderOptions& options);

/** The parameters a --ir render through the plugin's signal path starts
    from: the plugin's defaults, except those the command line changes (auto
    gain off: the IR as recorded, as the exact render). */
ProcessorParameters commandLineParameterDefaults();

/** The parameters with every setting applied over them. */
void applyParameterSettings (ProcessorParameters& parameters, std::span<const ParameterSetting> settings);

} // namespace partita
