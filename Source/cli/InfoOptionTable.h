// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "InfoOptions.h"
#include "OptionSpec.h"

#include <span>
#include <string>

namespace partita
{

/** Every option of `partita info`, in the order the help lists them. */
std::span<const Option<InfoOptions>> infoOptionTable();

/** Parses the arguments after "info". Throws UsageError with one line for
    anything it does not understand, never anything else. */
InfoOptions parseInfoArguments (std::span<const std::string> arguments);

} // namespace partita
