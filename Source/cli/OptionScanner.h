// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OptionSpec.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace partita
{

/** Walks a command's arguments (after the command name) with its option
    rows: options with their values, in the order given, and operands (the
    files), everything after "--" being an operand. Throws UsageError with one
    line for an unknown option, a missing or unwanted value, a valued option
    given twice (unless repeatable), and an empty operand. "-" is an operand
    (standard input or output): the command decides what it may stand for. Rules shared by
    every command live here; what a value means is the row's apply().

    Threading: one thread at a time per object. */
class OptionScanner
{
public:
    /** The option's values as given: none for a flag, spec.numValues for a
        required value, one for an optional value (its bareValue when bare). */
    using OptionSink = std::function<void (std::size_t row, std::span<const std::string_view> values)>;
    using OperandSink = std::function<void (std::string_view operand)>;

    /** operandNoun names an operand with its article, for the messages:
        "an input file" gives "an input file name is empty". */
    OptionScanner (std::vector<const OptionSpec*> rows, std::string_view operandNoun);

    void scan (std::span<const std::string> arguments, const OptionSink& onOption, const OperandSink& onOperand);

    /** Whether the row was given on the command line. */
    [[nodiscard]] bool wasGiven (std::size_t row) const noexcept { return given[row]; }

private:
    void scanOption (std::string_view argument, const OptionSink& onOption);
    std::string_view takeValue (const OptionSpec& spec);
    [[nodiscard]] std::vector<std::string_view> takeValues (const OptionSpec& spec,
                                                            std::optional<std::string_view> inlineValue);
    std::string_view takeOptionalValue (const OptionSpec& spec);
    void markGiven (std::size_t row, std::string_view spelledName);
    [[nodiscard]] const OptionSpec* find (std::string_view name, std::size_t* row = nullptr) const noexcept;

    std::vector<const OptionSpec*> rows;
    std::string_view operandNoun;
    std::vector<bool> given;
    std::span<const std::string> arguments;
    std::size_t position = 0;
};

/** The UsageError of a value that is none of the option's choices: "option
    --mode must be full, same or valid, not 'centre'". */
[[noreturn]] void throwNotAChoice (const OptionSpec& spec, std::string_view value);

/** Scans the arguments with a command's option table, applying each option
    to `options` as it comes (so that the first mistake on the line is the one
    reported), and returns the scanner, which knows what was given. */
template <typename Options>
OptionScanner scanArguments (std::span<const std::string> arguments, std::span<const Option<Options>> table,
                             std::string_view operandNoun, Options& options,
                             const OptionScanner::OperandSink& onOperand)
{
    OptionScanner scanner (specsOf (table), operandNoun);
    scanner.scan (
        arguments,
        [&] (std::size_t row, std::span<const std::string_view> values)
        {
            const auto& option = table[row];
            if (option.applyValues != nullptr)
                option.applyValues (options, option.spec, values);
            else if (option.apply != nullptr)
                option.apply (options, option.spec, values.empty() ? std::string_view() : values.front());
        },
        onOperand);
    return scanner;
}

} // namespace partita
