// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CorrelateOptions.h"
#include "OptionSpec.h"

#include <span>
#include <string>

namespace partita
{

/** Every option of `partita correlate`, in the order the help lists them. */
std::span<const Option<CorrelateOptions>> correlateOptionTable();

/** Parses the arguments after "correlate": exactly two files and the
    options. Throws UsageError with one line for anything it does not
    understand, never anything else. */
CorrelateOptions parseCorrelateArguments (std::span<const std::string> arguments);

} // namespace partita
