// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Command.h"

#include <span>
#include <string>
#include <string_view>

namespace partita
{

/** Parses the arguments after the program name: `help [COMMAND]`,
    `--version`, or a command of the command table and its arguments. Throws
    UsageError with a one-line message for anything it does not understand;
    never anything else, whatever the arguments (it is fuzzed). A --help or
    -h anywhere before "--" wins over every other argument. Checks only the
    command line: whether files exist is for the commands to find out. */
ParsedCommand parseCommandLine (std::span<const std::string> arguments);

/** What a usage error should point to: "partita render --help" when the
    arguments start with a command, else "partita --help". */
std::string helpCommandFor (std::span<const std::string> arguments);

} // namespace partita
