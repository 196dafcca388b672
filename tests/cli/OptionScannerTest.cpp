// SPDX-License-Identifier: GPL-3.0-or-later
// The rules every command's options follow, on a small table of its own.
#include "cli/OptionScanner.h"

#include "cli/UsageError.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace partita
{
namespace
{
struct Scanned
{
    std::vector<std::string> options;
    std::vector<std::string> operands;
};

const std::vector<OptionSpec>& specs()
{
    static const std::vector<OptionSpec> table {
        { .longName = "--flag", .shortName = "-f" },
        { .longName = "--level",
          .value = OptionValue::required,
          .valueName = "DB",
          .valueHint = "a level",
          .takesNegativeNumbers = true },
        { .longName = "--name", .value = OptionValue::required, .valueHint = "a name" },
        { .longName = "--colour",
          .otherSpelling = "--color",
          .value = OptionValue::optional,
          .choices = ChoiceNames { { "red" }, { "red", "blue" }, { "red", "blue" } },
          .bareValue = "red" },
        { .longName = "--pair",
          .value = OptionValue::required,
          .numValues = 2,
          .valueName = "N",
          .valueHint = "a direction and a number",
          .choices = ChoiceNames { { "up", "down" }, { "up", "down" }, { "up", "down" } },
          .takesNegativeNumbers = true },
    };
    return table;
}

Scanned scan (std::vector<std::string> arguments)
{
    std::vector<const OptionSpec*> rows;
    for (const auto& spec : specs())
        rows.push_back (&spec);
    Scanned scanned;
    OptionScanner scanner (rows, "a thing");
    scanner.scan (
        arguments,
        [&] (std::size_t row, std::span<const std::string_view> values)
        {
            std::string option (specs()[row].longName);
            for (const auto value : values)
                option.append ("=").append (value);
            scanned.options.push_back (option);
        },
        [&] (std::string_view operand) { scanned.operands.emplace_back (operand); });
    return scanned;
}

std::string errorOf (std::vector<std::string> arguments)
{
    try
    {
        scan (arguments);
    }
    catch (const UsageError& error)
    {
        return error.what();
    }
    ADD_FAILURE() << "no UsageError";
    return {};
}
} // namespace

TEST (OptionScanner, PassesOptionsInOrderAndOperandsAfterADoubleDash)
{
    const auto scanned = scan ({ "a", "--level", "-3", "-f", "--name=x", "b", "--", "--flag", "-" });
    const std::vector<std::string> options { "--level=-3", "--flag", "--name=x" };
    const std::vector<std::string> operands { "a", "b", "--flag", "-" };
    EXPECT_EQ (scanned.options, options);
    EXPECT_EQ (scanned.operands, operands);
}

TEST (OptionScanner, AnOptionalValueIsTakenOnlyWhenItIsAChoice)
{
    EXPECT_EQ (scan ({ "--colour", "blue" }).options, std::vector<std::string> { "--colour=blue" });
    const auto bare = scan ({ "--color", "file.wav" });
    EXPECT_EQ (bare.options, std::vector<std::string> { "--colour=red" });
    EXPECT_EQ (bare.operands, std::vector<std::string> { "file.wav" });
    EXPECT_EQ (errorOf ({ "--colour", "green" }), "option --colour must be red or blue, not 'green'");
}

TEST (OptionScanner, RefusesWhatNoCommandTakes)
{
    EXPECT_EQ (errorOf ({ "--nothing=1" }), "unknown option '--nothing'");
    EXPECT_EQ (errorOf ({ "--flag=1" }), "option --flag takes no value");
    EXPECT_EQ (errorOf ({ "--name" }), "option --name needs a value: a name");
    EXPECT_EQ (errorOf ({ "--name", "-f" }), "option --name needs a value: a name");
    EXPECT_EQ (errorOf ({ "--name", "a", "--name", "b" }), "option --name is given more than once");
    EXPECT_EQ (errorOf ({ "--colour", "--color" }), "option --color is given more than once");
    EXPECT_EQ (errorOf ({ "" }), "a thing name is empty");
}

TEST (OptionScanner, ADashAloneIsAnOperandAndAValueForStandardStreams)
{
    const auto scanned = scan ({ "-", "--name", "-" });
    EXPECT_EQ (scanned.operands, std::vector<std::string> { "-" });
    EXPECT_EQ (scanned.options, std::vector<std::string> { "--name=-" });
}

TEST (OptionScanner, AFlagMayBeRepeatedAndANumberMayLookLikeAnOption)
{
    EXPECT_EQ (scan ({ "-f", "--flag" }).options.size(), 2u);
    EXPECT_EQ (scan ({ "--level", "-f" }).options, std::vector<std::string> { "--level=-f" });
}

TEST (OptionScanner, AnOptionOfTwoValuesTakesBothInOrder)
{
    const auto scanned = scan ({ "--pair", "up", "-3", "x" });
    EXPECT_EQ (scanned.options, std::vector<std::string> { "--pair=up=-3" });
    EXPECT_EQ (scanned.operands, std::vector<std::string> { "x" });
    EXPECT_EQ (scan ({ "--pair=down", "4" }).options, std::vector<std::string> { "--pair=down=4" });
    EXPECT_EQ (specs()[4].helpLabel(), "--pair up|down N");
}

TEST (OptionScanner, AnOptionOfTwoValuesNamesAWrongFirstValueBeforeAMissingSecond)
{
    EXPECT_EQ (errorOf ({ "--pair", "sideways" }), "option --pair must be up or down, not 'sideways'");
    EXPECT_EQ (errorOf ({ "--pair", "up" }), "option --pair needs a value: a direction and a number");
    EXPECT_EQ (errorOf ({ "--pair=up" }), "option --pair needs a value: a direction and a number");
    EXPECT_EQ (errorOf ({ "--pair" }), "option --pair needs a value: a direction and a number");
}

} // namespace partita
