// SPDX-License-Identifier: GPL-3.0-or-later
#include "OptionValues.h"

#include "UsageError.h"
#include "io/QuotedText.h"

#include <charconv>
#include <cmath>
#include <string>
#include <system_error>

namespace partita
{

namespace
{
constexpr double maxGainDb = 200.0;

/** Parses the whole text with from_chars, which takes no '+'. */
template <typename Number, typename... Format>
std::optional<Number> parseWhole (std::string_view text, Format... format)
{
    if (!text.empty() && text.front() == '+')
        text.remove_prefix (1);
    if (text.empty())
        return std::nullopt;

    Number value {};
    const auto* const end = text.data() + text.size();
    const auto [stop, error] = std::from_chars (text.data(), end, value, format...);
    if (error != std::errc() || stop != end)
        return std::nullopt;
    return value;
}

std::string optionName (const OptionSpec& spec)
{
    return "option " + std::string (spec.longName);
}
} // namespace

std::optional<double> parseReal (std::string_view text)
{
    const auto value = parseWhole<double> (text, std::chars_format::general);
    if (value && !std::isfinite (*value))
        return std::nullopt;
    return value;
}

std::optional<std::size_t> parseCount (std::string_view text)
{
    return parseWhole<std::size_t> (text);
}

std::filesystem::path pathValue (const OptionSpec& spec, std::string_view value)
{
    if (value.empty())
        throw UsageError (optionName (spec) + " needs a value: " + std::string (spec.valueHint));
    return std::filesystem::path (std::string (value));
}

double gainValue (const OptionSpec& spec, std::string_view value)
{
    const auto gain = parseReal (value);
    if (!gain)
        throw UsageError (optionName (spec) + " needs a gain in dB, not " + quoted (value));
    if (std::abs (*gain) > maxGainDb)
        throw UsageError (optionName (spec) + " must lie between -200 and +200 dB, not " + quoted (value));
    return *gain;
}

std::size_t countValue (const OptionSpec& spec, std::string_view value, std::string_view what, std::size_t largest)
{
    const auto count = parseCount (value);
    if (!count || *count < 1 || *count > largest)
        throw UsageError (optionName (spec) + " needs " + std::string (what) + " from 1 to " + std::to_string (largest)
                          + ", not " + quoted (value));
    return *count;
}

} // namespace partita
