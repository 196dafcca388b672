// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CommandTable.h"

#include "cli/CommandLineParser.h"
#include "cli/HelpText.h"
#include "cli/UsageError.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace partita
{

TEST (CommandTable, EveryCommandIsFoundByNameAndListed)
{
    const auto general = generalHelp();
    for (const auto& command : commandTable())
    {
        EXPECT_EQ (findCommand (command.name), &command);
        EXPECT_NE (general.find ("  " + std::string (command.synopsis) + "\n"), std::string::npos) << command.name;
        // A name that fits the column shares its line with its summary; a longer one has a line of its own.
        EXPECT_TRUE (general.find ("\n  " + std::string (command.name) + " ") != std::string::npos
                     || general.find ("\n  " + std::string (command.name) + "\n") != std::string::npos)
            << command.name;
        EXPECT_EQ (command.help().rfind ("partita " + std::string (command.name) + " - ", 0), 0u) << command.name;
        EXPECT_NE (commandNames().find (std::string ("'").append (command.name).append ("'")), std::string::npos);

        const std::vector<std::string> arguments { std::string (command.name), "--help" };
        EXPECT_EQ (parseCommandLine (arguments).helpTopic, &command);
        EXPECT_EQ (helpCommandFor (arguments), "partita " + std::string (command.name) + " --help");
    }
    EXPECT_EQ (findCommand ("rendr"), nullptr);
    EXPECT_EQ (commandNames(), "'render', 'info', 'correlate', 'sweep', 'deconvolve' and 'analyze'");
}

TEST (CommandTable, AnUnknownCommandListsTheCommands)
{
    try
    {
        (void)parseCommandLine (std::vector<std::string> { "rendr" });
        FAIL() << "no UsageError";
    }
    catch (const UsageError& error)
    {
        EXPECT_EQ (std::string (error.what()), "unknown command 'rendr'; the commands are " + commandNames());
    }
    EXPECT_EQ (helpCommandFor (std::vector<std::string> { "rendr" }), "partita --help");
}

} // namespace partita
