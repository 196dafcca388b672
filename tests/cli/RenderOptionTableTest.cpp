// SPDX-License-Identifier: GPL-3.0-or-later
// The option tables: every row reaches the help, and the rules the rows
// state (choices, render kinds) are the ones the parser applies.
#include "cli/RenderOptionTable.h"

#include "RenderUsageError.h"
#include "cli/HelpText.h"
#include "cli/InfoOptionTable.h"
#include "cli/ParameterOptions.h"
#include "cli/UsageError.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace partita
{
namespace
{
using test::usageErrorOf;

std::vector<std::string> plainRender (std::vector<std::string> extra)
{
    std::vector<std::string> arguments { "in.wav", "--ir", "ir.wav", "-o", "out.wav" };
    arguments.insert (arguments.end(), extra.begin(), extra.end());
    return arguments;
}
} // namespace

TEST (RenderOptionTable, EveryOptionIsListedInTheHelpWithItsValueAndInTheGeneralHelp)
{
    const auto help = renderHelp();
    const auto general = generalHelp();
    for (const auto& option : renderOptionTable())
    {
        const auto& spec = option.spec;
        EXPECT_NE (help.find ("  " + spec.helpLabel()), std::string::npos) << spec.longName;
        EXPECT_FALSE (spec.help.empty()) << spec.longName;
        if (spec.longName != "--help")
        {
            EXPECT_NE (general.find (std::string (spec.longName)), std::string::npos) << spec.longName;
        }
    }
    for (const auto& option : infoOptionTable())
        EXPECT_NE (infoHelp().find ("  " + option.spec.helpLabel()), std::string::npos) << option.spec.longName;
}

TEST (RenderOptionTable, EveryValueOutsideTheChoicesGivesTheUsageErrorNamingThem)
{
    for (const auto& option : renderOptionTable())
    {
        const auto& spec = option.spec;
        if (!spec.choices || (spec.modes & irRender) == 0)
            continue;
        const auto message = usageErrorOf (plainRender ({ std::string (spec.longName) + "=bogus" }));
        EXPECT_EQ (message, "option " + std::string (spec.longName) + " must be " + spokenList (spec.choices->accepted)
                                + ", not 'bogus'");
        for (const auto name : spec.choices->all)
        {
            std::vector<std::string> given { std::string (spec.longName) + "=" + std::string (name) };
            // The values after a choice (--normalize-output's target).
            for (std::size_t extra = 1; extra < spec.numValues; ++extra)
                given.emplace_back ("-1");
            EXPECT_NO_THROW ((void)parseRenderArguments (plainRender (given))) << spec.longName << " " << name;
        }
    }
}

TEST (RenderOptionTable, EveryValuedOptionSaysWhatItNeeds)
{
    for (const auto& option : renderOptionTable())
    {
        const auto& spec = option.spec;
        if (spec.value != OptionValue::required)
            continue;
        EXPECT_FALSE (spec.valueHint.empty()) << spec.longName;
        const auto message = usageErrorOf ({ "in.wav", std::string (spec.longName) });
        EXPECT_EQ (message,
                   "option " + std::string (spec.longName) + " needs a value: " + std::string (spec.valueHint));
    }
}

TEST (RenderOptionTable, TheStateUsageLineAndItsSectionMatchTheRowsKinds)
{
    const auto help = renderHelp();
    const auto stateUsage = help.substr (help.find ("partita render INPUT... --state"));
    // The state's usage may run on over lines, up to the blank line.
    const auto usageLine = stateUsage.substr (0, stateUsage.find ("\n\n"));
    EXPECT_NE (usageLine.find ("[plugin controls]"), std::string::npos);

    std::vector<std::string> irOnly;
    for (const auto& option : renderOptionTable())
    {
        const auto& spec = option.spec;
        // The plugin controls take part in both kinds, as "[plugin controls]".
        if (spec.longName == "--help" || spec.section == pluginControlsSection())
            continue;
        const auto shortest = spec.shortName.empty() ? spec.longName : spec.shortName;
        // The whole name: "[--normalize" begins "[--normalize-output".
        const bool inStateUsage =
            usageLine.find (std::string (" ").append (shortest).append (" ")) != std::string::npos
            || usageLine.find (std::string ("[").append (shortest).append (" ")) != std::string::npos
            || usageLine.find (std::string ("[").append (shortest).append ("]")) != std::string::npos;
        EXPECT_EQ (inStateUsage, (spec.modes & stateRender) != 0) << spec.longName;
        if ((spec.modes & stateRender) == 0)
            irOnly.emplace_back (spec.longName);
    }
    // "Or, instead of --ir and the options from --dry-gain to --precision:"
    const std::vector<std::string> documented {
        "--ir", "--dry-gain", "--normalize", "--mode", "--method", "--precision"
    };
    EXPECT_EQ (irOnly, documented);
}

TEST (RenderOptionTable, AnIrOnlyOptionWithStateIsRefusedAndEachKindNeedsItsOptions)
{
    for (const auto& option : renderOptionTable())
    {
        const auto& spec = option.spec;
        if ((spec.modes & stateRender) != 0 || spec.longName == "--ir")
            continue;
        std::vector<std::string> arguments { "in.wav", "--state", "s.partita",
                                             "-o",     "o.wav",   std::string (spec.longName) };
        if (spec.value == OptionValue::required)
            arguments.emplace_back (spec.choices ? std::string (spec.choices->all.front()) : "1");
        const auto why = spec.exactRenderOnly.empty() ? std::string ("the state holds the IR and the plugin's settings")
                                                      : "the state renders through the plugin's signal path, and "
                                                            + std::string (spec.exactRenderOnly);
        EXPECT_EQ (usageErrorOf (arguments),
                   "option " + std::string (spec.longName) + " cannot be combined with --state: " + why);
    }
    EXPECT_EQ (usageErrorOf ({ "in.wav", "--state", "s.partita" }),
               "missing -o OUTPUT: the output file (or folder, for several inputs)");
    EXPECT_EQ (usageErrorOf ({ "in.wav", "-o", "o.wav" }), "missing --ir IR: the impulse response to convolve with");
}

TEST (RenderOptionTable, TheTempoIsTakenFrom20To400BpmAndIs120WithoutIt)
{
    EXPECT_EQ (parseRenderArguments (plainRender ({})).tempoBpm, 120.0);
    EXPECT_EQ (parseRenderArguments (plainRender ({ "--tempo", "97.3" })).tempoBpm, 97.3);
    EXPECT_EQ (parseRenderArguments (
                   std::vector<std::string> { "in.wav", "--state", "s.partita", "-o", "o.wav", "--tempo", "174" })
                   .tempoBpm,
               174.0);
    EXPECT_EQ (usageErrorOf (plainRender ({ "--tempo", "10" })),
               "option --tempo must lie between 20 and 400 BPM, not '10'");
    EXPECT_EQ (usageErrorOf (plainRender ({ "--tempo", "fast" })), "option --tempo needs a tempo in BPM, not 'fast'");
}

TEST (InfoOptionTable, TakesFilesAndRefusesOptions)
{
    const std::vector<std::string> files { "a.wav", "--", "-b.wav" };
    EXPECT_EQ (parseInfoArguments (files).files.size(), 2u);
    EXPECT_FALSE (parseInfoArguments (files).json);
    EXPECT_TRUE (parseInfoArguments (std::vector<std::string> { "--json", "a.wav" }).json);
    EXPECT_THROW ((void)parseInfoArguments (std::vector<std::string> { "--xml", "a.wav" }), UsageError);
    EXPECT_THROW ((void)parseInfoArguments (std::vector<std::string> {}), UsageError);
}

} // namespace partita
