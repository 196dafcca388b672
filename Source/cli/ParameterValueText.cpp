// SPDX-License-Identifier: GPL-3.0-or-later
#include "ParameterValueText.h"

#include "NamedChoices.h"
#include "io/QuotedText.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <stdexcept>
#include <system_error>

namespace partita
{

namespace
{
/** A unit written after a number, and what it multiplies the number by to
    give the parameter's own unit (seconds to ms, kHz to Hz). */
struct UnitSuffix
{
    std::string_view text;
    double scale = 1.0;
};

/** Everything the command line says about one unit, so that a unit added to
    the parameter table is one row here (isKnownUnit tells a test it is missing). */
struct UnitSpelling
{
    ParameterUnit unit;
    std::string_view valueName;
    std::string_view symbol;
    /** What a value that is not a number should have been. */
    std::string_view expected;
    std::array<UnitSuffix, 2> suffixes {};
};

constexpr std::array unitSpellings {
    UnitSpelling { ParameterUnit::none, "VALUE", "", "a number" },
    UnitSpelling { ParameterUnit::percent, "PERCENT", "%", "a value in percent (35 or 35%)", { { { "%" } } } },
    UnitSpelling { ParameterUnit::decibels, "DB", "dB", "a gain in dB (-6 or -6dB)", { { { "db" } } } },
    UnitSpelling { ParameterUnit::milliseconds,
                   "MS",
                   "ms",
                   "a time in ms (20, 20ms or 0.02s)",
                   { { { "ms" }, { "s", 1000.0 } } } },
    UnitSpelling { ParameterUnit::hertz,
                   "HZ",
                   "Hz",
                   "a frequency in Hz (80, 80Hz or 1.2kHz)",
                   { { { "hz" }, { "khz", 1000.0 } } } },
    UnitSpelling {
        ParameterUnit::degrees, "DEGREES", "degrees", "an angle in degrees (90 or 90deg)", { { { "deg" }, { "°" } } } },
};

const UnitSpelling& spellingOf (ParameterUnit unit) noexcept
{
    for (const auto& spelling : unitSpellings)
        if (spelling.unit == unit)
            return spelling;
    return unitSpellings.front();
}

std::string lowerCase (std::string_view text)
{
    std::string lower (text);
    std::transform (lower.begin(), lower.end(), lower.begin(),
                    [] (unsigned char c) { return static_cast<char> (std::tolower (c)); });
    return lower;
}

std::string_view trimmed (std::string_view text)
{
    while (!text.empty() && std::isspace (static_cast<unsigned char> (text.front())))
        text.remove_prefix (1);
    while (!text.empty() && std::isspace (static_cast<unsigned char> (text.back())))
        text.remove_suffix (1);
    return text;
}

/** A number and its unit, scaled to the parameter's unit; nothing for text
    that is not one finite number followed by at most one of the unit's
    suffixes. */
std::optional<double> numberInUnit (std::string_view text, const UnitSpelling& spelling)
{
    text = trimmed (text);
    if (!text.empty() && text.front() == '+')
        text.remove_prefix (1);
    double number = 0.0;
    const auto* const end = text.data() + text.size();
    const auto [stop, error] = std::from_chars (text.data(), end, number, std::chars_format::general);
    if (error != std::errc() || stop == text.data() || !std::isfinite (number))
        return std::nullopt;

    const auto suffix = lowerCase (trimmed (std::string_view (stop, static_cast<std::size_t> (end - stop))));
    if (suffix.empty())
        return number;
    for (const auto& candidate : spelling.suffixes)
        if (!candidate.text.empty() && suffix == candidate.text)
            return number * candidate.scale;
    return std::nullopt;
}

/** on/off first: the help lists the documented names, the rest are accepted. */
struct SwitchName
{
    std::string_view name;
    bool on;
};

constexpr std::array switchNameTable {
    SwitchName { "on", true },   SwitchName { "off", false },   SwitchName { "yes", true }, SwitchName { "no", false },
    SwitchName { "true", true }, SwitchName { "false", false }, SwitchName { "1", true },   SwitchName { "0", false },
};

double parseSwitch (std::string_view text)
{
    const auto lower = lowerCase (trimmed (text));
    for (const auto& name : switchNameTable)
        if (lower == name.name)
            return name.on ? 1.0 : 0.0;
    throw std::invalid_argument ("must be on or off, not " + quoted (text));
}

double parseChoice (const ParameterDefinition& row, std::string_view text)
{
    const auto spelled = commandLineSpelling (text);
    for (std::size_t index = 0; index < row.choices.size(); ++index)
        if (!spelled.empty() && spelled == commandLineSpelling (row.choices[index]))
            return static_cast<double> (index);
    throw std::invalid_argument ("must be " + rangeText (row) + ", not " + quoted (text));
}

/** "0 to 500 ms", "-60 and +24 dB": the ends of a continuous range, joined. */
std::string rangeEnds (const ParameterDefinition& row, std::string_view join)
{
    const bool withSign = row.unit == ParameterUnit::decibels;
    auto text = formatNumber (row.range.minimum, withSign);
    text.append (join).append (formatNumber (row.range.maximum, withSign));
    if (const auto symbol = unitSymbol (row.unit); !symbol.empty())
        text.append (" ").append (symbol);
    return text;
}

double parseContinuous (const ParameterDefinition& row, std::string_view text)
{
    const auto& spelling = spellingOf (row.unit);
    if (row.offAt != OffAt::never && lowerCase (trimmed (text)) == "off")
        return row.offAt == OffAt::minimum ? row.range.minimum : row.range.maximum;

    const auto value = numberInUnit (text, spelling);
    if (!value)
        throw std::invalid_argument ("needs " + std::string (spelling.expected) + ", not " + quoted (text));
    // In float, the parameter's own precision: "0.1" is the end of a range
    // that starts at 0.1f (0.100000001), not below it.
    if (const auto asFloat = static_cast<float> (*value); asFloat < row.range.minimum || asFloat > row.range.maximum)
        throw std::invalid_argument ("must lie between " + rangeEnds (row, " and ") + ", not " + quoted (text));
    return *value;
}
} // namespace

std::string kebabCase (std::string_view id)
{
    std::string name;
    for (const char c : id)
    {
        if (std::isupper (static_cast<unsigned char> (c)))
        {
            if (!name.empty())
                name += '-';
            name += static_cast<char> (std::tolower (static_cast<unsigned char> (c)));
        }
        else
        {
            name += c;
        }
    }
    return name;
}

std::string commandLineSpelling (std::string_view choiceName)
{
    std::string spelled;
    bool pendingDash = false;
    for (const char c : choiceName)
    {
        if (std::isalnum (static_cast<unsigned char> (c)))
        {
            if (pendingDash && !spelled.empty())
                spelled += '-';
            pendingDash = false;
            spelled += static_cast<char> (std::tolower (static_cast<unsigned char> (c)));
        }
        else
        {
            pendingDash = true;
        }
    }
    return spelled;
}

std::string_view unitValueName (ParameterUnit unit) noexcept
{
    return spellingOf (unit).valueName;
}

std::string_view unitSymbol (ParameterUnit unit) noexcept
{
    return spellingOf (unit).symbol;
}

bool isKnownUnit (ParameterUnit unit) noexcept
{
    return std::any_of (unitSpellings.begin(), unitSpellings.end(),
                        [unit] (const UnitSpelling& spelling) { return spelling.unit == unit; });
}

std::string formatNumber (double value, bool withSign)
{
    // Shortest float text: the table's values are floats, and 4472.13595f
    // should read "4472.136", not seventeen digits.
    std::array<char, 32> buffer {};
    const auto result = std::to_chars (buffer.data(), buffer.data() + buffer.size(), static_cast<float> (value));
    std::string text (buffer.data(), result.ptr);
    if (text == "-0")
        text = "0";
    if (withSign && value > 0.0)
        text.insert (text.begin(), '+');
    return text;
}

std::string formatParameterValue (const ParameterDefinition& row, double value)
{
    switch (row.kind)
    {
        case ParameterKind::toggle:
            return value >= 0.5 ? "on" : "off";
        case ParameterKind::choice:
        {
            const auto index = static_cast<std::size_t> (std::lround (value));
            return index < row.choices.size() ? commandLineSpelling (row.choices[index]) : formatNumber (value);
        }
        case ParameterKind::continuous:
            break;
    }
    const auto symbol = unitSymbol (row.unit);
    auto text = formatNumber (value, row.unit == ParameterUnit::decibels);
    if (!symbol.empty())
        text.append (" ").append (symbol);
    return text;
}

std::string rangeText (const ParameterDefinition& row)
{
    switch (row.kind)
    {
        case ParameterKind::toggle:
            return "on or off";
        case ParameterKind::choice:
        {
            std::vector<std::string> spellings;
            for (const auto choice : row.choices)
                spellings.push_back (commandLineSpelling (choice));
            const std::vector<std::string_view> names (spellings.begin(), spellings.end());
            return spokenList (names);
        }
        case ParameterKind::continuous:
            break;
    }
    return rangeEnds (row, " to ");
}

const std::vector<std::string_view>& switchNames()
{
    static const std::vector<std::string_view> names = []
    {
        std::vector<std::string_view> all;
        for (const auto& name : switchNameTable)
            all.push_back (name.name);
        return all;
    }();
    return names;
}

double parseParameterValue (const ParameterDefinition& row, std::string_view text)
{
    switch (row.kind)
    {
        case ParameterKind::toggle:
            return parseSwitch (text);
        case ParameterKind::choice:
            return parseChoice (row, text);
        case ParameterKind::continuous:
            break;
    }
    return parseContinuous (row, text);
}

} // namespace partita
