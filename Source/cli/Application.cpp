// SPDX-License-Identifier: GPL-3.0-or-later
#include "Application.h"

#include "CommandLineParser.h"
#include "CommandTable.h"
#include "HelpText.h"
#include "UsageError.h"

#include <new>

namespace partita
{

namespace
{
int runParsed (const ParsedCommand& command, std::ostream& out, std::ostream& err)
{
    if (command.kind == CommandKind::help || command.kind == CommandKind::version)
    {
        if (command.kind == CommandKind::version)
            out << versionText();
        else
            out << (command.helpTopic != nullptr ? command.helpTopic->help() : generalHelp());
        out.flush();
        return 0;
    }
    for (const auto& row : commandTable())
        if (row.kind == command.kind)
            return row.run (command, out, err);
    return 1;
}

int run (std::span<const std::string> arguments, std::ostream& out, std::ostream& err)
{
    try
    {
        return runParsed (parseCommandLine (arguments), out, err);
    }
    catch (const UsageError& error)
    {
        err << "partita: error: " << error.what() << " (see '" << helpCommandFor (arguments) << "')" << std::endl;
        return 2;
    }
    catch (const std::bad_alloc&)
    {
        err << "partita: error: out of memory" << std::endl;
        return 1;
    }
    catch (const std::exception& error)
    {
        err << "partita: error: " << error.what() << std::endl;
        return 1;
    }
    catch (...)
    {
        err << "partita: error: unexpected failure" << std::endl;
        return 1;
    }
}
} // namespace

int runApplication (std::span<const std::string> arguments, std::ostream& out, std::ostream& err) noexcept
{
    try
    {
        return run (arguments, out, err);
    }
    catch (...)
    {
        // Writing the message itself failed (a closed stream throwing, or no
        // memory left for it): nothing more can be said.
        return 1;
    }
}

} // namespace partita
