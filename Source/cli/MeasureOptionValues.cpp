// SPDX-License-Identifier: GPL-3.0-or-later
#include "MeasureOptionValues.h"

#include "OptionValues.h"
#include "UsageError.h"
#include "io/QuotedText.h"

#include <array>
#include <utility>

namespace partita
{
namespace
{

/** The number before one of the suffixes, times the suffix's scale. */
std::optional<double> withUnit (std::string_view text, std::span<const std::pair<std::string_view, double>> units)
{
    for (const auto& [suffix, scale] : units)
        if (text.size() > suffix.size() && text.ends_with (suffix))
            if (const auto number = parseReal (text.substr (0, text.size() - suffix.size())))
                return *number * scale;
    return parseReal (text);
}

[[noreturn]] void refuse (const OptionSpec& spec, std::string_view what, std::string_view value)
{
    throw UsageError ("option " + std::string (spec.longName) + " needs " + std::string (what) + ", not "
                      + quoted (value));
}

} // namespace

double frequencyValue (const OptionSpec& spec, std::string_view value)
{
    // Longest suffix first: "kHz" before "Hz" and "k".
    static constexpr std::array<std::pair<std::string_view, double>, 3> units {
        { { "kHz", 1000.0 }, { "Hz", 1.0 }, { "k", 1000.0 } }
    };
    if (const auto hertz = withUnit (value, units))
        return *hertz;
    refuse (spec, "a frequency in Hz (20, 20Hz, 20k)", value);
}

double secondsValue (const OptionSpec& spec, std::string_view value)
{
    static constexpr std::array<std::pair<std::string_view, double>, 2> units { { { "ms", 0.001 }, { "s", 1.0 } } };
    if (const auto seconds = withUnit (value, units))
        return *seconds;
    refuse (spec, "a time in seconds (10, 10s, 500ms)", value);
}

double numberValue (const OptionSpec& spec, std::string_view value, std::string_view what)
{
    if (const auto number = parseReal (value))
        return *number;
    refuse (spec, what, value);
}

} // namespace partita
