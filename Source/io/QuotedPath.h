// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to partita_io.

#include <filesystem>
#include <string>

namespace partita::detail
{

/** Text in single quotes, for one-line messages: 'x.wav'. Control
    characters (a newline or an escape sequence in a file name) become '?',
    so the message stays one line. Built by appending because GCC 12 warns
    falsely (-Wrestrict, bug 105651) about "'" + string. */
inline std::string quoted (const std::string& text)
{
    std::string result (1, '\'');
    for (const char c : text)
        result += static_cast<unsigned char> (c) < 0x20 || c == '\x7F' ? '?' : c;
    result += '\'';
    return result;
}

/** The path as the user gave it, in single quotes. */
inline std::string quoted (const std::filesystem::path& path)
{
    return quoted (path.string());
}

} // namespace partita::detail
