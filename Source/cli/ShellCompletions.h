// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace partita
{

/** Completion scripts for bash and zsh, made from the command table and each
    command's option rows (as the help is), so that a new option or command
    completes without an edit here: command names; after a command, its
    option names; after an option with choices, the choices; after an option
    whose value is a path (OptionSpec::valueIsPath), and for the operands,
    file names; nothing after an option that takes a number. The build writes
    them to <build>/completions/ and installs them where bash-completion and
    zsh look (partita_docs). */
std::string bashCompletion();
std::string zshCompletion();

/** The first sentence of an option's help, made safe inside a
    single-quoted zsh _arguments description ('[', ']' and '\\' escaped,
    quotes closed and reopened). */
std::string zshDescription (std::string_view help);

} // namespace partita
