// SPDX-License-Identifier: GPL-3.0-or-later
#include "SndfileHandle.h"

#include <cctype>
#include <string_view>

namespace partita::detail
{

SndfileHandle openSndfile (const std::filesystem::path& path, int mode, SF_INFO& info) noexcept
{
#if defined(_WIN32)
    return SndfileHandle { sf_wchar_open (path.c_str(), mode, &info) };
#else
    return SndfileHandle { sf_open (path.c_str(), mode, &info) };
#endif
}

std::string sndfileErrorPhrase (SNDFILE* file)
{
    std::string_view text = sf_strerror (file);

    for (const std::string_view prefix : { "Error : ", "Error: ", "System error : ", "Internal error : " })
    {
        if (text.starts_with (prefix))
        {
            text.remove_prefix (prefix.size());
            break;
        }
    }

    // libsndfile's messages can run over several lines; ours are one line.
    if (const auto newline = text.find_first_of ("\r\n"); newline != std::string_view::npos)
        text = text.substr (0, newline);

    while (!text.empty() && (text.back() == '.' || text.back() == ' '))
        text.remove_suffix (1);

    std::string phrase { text };
    if (!phrase.empty() && std::isupper (static_cast<unsigned char> (phrase[0])) != 0
        && (phrase.size() < 2 || std::islower (static_cast<unsigned char> (phrase[1])) != 0))
        phrase[0] = static_cast<char> (std::tolower (static_cast<unsigned char> (phrase[0])));

    return phrase.empty() ? std::string { "unknown libsndfile error" } : phrase;
}

} // namespace partita::detail
