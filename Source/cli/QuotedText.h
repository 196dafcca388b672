// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace partita
{

/** Text from the user (an argument, a path) in single quotes, safe to put in a
    one-line message: control characters such as newlines become '?', and very
    long text is shortened in the middle. */
std::string quotedText (std::string_view text);
std::string quotedPath (const std::filesystem::path& path);

} // namespace partita
