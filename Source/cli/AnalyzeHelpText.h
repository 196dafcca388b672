// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace partita
{

/** `partita analyze --help`. */
std::string analyzeHelp();
/** The analyze command's paragraph in the general help. */
std::string analyzeSummary();

} // namespace partita
