// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace partita
{

/** `partita --help`: the commands, with examples. */
std::string_view generalHelp() noexcept;

/** `partita render --help`: every option with its default, and examples. */
std::string_view renderHelp() noexcept;

/** `partita info --help`. */
std::string_view infoHelp() noexcept;

/** `partita --version`: name, version and licence. */
std::string versionText();

} // namespace partita
