// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Command.h"

#include <span>
#include <string>
#include <string_view>

namespace partita
{

/** Every command of `partita`, in the order the general help lists them. */
std::span<const Command> commandTable();

/** The command called `name`, or nullptr. */
const Command* findCommand (std::string_view name) noexcept;

/** "'render' and 'info'", for the messages that list the commands. */
std::string commandNames();

} // namespace partita
