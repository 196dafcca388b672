// SPDX-License-Identifier: GPL-3.0-or-later
#include "BrowserSearch.h"

#include <algorithm>

namespace partita
{

BrowserSearch::BrowserSearch (std::string_view text)
{
    const auto lower = folded (text);
    std::size_t start = 0;
    while (start < lower.size())
    {
        const auto end = std::min (lower.find_first_of (" \t\n", start), lower.size());
        if (end > start)
            words.push_back (lower.substr (start, end - start));
        start = end + 1;
    }
}

std::string BrowserSearch::folded (std::string_view text)
{
    std::string result (text);
    for (auto& c : result)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char> (c - 'A' + 'a');
    return result;
}

bool BrowserSearch::matches (const BrowserEntry& entry) const
{
    if (words.empty())
        return true;
    std::string haystack = folded (entry.name) + '\n' + folded (entry.category) + '\n' + folded (entry.location);
    for (const auto& tag : entry.tags)
        haystack += '\n' + folded (tag);
    return std::all_of (words.begin(), words.end(),
                        [&haystack] (const std::string& word) { return haystack.find (word) != std::string::npos; });
}

} // namespace partita
