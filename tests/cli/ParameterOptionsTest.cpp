// SPDX-License-Identifier: GPL-3.0-or-later
// The plugin controls of `partita render`: one option per row of the
// parameter table, with the row's range, default and unit, and --set; which
// render they select and what they refuse.
#include "cli/ParameterOptions.h"

#include "RenderUsageError.h"
#include "cli/HelpText.h"
#include "cli/ParameterValueText.h"
#include "cli/RenderOptionTable.h"
#include "cli/UsageError.h"
#include "processor/ParameterTable.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace partita
{
namespace
{
std::vector<std::string> withIr (std::vector<std::string> extra)
{
    std::vector<std::string> arguments { "in.wav", "--ir", "ir.wav", "-o", "out.wav" };
    arguments.insert (arguments.end(), extra.begin(), extra.end());
    return arguments;
}

std::vector<std::string> withState (std::vector<std::string> extra)
{
    std::vector<std::string> arguments { "in.wav", "--state", "p.partita", "-o", "out.wav" };
    arguments.insert (arguments.end(), extra.begin(), extra.end());
    return arguments;
}

using test::usageErrorOf;

/** The one setting a command line with one plugin control gives. */
double settingOf (const std::vector<std::string>& extra)
{
    const auto options = parseRenderArguments (withIr (extra));
    EXPECT_EQ (options.parameterSettings.size(), 1u);
    return options.parameterSettings.empty() ? std::nan ("") : options.parameterSettings.front().value;
}

const OptionSpec* specNamed (std::string_view name)
{
    for (const auto& option : renderOptionTable())
        if (option.spec.longName == name)
            return &option.spec;
    return nullptr;
}

/** The text of a float as the help should write it: no trailing zeros. */
std::string plain (float value)
{
    auto text = std::to_string (value);
    text.erase (text.find_last_not_of ('0') + 1);
    if (text.back() == '.')
        text.pop_back();
    return text;
}
} // namespace

TEST (ParameterOptions, OptionNamesAreTheIdsInKebabCase)
{
    EXPECT_EQ (kebabCase ("preDelay"), "pre-delay");
    EXPECT_EQ (kebabCase ("irStart"), "ir-start");
    EXPECT_EQ (kebabCase ("lowCut"), "low-cut");
    EXPECT_EQ (kebabCase ("autoGain"), "auto-gain");
    EXPECT_EQ (kebabCase ("latencyMode"), "latency-mode");
    EXPECT_EQ (kebabCase ("mix"), "mix");
    EXPECT_EQ (commandLineSpelling ("Zero latency"), "zero-latency");
    EXPECT_EQ (commandLineSpelling ("Low CPU"), "low-cpu");
    EXPECT_EQ (commandLineSpelling ("B-format (FuMa)"), "b-format-fuma");
}

TEST (ParameterOptions, EveryRowOfTheParameterTableHasAnOptionWithItsRangeAndDefaultInTheHelp)
{
    const auto help = renderHelp();
    ASSERT_NE (help.find ("Plugin controls"), std::string::npos);
    for (const auto& row : parameterTable)
    {
        SCOPED_TRACE (std::string (row.id));
        EXPECT_TRUE (isKnownUnit (row.unit)) << "the command line cannot spell this row's unit";
        const auto name = "--" + kebabCase (row.id);
        const auto* spec = specNamed (name);
        ASSERT_NE (spec, nullptr);
        EXPECT_EQ (parameterOfOption (name), &row);
        EXPECT_EQ (spec->section, pluginControlsSection());
        EXPECT_NE (help.find ("  " + spec->helpLabel()), std::string::npos);
        const std::string rowHelp (spec->help);
        EXPECT_EQ (rowHelp.find (std::string (row.name)), 0u) << rowHelp;

        if (row.kind == ParameterKind::continuous)
        {
            // The range in the help, and the option takes its ends and refuses beyond them.
            EXPECT_NE (rowHelp.find (plain (std::abs (row.range.minimum))), std::string::npos) << rowHelp;
            auto maximum = plain (std::abs (row.range.maximum));
            if (row.unit != ParameterUnit::none)
                maximum.append (" ").append (unitSymbol (row.unit));
            EXPECT_NE (rowHelp.find (maximum), std::string::npos) << rowHelp;
            EXPECT_NE (rowHelp.find ("Default "
                                     + (row.range.defaultValue > 0.0f && row.unit == ParameterUnit::decibels
                                            ? std::string ("+")
                                            : std::string())
                                     + plain (row.range.defaultValue)),
                       std::string::npos)
                << rowHelp;
            // In float, the parameter's precision: "0.1" is the range's 0.1f.
            EXPECT_EQ (static_cast<float> (settingOf ({ name, plain (row.range.minimum) })), row.range.minimum);
            EXPECT_EQ (static_cast<float> (settingOf ({ name, plain (row.range.maximum) })), row.range.maximum);
            const auto span = row.range.maximum - row.range.minimum;
            for (const auto outside : { row.range.minimum - 0.01f * span, row.range.maximum + 0.01f * span })
            {
                const auto message = usageErrorOf (withIr ({ name + "=" + plain (outside) }));
                EXPECT_EQ (message.find ("option " + name), 0u) << message;
                // Written out independently of the code under test.
                std::string between;
                for (const auto end : { row.range.minimum, row.range.maximum })
                {
                    if (!between.empty())
                        between.append (" and ");
                    if (row.unit == ParameterUnit::decibels && end > 0.0f)
                        between.append ("+");
                    between.append (plain (end));
                }
                if (row.unit != ParameterUnit::none)
                    between.append (" ").append (unitSymbol (row.unit));
                EXPECT_NE (message.find ("must lie between " + between + ", not '" + plain (outside) + "'"),
                           std::string::npos)
                    << message;
            }
        }
        else
        {
            // A switch and a choice take every value of their range by name.
            for (std::size_t index = 0; index <= static_cast<std::size_t> (row.range.maximum); ++index)
            {
                const auto value = row.kind == ParameterKind::toggle ? std::string (index == 0 ? "off" : "on")
                                                                     : commandLineSpelling (row.choices[index]);
                EXPECT_NE (rowHelp.find (value), std::string::npos) << rowHelp;
                EXPECT_EQ (settingOf ({ name + "=" + value }), static_cast<double> (index));
            }
        }
    }
}

TEST (ParameterOptions, TheHelpSaysTheRangesDefaultsAndTheCommandLinesAutoGain)
{
    EXPECT_EQ (specNamed ("--pre-delay")->helpLabel(), "--pre-delay MS");
    EXPECT_NE (std::string (specNamed ("--pre-delay")->help).find ("0 to 500 ms. Default 0 ms."), std::string::npos);
    EXPECT_EQ (specNamed ("--low-cut")->helpLabel(), "--low-cut HZ");
    EXPECT_NE (std::string (specNamed ("--low-cut")->help)
                   .find ("20 to 2000 Hz. 20 Hz (or off) turns it off. "
                          "Default 20 Hz (off)."),
               std::string::npos);
    EXPECT_NE (std::string (specNamed ("--output-gain")->help).find ("-60 to +24 dB. Default 0 dB."),
               std::string::npos);
    EXPECT_EQ (specNamed ("--reverse")->helpLabel(), "--reverse [on|off]");
    EXPECT_EQ (specNamed ("--latency-mode")->helpLabel(), "--latency-mode zero-latency|low-cpu");
    // The plugin's auto gain is on by default; the command line's is off.
    EXPECT_EQ (parameterRow ("autoGain").range.defaultValue, 1.0f);
    EXPECT_NE (std::string (specNamed ("--auto-gain")->help).find ("Default off."), std::string::npos);
    EXPECT_FALSE (commandLineParameterDefaults().autoGain);
    // Every other field at the plugin's default.
    auto defaults = commandLineParameterDefaults();
    defaults.autoGain = ProcessorParameters().autoGain;
    for (const auto& row : parameterTable)
        EXPECT_EQ (row.field.get (defaults), row.range.defaultValue) << row.id;
}

TEST (ParameterOptions, NumbersTakeTheirUnit)
{
    EXPECT_EQ (settingOf ({ "--pre-delay", "20ms" }), 20.0);
    EXPECT_EQ (settingOf ({ "--pre-delay", "20 ms" }), 20.0);
    EXPECT_EQ (settingOf ({ "--pre-delay", "0.25s" }), 250.0);
    EXPECT_EQ (settingOf ({ "--ir-end", "+1.5S" }), 1500.0);
    EXPECT_EQ (settingOf ({ "--low-cut", "80Hz" }), 80.0);
    EXPECT_EQ (settingOf ({ "--low-cut", "1.2kHz" }), 1200.0);
    EXPECT_EQ (settingOf ({ "--high-cut", "9KHZ" }), 9000.0);
    EXPECT_EQ (settingOf ({ "--low-cut", "off" }), 20.0);
    EXPECT_EQ (settingOf ({ "--high-cut", "Off" }), 20000.0);
    EXPECT_EQ (settingOf ({ "--ir-gain", "-6dB" }), -6.0);
    EXPECT_EQ (settingOf ({ "--width", "150%" }), 150.0);
    EXPECT_EQ (settingOf ({ "--stretch", "125" }), 125.0);

    EXPECT_EQ (usageErrorOf (withIr ({ "--pre-delay", "20Hz" })),
               "option --pre-delay needs a time in ms (20, 20ms or 0.02s), not '20Hz'");
    EXPECT_EQ (usageErrorOf (withIr ({ "--low-cut", "1.2k" })),
               "option --low-cut needs a frequency in Hz (80, 80Hz or 1.2kHz), not '1.2k'");
    EXPECT_EQ (usageErrorOf (withIr ({ "--pre-delay", "off" })),
               "option --pre-delay needs a time in ms (20, 20ms or 0.02s), not 'off'");
    EXPECT_EQ (usageErrorOf (withIr ({ "--width", "nan" })),
               "option --width needs a value in percent (35 or 35%), not 'nan'");
    EXPECT_EQ (usageErrorOf (withIr ({ "--pre-delay", "0.6s" })),
               "option --pre-delay must lie between 0 and 500 ms, not '0.6s'");
    EXPECT_EQ (usageErrorOf (withIr ({ "--wet-gain", "30" })),
               "option --wet-gain must lie between -60 and +24 dB, not '30'");
    EXPECT_EQ (usageErrorOf (withIr ({ "--gain", "-61" })),
               "option --output-gain (--gain) must lie between -60 and +24 dB, not '-61'");
}

TEST (ParameterOptions, SwitchesTakeOnOrOffAndMeanOnWhenBare)
{
    EXPECT_EQ (settingOf ({ "--reverse" }), 1.0);
    EXPECT_EQ (settingOf ({ "--reverse", "off" }), 0.0);
    EXPECT_EQ (settingOf ({ "--reverse=ON" }), 1.0);
    EXPECT_EQ (settingOf ({ "--auto-gain", "no" }), 0.0);
    EXPECT_EQ (settingOf ({ "--auto-gain", "1" }), 1.0);
    // A bare switch before an input leaves the input alone.
    const auto options =
        parseRenderArguments (std::vector<std::string> { "--reverse", "in.wav", "--ir", "ir.wav", "-o", "out.wav" });
    EXPECT_EQ (options.inputs.size(), 1u);
    EXPECT_EQ (usageErrorOf (withIr ({ "--reverse=maybe" })), "option --reverse must be on or off, not 'maybe'");
}

TEST (ParameterOptions, ChoicesTakeTheirCommandLineSpellingOrThePluginsName)
{
    EXPECT_EQ (settingOf ({ "--latency-mode", "low-cpu" }), 1.0);
    EXPECT_EQ (settingOf ({ "--latency-mode", "Zero-Latency" }), 0.0);
    EXPECT_EQ (settingOf ({ "--set", "latencyMode=Low CPU" }), 1.0);
    EXPECT_EQ (usageErrorOf (withIr ({ "--latency-mode", "fast" })),
               "option --latency-mode must be zero-latency or low-cpu, not 'fast'");
}

TEST (ParameterOptions, SetNamesAParameterByItsIdOrOptionName)
{
    EXPECT_EQ (settingOf ({ "--set", "preDelay=20" }), 20.0);
    EXPECT_EQ (settingOf ({ "--set", "PRE-DELAY=20ms" }), 20.0);
    EXPECT_EQ (settingOf ({ "--set", "--pre-delay=0.02s" }), 20.0);
    EXPECT_EQ (settingOf ({ "--set", "gain=-6" }), -6.0);
    EXPECT_EQ (settingOf ({ "--set=reverse" }), 1.0);

    const auto options =
        parseRenderArguments (withState ({ "--set", "mix=0", "--set", "width=50", "--pre-delay", "12" }));
    ASSERT_EQ (options.parameterSettings.size(), 3u);
    EXPECT_EQ (options.parameterSettings[0].id, "mix");
    EXPECT_EQ (options.parameterSettings[0].givenAs, "--set 'mix=0'");
    EXPECT_EQ (options.parameterSettings[1].id, "width");
    EXPECT_EQ (options.parameterSettings[2].id, "preDelay");

    const auto unknown = usageErrorOf (withIr ({ "--set", "room=big" }));
    EXPECT_EQ (unknown.find ("option --set: no plugin parameter 'room'; the parameters are mix, wet-gain, "), 0u)
        << unknown;
    for (const auto& row : parameterTable)
        EXPECT_NE (unknown.find (kebabCase (row.id)), std::string::npos) << row.id;
    EXPECT_EQ (unknown.find ('\n'), std::string::npos);

    EXPECT_EQ (usageErrorOf (withIr ({ "--set", "preDelay" })), "option --set needs NAME=VALUE, not 'preDelay'");
    EXPECT_EQ (usageErrorOf (withIr ({ "--set", "preDelay=900" })),
               "option --set 'preDelay=900': pre-delay must lie between 0 and 500 ms, not '900'");
    EXPECT_EQ (usageErrorOf (withIr ({ "--pre-delay", "10", "--set", "preDelay=20" })),
               "the plugin control --pre-delay is given twice: --pre-delay and --set 'preDelay=20'");
    EXPECT_EQ (usageErrorOf (withIr ({ "--pre-delay", "10", "--pre-delay", "20" })),
               "option --pre-delay is given more than once");
}

TEST (ParameterOptions, MixAndTheGainsKeepTheExactRenderAndItsMeaning)
{
    const auto options = parseRenderArguments (withIr ({ "--mix", "35%", "--wet-gain", "-3.5", "--gain", "-6dB" }));
    EXPECT_EQ (firstPluginPathSetting (options), nullptr);
    EXPECT_DOUBLE_EQ (options.mix, 0.35);
    EXPECT_DOUBLE_EQ (options.wetGainDb, -3.5);
    EXPECT_DOUBLE_EQ (options.outputGainDb, -6.0);

    const auto byName = parseRenderArguments (withIr ({ "--set", "outputGain=2" }));
    EXPECT_DOUBLE_EQ (byName.outputGainDb, 2.0);

    // The exact render's mix is the plugin's: out = (1 - m) dry + m wet, gains in dB.
    ProcessorParameters parameters;
    applyParameterSettings (parameters, options.parameterSettings);
    EXPECT_EQ (parameters.mixPercent, 35.0f);
    EXPECT_EQ (parameters.wetGainDb, -3.5f);
    EXPECT_EQ (parameters.outputGainDb, -6.0f);
}

TEST (ParameterOptions, AnyOtherControlRunsThePluginsSignalPathAndRefusesTheExactRendersOptions)
{
    const auto options = parseRenderArguments (withIr ({ "--mix", "50", "--pre-delay", "10" }));
    ASSERT_NE (firstPluginPathSetting (options), nullptr);
    EXPECT_EQ (firstPluginPathSetting (options)->id, "preDelay");
    // The mix goes to the plugin's parameters, not to the exact render's.
    EXPECT_EQ (options.mix, 1.0);

    std::size_t exactOnly = 0;
    for (const auto& option : renderOptionTable())
    {
        const auto& spec = option.spec;
        if (spec.exactRenderOnly.empty())
            continue;
        ++exactOnly;
        std::vector<std::string> extra { std::string (spec.longName) };
        if (spec.value == OptionValue::required)
            extra.emplace_back (spec.choices ? std::string (spec.choices->all.front()) : "1");
        extra.emplace_back ("--reverse");
        EXPECT_EQ (usageErrorOf (withIr (extra)), "option " + std::string (spec.longName)
                                                      + " cannot be combined with --reverse, which runs the "
                                                        "plugin's signal path: "
                                                      + std::string (spec.exactRenderOnly));
    }
    EXPECT_EQ (exactOnly, 5u);
    EXPECT_EQ (usageErrorOf (withIr ({ "--mode", "same", "--set", "stretch=150" })),
               "option --mode cannot be combined with --set 'stretch=150', which runs the plugin's signal path: that "
               "path always keeps the whole tail (full)");
}

TEST (ParameterOptions, StateTakesThePluginControlsOverThePreset)
{
    const auto options = parseRenderArguments (withState ({ "--mix", "50", "--gain", "-3", "--low-cut", "80Hz" }));
    ASSERT_EQ (options.parameterSettings.size(), 3u);
    ProcessorParameters parameters;
    parameters.lowCutHz = 300.0f;
    applyParameterSettings (parameters, options.parameterSettings);
    EXPECT_EQ (parameters.mixPercent, 50.0f);
    EXPECT_EQ (parameters.outputGainDb, -3.0f);
    EXPECT_EQ (parameters.lowCutHz, 80.0f);
}

} // namespace partita
