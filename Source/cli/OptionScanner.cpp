// SPDX-License-Identifier: GPL-3.0-or-later
#include "OptionScanner.h"

#include "UsageError.h"
#include "io/QuotedText.h"

#include <filesystem>
#include <optional>
#include <system_error>

namespace partita
{

namespace
{
std::string needsAValue (const OptionSpec& spec)
{
    return "option " + std::string (spec.longName) + " needs a value: " + std::string (spec.valueHint);
}

/** A bare word that names no file after an optional-value option
    (`--normalize rms`) is a mistyped choice, not an input. */
bool looksLikeAMistypedChoice (std::string_view word)
{
    const bool bareWord = !word.empty() && word.front() != '-' && word.find_first_of ("./\\") == std::string_view::npos;
    std::error_code error;
    return bareWord && !std::filesystem::exists (std::filesystem::path (std::string (word)), error);
}
} // namespace

void throwNotAChoice (const OptionSpec& spec, std::string_view value)
{
    const auto accepted = spec.choices ? spokenList (spec.choices->accepted) : std::string();
    throw UsageError ("option " + std::string (spec.longName) + " must be " + accepted + ", not " + quoted (value));
}

OptionScanner::OptionScanner (std::vector<const OptionSpec*> optionRows, std::string_view noun)
    : rows (std::move (optionRows))
    , operandNoun (noun)
    , given (rows.size(), false)
{
}

void OptionScanner::scan (std::span<const std::string> argumentsToScan, const OptionSink& onOption,
                          const OperandSink& onOperand)
{
    arguments = argumentsToScan;
    bool onlyOperandsFollow = false;

    for (position = 0; position < arguments.size(); ++position)
    {
        const std::string_view argument = arguments[position];

        // "-" alone is an operand: standard input (or output), which the
        // command takes or refuses.
        if (onlyOperandsFollow || argument.empty() || argument.front() != '-' || argument == "-")
        {
            if (argument.empty())
                throw UsageError (std::string (operandNoun) + " name is empty");
            onOperand (argument);
        }
        else if (argument == "--")
        {
            onlyOperandsFollow = true;
        }
        else
        {
            scanOption (argument, onOption);
        }
    }
}

void OptionScanner::scanOption (std::string_view argument, const OptionSink& onOption)
{
    std::string_view name = argument;
    std::optional<std::string_view> inlineValue;
    if (argument.starts_with ("--"))
    {
        if (const auto equals = argument.find ('='); equals != std::string_view::npos)
        {
            name = argument.substr (0, equals);
            inlineValue = argument.substr (equals + 1);
        }
    }

    std::size_t row = 0;
    const auto* spec = find (name, &row);
    if (spec == nullptr)
        throw UsageError ("unknown option " + quoted (name));

    switch (spec->value)
    {
        case OptionValue::none:
            if (inlineValue)
                throw UsageError ("option " + std::string (spec->longName) + " takes no value");
            given[row] = true;
            onOption (row, {});
            return;
        case OptionValue::optional:
        {
            markGiven (row, name);
            const std::string_view value = inlineValue ? *inlineValue : takeOptionalValue (*spec);
            onOption (row, std::span (&value, 1));
            return;
        }
        case OptionValue::required:
            markGiven (row, name);
            onOption (row, takeValues (*spec, inlineValue));
            return;
    }
}

std::vector<std::string_view> OptionScanner::takeValues (const OptionSpec& spec,
                                                         std::optional<std::string_view> inlineValue)
{
    std::vector<std::string_view> values;
    values.push_back (inlineValue ? *inlineValue : takeValue (spec));
    // The first value of several picks what the others mean, so a wrong one
    // is named before a missing one: `--normalize-output lufs -23`.
    if (spec.numValues > 1 && spec.choices && !spec.choices->contains (values.front()))
        throwNotAChoice (spec, values.front());
    while (values.size() < spec.numValues)
        values.push_back (takeValue (spec));
    return values;
}

std::string_view OptionScanner::takeValue (const OptionSpec& spec)
{
    if (position + 1 >= arguments.size())
        throw UsageError (needsAValue (spec));
    // `--ir -o out.wav` forgot the IR; taking "-o" as its name would only
    // confuse the next message.
    const std::string_view next = arguments[position + 1];
    if (!spec.takesNegativeNumbers && find (next) != nullptr)
        throw UsageError (needsAValue (spec));
    ++position;
    return next;
}

std::string_view OptionScanner::takeOptionalValue (const OptionSpec& spec)
{
    if (position + 1 < arguments.size())
    {
        const std::string_view next = arguments[position + 1];
        if (spec.choices && spec.choices->contains (next))
        {
            ++position;
            return next;
        }
        if (looksLikeAMistypedChoice (next))
            throwNotAChoice (spec, next);
    }
    return spec.bareValue;
}

void OptionScanner::markGiven (std::size_t row, std::string_view spelledName)
{
    if (given[row] && !rows[row]->repeatable)
    {
        // Named as the user spelled it, but in its long form.
        const auto& spec = *rows[row];
        const auto name = spelledName == spec.otherSpelling ? spec.otherSpelling : spec.longName;
        throw UsageError ("option " + std::string (name) + " is given more than once");
    }
    given[row] = true;
}

const OptionSpec* OptionScanner::find (std::string_view name, std::size_t* row) const noexcept
{
    for (std::size_t index = 0; index < rows.size(); ++index)
    {
        if (rows[index]->isNamed (name))
        {
            if (row != nullptr)
                *row = index;
            return rows[index];
        }
    }
    return nullptr;
}

} // namespace partita
