// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OptionSpec.h"

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace partita
{

/** Text wrapped greedily to `width` columns, each line after `indent`
    spaces; words are never split. */
std::string wrapText (std::string_view text, std::size_t width, std::size_t indent);

/** The option sections of a command's help: under each section heading (in
    the order of the first row that names it) one entry per row, the label in
    a column of its own and the help beside it, or below it when the label is
    too wide. */
std::string formatOptionSections (std::span<const OptionSpec* const> rows);

/** "--ir, -o/--output, --mix": every option's spellings, for a summary. */
std::string optionNameList (std::span<const OptionSpec* const> rows);

} // namespace partita
