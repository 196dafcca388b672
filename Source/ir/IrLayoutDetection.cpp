// SPDX-License-Identifier: GPL-3.0-or-later
#include "IrLayoutDetection.h"

#include <algorithm>
#include <array>
#include <string>

namespace partita
{

namespace
{
std::string lowerCase (std::string_view text)
{
    std::string lower (text);
    std::transform (lower.begin(), lower.end(), lower.begin(),
                    [] (char c) { return c >= 'A' && c <= 'Z' ? static_cast<char> (c - 'A' + 'a') : c; });
    return lower;
}

bool contains (const std::string& text, std::string_view part)
{
    return text.find (part) != std::string::npos;
}
} // namespace

IrLayoutHint detectIrLayout (std::string_view fileName, std::size_t numChannels, bool ambisonicSubFormat) noexcept
{
    if (numChannels != 4)
        return {};
    if (ambisonicSubFormat)
        return { IrLayout::bFormatFuMa, IrLayoutReason::subFormat };

    try
    {
        const auto name = lowerCase (fileName);
        if (name.size() > 4 && name.ends_with (".amb"))
            return { IrLayout::bFormatFuMa, IrLayoutReason::extension };
        if (contains (name, "ambix"))
            return { IrLayout::bFormatAmbiX, IrLayoutReason::name };
        constexpr std::array<std::string_view, 5> fumaWords { "bformat", "b-format", "b_format", "fuma", "wxyz" };
        for (const auto word : fumaWords)
            if (contains (name, word))
                return { IrLayout::bFormatFuMa, IrLayoutReason::name };
    }
    catch (...)
    {
        // Out of memory copying a name: no hint, as for a name that says nothing.
    }
    return {};
}

} // namespace partita
