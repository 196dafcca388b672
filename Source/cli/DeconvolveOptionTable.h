// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DeconvolveOptions.h"
#include "OptionSpec.h"

#include <span>
#include <string>

namespace partita
{

/** Every option of `partita deconvolve`, in the order the help lists them. */
std::span<const Option<DeconvolveOptions>> deconvolveOptionTable();

/** Parses the arguments after "deconvolve": one or more recordings and the
    options. Throws UsageError with one line for anything it does not
    understand, never anything else. */
DeconvolveOptions parseDeconvolveArguments (std::span<const std::string> arguments);

} // namespace partita
