// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandLineParser.h"

#include "CommandTable.h"
#include "UsageError.h"
#include "io/QuotedText.h"

namespace partita
{

namespace
{
bool isHelpFlag (std::string_view argument)
{
    return argument == "-h" || argument == "--help";
}

/** --help before "--" wins, so that `partita render in.wav --ir --help`
    explains itself instead of taking "--help" for a file name. */
bool asksForHelp (std::span<const std::string> arguments)
{
    for (const auto& argument : arguments)
    {
        if (argument == "--")
            return false;
        if (isHelpFlag (argument))
            return true;
    }
    return false;
}

ParsedCommand helpFor (const Command* topic)
{
    ParsedCommand command;
    command.kind = CommandKind::help;
    command.helpTopic = topic;
    return command;
}

ParsedCommand parseHelpCommand (std::span<const std::string> rest)
{
    if (rest.empty())
        return helpFor (nullptr);
    if (const auto* topic = findCommand (rest.front()))
        return helpFor (topic);
    throw UsageError ("no help on " + quoted (rest.front()) + "; the commands are " + commandNames());
}
} // namespace

ParsedCommand parseCommandLine (std::span<const std::string> arguments)
{
    if (arguments.empty())
        throw UsageError ("no command given; the commands are " + commandNames());

    const std::string_view first = arguments.front();
    const auto rest = arguments.subspan (1);

    if (isHelpFlag (first))
        return helpFor (nullptr);
    if (first == "--version")
    {
        ParsedCommand command;
        command.kind = CommandKind::version;
        return command;
    }
    if (first == "help")
        return parseHelpCommand (rest);

    if (const auto* found = findCommand (first))
    {
        if (asksForHelp (rest))
            return helpFor (found);
        ParsedCommand command;
        command.kind = found->kind;
        found->parse (rest, command);
        return command;
    }

    if (!first.empty() && first.front() == '-')
        throw UsageError ("unknown option " + quoted (first) + " before the command; the commands are "
                          + commandNames());
    throw UsageError ("unknown command " + quoted (first) + "; the commands are " + commandNames());
}

std::string helpCommandFor (std::span<const std::string> arguments)
{
    if (!arguments.empty())
        if (const auto* command = findCommand (arguments.front()))
            return "partita " + std::string (command->name) + " --help";
    return "partita --help";
}

} // namespace partita
