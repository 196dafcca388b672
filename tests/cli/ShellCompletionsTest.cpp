// SPDX-License-Identifier: GPL-3.0-or-later
// The bash and zsh completions are made from the command and option tables:
// the bash script is sourced and run as bash would run it on a command line.
#include "cli/ShellCompletions.h"

#include "CliRunner.h"
#include "TemporaryDirectory.h"
#include "cli/CommandTable.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace partita
{
namespace
{
bool isInstalled (const std::string& program)
{
    return std::system (("command -v " + program + " >/dev/null 2>&1").c_str()) == 0;
}

std::vector<std::string> spellingsOf (const OptionSpec& spec)
{
    std::vector<std::string> names { std::string (spec.longName) };
    if (!spec.shortName.empty())
        names.emplace_back (spec.shortName);
    if (!spec.otherSpelling.empty())
        names.emplace_back (spec.otherSpelling);
    return names;
}

/** What the bash completion offers for a command line whose last word is
    being typed: the script is sourced into bash, COMP_WORDS set, _partita
    called, COMPREPLY printed one a line (sorted). */
std::set<std::string> bashOffers (const std::filesystem::path& script, const std::filesystem::path& workingFolder,
                                  const std::vector<std::string>& words)
{
    const test::TemporaryDirectory scratch;
    std::string wordList;
    for (const auto& word : words)
        wordList += " '" + word + "'";
    const auto driver = "cd '" + workingFolder.string() + "' && source '" + script.string() + "' && COMP_WORDS=("
                        + wordList + ") && COMP_CWORD=" + std::to_string (words.size() - 1)
                        + " && _partita && printf '%s\\n' \"${COMPREPLY[@]}\"";
    test::writeBytes (scratch / "driver.sh", driver);
    const auto outPath = scratch / "out";
    const int status =
        std::system (("bash '" + (scratch / "driver.sh").string() + "' >'" + outPath.string() + "' 2>&1").c_str());
    EXPECT_EQ (status, 0) << test::readBytes (outPath);

    std::set<std::string> offers;
    std::istringstream lines (test::readBytes (outPath));
    for (std::string line; std::getline (lines, line);)
        if (!line.empty())
            offers.insert (line);
    return offers;
}

class ShellCompletions : public ::testing::Test
{
protected:
    void SetUp() override
    {
        test::writeBytes (directory / "partita.bash", bashCompletion());
        std::filesystem::create_directory (directory / "files");
        test::writeBytes (directory / "files" / "hall ir.wav", "");
        test::writeBytes (directory / "files" / "dry.wav", "");
    }

    std::set<std::string> offers (const std::vector<std::string>& words)
    {
        return bashOffers (directory / "partita.bash", directory / "files", words);
    }

    test::TemporaryDirectory directory;
};
} // namespace

TEST_F (ShellCompletions, BashScriptPassesBashsSyntaxCheck)
{
    EXPECT_EQ (std::system (("bash -n '" + (directory / "partita.bash").string() + "'").c_str()), 0);
}

TEST_F (ShellCompletions, BashOffersTheCommandsThenEveryOptionOfTheCommandFromItsTable)
{
    std::set<std::string> commands { "--help", "--version" };
    for (const auto& command : commandTable())
        commands.insert (std::string (command.name));
    EXPECT_EQ (offers ({ "partita", "" }), commands);

    for (const auto& command : commandTable())
    {
        std::set<std::string> expected;
        for (const auto* option : command.options())
            for (const auto& name : spellingsOf (*option))
                expected.insert (name);
        EXPECT_EQ (offers ({ "partita", std::string (command.name), "-" }), expected) << command.name;
    }
}

TEST_F (ShellCompletions, BashOffersChoicesFilesOrNothingAsTheOptionsValueAsks)
{
    for (const auto& command : commandTable())
    {
        for (const auto* option : command.options())
        {
            if (option->value == OptionValue::none)
                continue;
            SCOPED_TRACE (std::string (command.name) + " " + std::string (option->longName));
            const auto offered = offers ({ "partita", std::string (command.name), std::string (option->longName), "" });

            std::set<std::string> expected;
            if (option->choices)
                expected.insert (option->choices->documented.begin(), option->choices->documented.end());
            if (option->valueIsPath || option->value == OptionValue::optional)
                expected.insert ({ "dry.wav", "hall ir.wav" });
            EXPECT_EQ (offered, expected);
        }
    }
    // Operands are files, names with spaces kept whole.
    EXPECT_EQ (offers ({ "partita", "info", "ha" }), std::set<std::string> { "hall ir.wav" });
}

TEST_F (ShellCompletions, ZshScriptNamesEveryOptionAndChoice)
{
    const auto script = zshCompletion();
    EXPECT_EQ (script.rfind ("#compdef partita\n", 0), 0u);
    for (const auto& command : commandTable())
    {
        EXPECT_NE (script.find ("            " + std::string (command.name) + ")\n"), std::string::npos);
        for (const auto* option : command.options())
        {
            for (const auto& name : spellingsOf (*option))
                EXPECT_NE (script.find ("'" + name), std::string::npos) << name;
            if (option->choices)
            {
                std::string choices;
                for (const auto choice : option->choices->documented)
                    choices.append (choices.empty() ? "" : " ").append (choice);
                EXPECT_NE (script.find (":(" + choices + ")'"), std::string::npos) << option->longName;
            }
        }
    }
    EXPECT_EQ (zshDescription ("it's [x]: y\non two lines. Then more"), "it'\\''s \\[x\\]: y on two lines.");
}

TEST_F (ShellCompletions, ZshScriptPassesZshsSyntaxCheck)
{
    if (!isInstalled ("zsh"))
        GTEST_SKIP() << "zsh is not installed";
    test::writeBytes (directory / "_partita", zshCompletion());
    EXPECT_EQ (std::system (("zsh -n '" + (directory / "_partita").string() + "'").c_str()), 0);
}

} // namespace partita
