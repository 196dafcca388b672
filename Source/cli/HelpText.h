// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace partita
{

/** `partita --help`: the commands from the command table, with examples. */
std::string generalHelp();

/** `partita render --help`: every option of the render table, and examples. */
std::string renderHelp();
/** The render command's paragraph in the general help. */
std::string renderSummary();

/** `partita info --help`. */
std::string infoHelp();
/** The info command's paragraph in the general help. */
std::string infoSummary();

/** `partita correlate --help`. */
std::string correlateHelp();
/** The correlate command's paragraph in the general help. */
std::string correlateSummary();

/** `partita --version`: name, version and licence. */
std::string versionText();

} // namespace partita
