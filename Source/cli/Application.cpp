// SPDX-License-Identifier: GPL-3.0-or-later
#include "Application.h"

#include "CommandLineParser.h"
#include "HelpText.h"
#include "InfoCommand.h"
#include "RenderCommand.h"
#include "UsageError.h"

#include <new>
#include <string_view>

namespace partita
{

namespace
{
std::string_view helpCommandFor (std::span<const std::string> arguments)
{
    if (!arguments.empty() && arguments.front() == "render")
        return "partita render --help";
    if (!arguments.empty() && arguments.front() == "info")
        return "partita info --help";
    return "partita --help";
}

std::string_view helpFor (HelpTopic topic)
{
    switch (topic)
    {
        case HelpTopic::general:
            return generalHelp();
        case HelpTopic::render:
            return renderHelp();
        case HelpTopic::info:
            return infoHelp();
    }
    return generalHelp();
}

int run (std::span<const std::string> arguments, std::ostream& out, std::ostream& err)
{
    try
    {
        const auto command = parseCommandLine (arguments);
        switch (command.kind)
        {
            case CommandKind::help:
                out << helpFor (command.helpTopic);
                out.flush();
                return 0;
            case CommandKind::version:
                out << versionText();
                out.flush();
                return 0;
            case CommandKind::render:
                return runRenderCommand (command.render, out, err);
            case CommandKind::info:
                return runInfoCommand (command.info, out, err);
        }
        return 1;
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
