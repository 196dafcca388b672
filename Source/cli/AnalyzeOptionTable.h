// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AnalyzeOptions.h"
#include "OptionSpec.h"

#include <span>
#include <string>

namespace partita
{

/** Every option of `partita analyze`, in the order the help lists them. */
std::span<const Option<AnalyzeOptions>> analyzeOptionTable();

/** Parses the arguments after "analyze". Throws UsageError with one line for
    anything it does not understand, never anything else. */
AnalyzeOptions parseAnalyzeArguments (std::span<const std::string> arguments);

} // namespace partita
