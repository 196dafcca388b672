// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace partita
{

/** partita(1) in troff (the man macros), made from the command table and
    each command's option rows, so that it lists what the help lists and
    cannot drift from it: NAME, SYNOPSIS, DESCRIPTION, COMMANDS, the options
    of each command under their help sections, EXIT STATUS, EXAMPLES, SEE
    ALSO. The build writes it to <build>/man/partita.1 (partita_docs). */
std::string manPage();

/** `text` for a troff text line: backslashes, hyphens (so that options
    print and paste as ASCII minus), and a leading '.' or '\'' (which troff
    would take for a request) escaped. */
std::string troffEscaped (std::string_view text);

} // namespace partita
