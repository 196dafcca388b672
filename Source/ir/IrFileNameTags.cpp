// SPDX-License-Identifier: GPL-3.0-or-later
#include "IrFileNameTags.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <utility>

namespace partita
{

namespace
{
bool isSeparator (char character) noexcept
{
    return character == '_' || character == '-' || character == ' ' || character == '.';
}

bool isDigit (char character) noexcept
{
    return character >= '0' && character <= '9';
}

std::string lowerCase (std::string_view text)
{
    std::string lower (text);
    std::transform (lower.begin(), lower.end(), lower.begin(),
                    [] (unsigned char character) { return static_cast<char> (std::tolower (character)); });
    return lower;
}

bool endsWith (std::string_view text, std::string_view suffix) noexcept
{
    return text.size() >= suffix.size() && text.substr (text.size() - suffix.size()) == suffix;
}

/** The length of `stem` once the separators before `tagStart` are cut, or
    nothing when there is no separator or nothing before it (a tag must be a
    word of its own after a name). */
std::optional<std::size_t> baseLengthBefore (std::string_view stem, std::size_t tagStart) noexcept
{
    std::size_t end = tagStart;
    while (end > 0 && isSeparator (stem[end - 1]))
        --end;
    if (end == tagStart || end == 0)
        return std::nullopt;
    return end;
}

constexpr std::array<double, 14> usualRates { 8000.0,  11025.0, 16000.0, 22050.0,  24000.0,  32000.0,  44100.0,
                                              48000.0, 88200.0, 96000.0, 176400.0, 192000.0, 352800.0, 384000.0 };

std::optional<double> usualRate (double hertz) noexcept
{
    for (const double rate : usualRates)
        if (std::abs (rate - hertz) < 0.5)
            return rate;
    return std::nullopt;
}

/** `44k` and friends: kHz rounded down in the 44.1 kHz family. */
std::optional<double> shortFormRate (double kilohertz) noexcept
{
    constexpr std::array<std::pair<double, double>, 6> shortForms { { { 11.0, 11025.0 },
                                                                      { 22.0, 22050.0 },
                                                                      { 44.0, 44100.0 },
                                                                      { 88.0, 88200.0 },
                                                                      { 176.0, 176400.0 },
                                                                      { 352.0, 352800.0 } } };
    for (const auto& [written, rate] : shortForms)
        if (kilohertz == written)
            return rate;
    return std::nullopt;
}

struct FoundTag
{
    std::size_t baseLength;
    double rate;
};

std::optional<FoundTag> rateTagAtEnd (std::string_view stem)
{
    const auto lower = lowerCase (stem);
    std::string_view rest (lower);
    bool kilohertz = false;
    if (endsWith (rest, "khz"))
    {
        kilohertz = true;
        rest.remove_suffix (3);
    }
    else if (endsWith (rest, "hz"))
        rest.remove_suffix (2);
    else if (endsWith (rest, "k"))
    {
        kilohertz = true;
        rest.remove_suffix (1);
    }

    std::size_t start = rest.size();
    while (start > 0 && isDigit (rest[start - 1]))
        --start;
    if (start == rest.size())
        return std::nullopt;
    // A decimal point belongs to the number only between digits (44.1k); a
    // dot after a letter is a separator (hall.48000).
    if (kilohertz && start >= 2 && rest[start - 1] == '.' && isDigit (rest[start - 2]))
    {
        start -= 1;
        while (start > 0 && isDigit (rest[start - 1]))
            --start;
    }
    const std::string number (rest.substr (start));
    if (number.size() > 9)
        return std::nullopt;
    const double value = std::stod (number);

    const auto rate = kilohertz ? (shortFormRate (value) ? shortFormRate (value) : usualRate (value * 1000.0))
                                : (number.find ('.') == std::string::npos ? usualRate (value) : std::nullopt);
    if (!rate)
        return std::nullopt;
    const auto baseLength = baseLengthBefore (stem, start);
    if (!baseLength)
        return std::nullopt;
    return FoundTag { *baseLength, *rate };
}

struct FoundChannel
{
    std::size_t baseLength;
    IrChannelTag tag;
};

std::optional<FoundChannel> channelTagAtEnd (std::string_view stem)
{
    std::size_t start = stem.size();
    while (start > 0 && !isSeparator (stem[start - 1]))
        --start;
    const auto word = lowerCase (stem.substr (start));
    constexpr std::array<std::pair<std::string_view, IrChannelTag>, 8> words { { { "l", IrChannelTag::left },
                                                                                 { "left", IrChannelTag::left },
                                                                                 { "r", IrChannelTag::right },
                                                                                 { "right", IrChannelTag::right },
                                                                                 { "ll", IrChannelTag::leftToLeft },
                                                                                 { "lr", IrChannelTag::leftToRight },
                                                                                 { "rl", IrChannelTag::rightToLeft },
                                                                                 { "rr",
                                                                                   IrChannelTag::rightToRight } } };
    for (const auto& [written, tag] : words)
        if (word == written)
        {
            const auto baseLength = baseLengthBefore (stem, start);
            if (!baseLength)
                return std::nullopt;
            return FoundChannel { *baseLength, tag };
        }
    return std::nullopt;
}
} // namespace

IrFileNameTags parseIrFileName (std::string_view stem)
{
    IrFileNameTags tags;
    std::string_view rest = stem;
    auto takeRate = [&]
    {
        if (const auto found = rateTagAtEnd (rest))
        {
            tags.sampleRate = found->rate;
            rest = rest.substr (0, found->baseLength);
        }
    };
    auto takeChannel = [&]
    {
        if (const auto found = channelTagAtEnd (rest))
        {
            tags.channel = found->tag;
            rest = rest.substr (0, found->baseLength);
        }
    };
    // Either order: hall_L_48k or hall_48k_L.
    takeRate();
    takeChannel();
    if (!tags.sampleRate && tags.channel != IrChannelTag::none)
        takeRate();
    tags.base = std::string (rest);
    return tags;
}

std::string_view toString (IrChannelTag tag) noexcept
{
    switch (tag)
    {
        case IrChannelTag::none:
            return "";
        case IrChannelTag::left:
            return "L";
        case IrChannelTag::right:
            return "R";
        case IrChannelTag::leftToLeft:
            return "LL";
        case IrChannelTag::leftToRight:
            return "LR";
        case IrChannelTag::rightToLeft:
            return "RL";
        case IrChannelTag::rightToRight:
            return "RR";
    }
    return "";
}

} // namespace partita
