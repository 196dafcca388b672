// SPDX-License-Identifier: GPL-3.0-or-later
#include "NamedChoices.h"

#include <algorithm>
#include <cctype>

namespace partita
{

bool namesMatch (std::string_view name, std::string_view text, bool ignoreCase) noexcept
{
    if (!ignoreCase)
        return name == text;
    return std::equal (
        name.begin(), name.end(), text.begin(), text.end(),
        [] (char a, char b)
        { return std::tolower (static_cast<unsigned char> (a)) == std::tolower (static_cast<unsigned char> (b)); });
}

bool ChoiceNames::contains (std::string_view text) const noexcept
{
    return std::any_of (all.begin(), all.end(),
                        [&] (std::string_view name) { return namesMatch (name, text, ignoresCase); });
}

std::string spokenList (std::span<const std::string_view> names)
{
    std::string text;
    for (std::size_t index = 0; index < names.size(); ++index)
    {
        if (index > 0)
            text += index + 1 == names.size() ? " or " : ", ";
        text += names[index];
    }
    return text;
}

std::string joinedList (std::span<const std::string_view> names, std::string_view separator)
{
    std::string text;
    for (const auto name : names)
    {
        if (!text.empty())
            text += separator;
        text += name;
    }
    return text;
}

std::string barList (std::span<const std::string_view> names)
{
    return joinedList (names, "|");
}

} // namespace partita
