// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OptionSpec.h"

#include <string_view>

namespace partita
{

/** A number for a measurement option, with an optional unit the option
    allows ("20", "20Hz", "2.5k", "2.5kHz" for a frequency; "10", "10s",
    "500ms" for a time), read into Hz or seconds. Throws UsageError naming
    the option for anything else; the ranges are the library's to check. */
double frequencyValue (const OptionSpec& spec, std::string_view value);
double secondsValue (const OptionSpec& spec, std::string_view value);
/** A plain number (a level in dBFS, a count of periods). */
double numberValue (const OptionSpec& spec, std::string_view value, std::string_view what);

} // namespace partita
