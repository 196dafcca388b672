// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OptionSpec.h"
#include "SweepOptions.h"

#include <span>
#include <string>

namespace partita
{

/** Every option of `partita sweep`, in the order the help lists them. */
std::span<const Option<SweepOptions>> sweepOptionTable();

/** Parses the arguments after "sweep". Throws UsageError with one line for
    anything it does not understand, never anything else. */
SweepOptions parseSweepArguments (std::span<const std::string> arguments);

} // namespace partita
