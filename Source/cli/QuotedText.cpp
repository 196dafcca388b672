// SPDX-License-Identifier: GPL-3.0-or-later
#include "QuotedText.h"

namespace partita
{

namespace
{
constexpr std::size_t maxShownLength = 240;
constexpr std::size_t keptAtEachEnd = 110;
} // namespace

std::string quotedText (std::string_view text)
{
    std::string shown;
    if (text.size() > maxShownLength)
    {
        shown.append (text.substr (0, keptAtEachEnd));
        shown.append ("...");
        shown.append (text.substr (text.size() - keptAtEachEnd));
    }
    else
    {
        shown.assign (text);
    }

    for (auto& character : shown)
    {
        const auto code = static_cast<unsigned char> (character);
        if (code < 0x20 || code == 0x7f)
            character = '?';
    }
    return "'" + shown + "'";
}

std::string quotedPath (const std::filesystem::path& path)
{
    return quotedText (std::string_view (path.native()));
}

} // namespace partita
