// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace partita
{

/** Text from the user (an argument, a path) in single quotes, for one-line
    messages: 'x.wav'. Control characters (a newline or an escape sequence in
    a file name) become '?', so the message stays one line, and text longer
    than 240 characters keeps 110 at each end around "...", so that a
    runaway argument cannot flood the terminal. Built by appending because
    GCC 12 warns falsely (-Wrestrict, bug 105651) about "'" + string. */
inline std::string quoted (std::string_view text)
{
    constexpr std::size_t maxShownLength = 240;
    constexpr std::size_t keptAtEachEnd = 110;

    std::string shown;
    if (text.size() > maxShownLength)
        shown.append (text.substr (0, keptAtEachEnd)).append ("...").append (text.substr (text.size() - keptAtEachEnd));
    else
        shown.assign (text);

    std::string result (1, '\'');
    for (const char c : shown)
        result += static_cast<unsigned char> (c) < 0x20 || c == '\x7F' ? '?' : c;
    result += '\'';
    return result;
}

inline std::string quoted (const std::string& text)
{
    return quoted (std::string_view (text));
}

inline std::string quoted (const char* text)
{
    return quoted (std::string_view (text));
}

/** The path as the user gave it, in single quotes. */
inline std::string quoted (const std::filesystem::path& path)
{
    return quoted (std::string_view (path.native()));
}

} // namespace partita
