// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "NamedChoices.h"

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace partita
{

enum class OptionValue
{
    /** A flag: --force. */
    none,
    /** --mix 35 or --mix=35. */
    required,
    /** --normalize [peak]: takes the next argument only when it is one of
        the choices, so that a bare --normalize does not swallow an input. */
    optional,
};

/** Bits of OptionSpec::modes. Each command says what its modes are: render
    has a plain --ir render and a --state render. */
using OptionModes = unsigned;
inline constexpr OptionModes allModes = ~0u;

/** One option of a command: everything the parser, the help and the error
    messages need to know about it, so that adding an option is one row. */
struct OptionSpec
{
    std::string_view longName;
    std::string_view shortName = {};
    /** A second long spelling: --normalise for --normalize. */
    std::string_view otherSpelling = {};
    OptionValue value = OptionValue::none;
    /** How many arguments a required value takes: 2 for
        `--normalize-output loudness -23`, whose first value is one of the
        choices and whose others are named by valueName. `--name=first`
        gives the first value; the others follow as arguments. */
    std::size_t numValues = 1;
    /** The value's name in the help when it has no choices: DB, PERCENT. */
    std::string_view valueName = {};
    /** What a missing value should have been: "option --gain needs a value:
        a gain in dB". */
    std::string_view valueHint = {};
    /** The value names a file or folder: shells complete it with paths. */
    bool valueIsPath = false;
    std::optional<ChoiceNames> choices = {};
    /** The value of an optional-value option given bare. */
    std::string_view bareValue = {};
    /** Gains and the mix may be negative numbers, which look like options;
        the other options refuse an option name as their value, so that
        `--ir -o out.wav` says the IR is missing. */
    bool takesNegativeNumbers = false;
    OptionModes modes = allModes;
    /** May be given more than once, each value applied in turn (--set). */
    bool repeatable = false;
    /** Non-empty: the option belongs to the exact --ir render only, and this
        says why the plugin's signal path (which a plugin control such as
        --pre-delay selects) cannot take it. */
    std::string_view exactRenderOnly = {};
    /** The modes it must be given in, and what the message says then:
        "missing " + whenMissing. */
    OptionModes requiredIn = 0;
    std::string_view whenMissing = {};
    /** The heading of the help section it is listed under. */
    std::string_view section = "Options:";
    /** The help, one line per '\n', each wrapped to the help's width. */
    std::string_view help = {};

    /** "--mix PERCENT", "-o, --output PATH", "--mode full|same|valid". */
    [[nodiscard]] std::string helpLabel() const;
    /** Whether `name` is one of its spellings. */
    [[nodiscard]] bool isNamed (std::string_view name) const noexcept;
};

/** An option and how it sets the command's options struct; apply() throws
    UsageError for a value it cannot take. Handled before parsing (--help),
    an option has no apply(). An option of several values (spec.numValues >
    1) has applyValues() instead, given them all in order. */
template <typename Options>
struct Option
{
    OptionSpec spec;
    void (*apply) (Options& options, const OptionSpec& spec, std::string_view value) = nullptr;
    void (*applyValues) (Options& options, const OptionSpec& spec, std::span<const std::string_view> values) = nullptr;
};

/** The specs of an option table, for the scanner and the help. */
template <typename Options>
std::vector<const OptionSpec*> specsOf (std::span<const Option<Options>> table)
{
    std::vector<const OptionSpec*> specs;
    for (const auto& option : table)
        specs.push_back (&option.spec);
    return specs;
}

} // namespace partita
