// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "NamedChoices.h"
#include "OptionScanner.h"
#include "OptionSpec.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string_view>

namespace partita
{

/** The readers of option values that the option rows share. Each throws
    UsageError with one line naming the option (spec.longName) and the value
    for what it cannot take. */

/** A decimal number, a leading '+' allowed; nothing for text that is not
    one finite number. */
std::optional<double> parseReal (std::string_view text);
/** A non-negative whole number, a leading '+' allowed. */
std::optional<std::size_t> parseCount (std::string_view text);

/** A file or folder name; refuses an empty one ("--ir="). */
std::filesystem::path pathValue (const OptionSpec& spec, std::string_view value);
/** A gain in dB within +-200 dB. */
double gainValue (const OptionSpec& spec, std::string_view value);
/** A count from 1 to `largest`; `what` names it: "a channel count". */
std::size_t countValue (const OptionSpec& spec, std::string_view value, std::string_view what, std::size_t largest);

/** One of the table's names. */
template <typename Enum>
Enum choiceValue (const ChoiceTable<Enum>& table, const OptionSpec& spec, std::string_view value)
{
    if (const auto choice = findChoice (table, value))
        return *choice;
    throwNotAChoice (spec, value);
}

} // namespace partita
