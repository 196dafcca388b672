// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "InfoOptions.h"
#include "RenderOptions.h"

#include <span>
#include <string>

namespace partita
{

enum class CommandKind
{
    help,
    version,
    render,
    info,
};

enum class HelpTopic
{
    general,
    render,
    info,
};

/** A command line understood: which command, and its options. Only the member
    for `kind` is meaningful. */
struct ParsedCommand
{
    CommandKind kind = CommandKind::help;
    HelpTopic helpTopic = HelpTopic::general;
    RenderOptions render;
    InfoOptions info;
};

/** Parses the arguments after the program name. Throws UsageError with a
    one-line message for anything it does not understand; never anything
    else, whatever the arguments (it is fuzzed). A --help or -h anywhere
    before "--" wins over every other argument. Checks only the command line:
    whether files exist is for the commands to find out. */
ParsedCommand parseCommandLine (std::span<const std::string> arguments);

} // namespace partita
