// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <ostream>
#include <span>
#include <string>

namespace partita
{

/** The whole `partita` program apart from main(): parses the arguments
    (without the program name), runs the command and returns the exit status:
    0 success, 1 a file or runtime error, 2 a usage error. Help and version go
    to `out`; every error is one "partita: error: ..." line on `err`. No
    exception escapes. */
int runApplication (std::span<const std::string> arguments, std::ostream& out, std::ostream& err) noexcept;

} // namespace partita
