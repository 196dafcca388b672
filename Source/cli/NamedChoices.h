// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RenderOptions.h"

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace partita
{

/** Where a name of a choice is shown. An option's help lists the documented
    names; its error message lists the accepted ones; aliases (kept for old
    scripts and other tools' spellings) are accepted without being listed. */
enum class NameUse
{
    documented,
    acceptedOnly,
    alias,
};

/** One name of an enum value on the command line. */
template <typename Enum>
struct NamedChoice
{
    std::string_view name;
    Enum value;
    NameUse use = NameUse::documented;
};

/** The names of one enum's values, in the order help and errors list them. */
template <typename Enum>
struct ChoiceTable
{
    std::span<const NamedChoice<Enum>> choices;
    /** Sample formats are matched ignoring case, as io's parseSampleFormat did. */
    bool ignoresCase = false;
};

/** The names of a choice table without their type, for the option table
    (help labels and "must be a, b or c" messages). */
struct ChoiceNames
{
    std::vector<std::string_view> documented;
    std::vector<std::string_view> accepted;
    std::vector<std::string_view> all;
    bool ignoresCase = false;

    [[nodiscard]] bool contains (std::string_view text) const noexcept;
};

bool namesMatch (std::string_view name, std::string_view text, bool ignoreCase) noexcept;

template <typename Enum>
std::optional<Enum> findChoice (const ChoiceTable<Enum>& table, std::string_view text) noexcept
{
    for (const auto& choice : table.choices)
        if (namesMatch (choice.name, text, table.ignoresCase))
            return choice.value;
    return std::nullopt;
}

/** The documented name of a value, for what the command prints; empty for a
    value the table does not name. */
template <typename Enum>
std::string_view nameOf (const ChoiceTable<Enum>& table, Enum value) noexcept
{
    for (const auto& choice : table.choices)
        if (choice.value == value && choice.use == NameUse::documented)
            return choice.name;
    return {};
}

template <typename Enum>
ChoiceNames namesOf (const ChoiceTable<Enum>& table)
{
    ChoiceNames names;
    names.ignoresCase = table.ignoresCase;
    for (const auto& choice : table.choices)
    {
        if (choice.use == NameUse::documented)
            names.documented.push_back (choice.name);
        if (choice.use != NameUse::alias)
            names.accepted.push_back (choice.name);
        names.all.push_back (choice.name);
    }
    return names;
}

/** "a, b or c" */
std::string spokenList (std::span<const std::string_view> names);

/** "a|b|c" */
std::string barList (std::span<const std::string_view> names);

/** The names with `separator` between them: "full same valid" for " ". */
std::string joinedList (std::span<const std::string_view> names, std::string_view separator);

inline constexpr std::array modeNames {
    NamedChoice<ConvolutionMode> { "full", ConvolutionMode::full },
    NamedChoice<ConvolutionMode> { "same", ConvolutionMode::same },
    NamedChoice<ConvolutionMode> { "valid", ConvolutionMode::valid },
};

inline constexpr std::array methodNames {
    NamedChoice<ConvolutionMethod> { "auto", ConvolutionMethod::automatic },
    NamedChoice<ConvolutionMethod> { "direct", ConvolutionMethod::direct },
    NamedChoice<ConvolutionMethod> { "fft", ConvolutionMethod::fft },
};

inline constexpr std::array precisionNames {
    NamedChoice<Precision> { "single", Precision::float32 },
    NamedChoice<Precision> { "double", Precision::float64 },
};

inline constexpr std::array sampleFormatNames {
    NamedChoice<SampleFormat> { "16", SampleFormat::pcm16 },
    NamedChoice<SampleFormat> { "24", SampleFormat::pcm24 },
    NamedChoice<SampleFormat> { "32", SampleFormat::pcm32 },
    NamedChoice<SampleFormat> { "float", SampleFormat::float32 },
    NamedChoice<SampleFormat> { "double", SampleFormat::float64 },
    NamedChoice<SampleFormat> { "vorbis", SampleFormat::vorbis },
    NamedChoice<SampleFormat> { "pcm16", SampleFormat::pcm16, NameUse::alias },
    NamedChoice<SampleFormat> { "pcm24", SampleFormat::pcm24, NameUse::alias },
    NamedChoice<SampleFormat> { "pcm32", SampleFormat::pcm32, NameUse::alias },
    NamedChoice<SampleFormat> { "float32", SampleFormat::float32, NameUse::alias },
    NamedChoice<SampleFormat> { "float64", SampleFormat::float64, NameUse::alias },
};

/** "none" is accepted but not documented: leaving the option out says it. */
inline constexpr std::array normalisationNames {
    NamedChoice<IrNormalisation> { "energy", IrNormalisation::energy },
    NamedChoice<IrNormalisation> { "peak", IrNormalisation::peak },
    NamedChoice<IrNormalisation> { "none", IrNormalisation::none, NameUse::acceptedOnly },
};

inline constexpr std::array outputLevelNames {
    NamedChoice<OutputLevelMeasure> { "peak", OutputLevelMeasure::samplePeak },
    NamedChoice<OutputLevelMeasure> { "loudness", OutputLevelMeasure::loudness },
};

inline constexpr ChoiceTable<ConvolutionMode> modeChoices { modeNames };
inline constexpr ChoiceTable<ConvolutionMethod> methodChoices { methodNames };
inline constexpr ChoiceTable<Precision> precisionChoices { precisionNames };
inline constexpr ChoiceTable<SampleFormat> sampleFormatChoices { sampleFormatNames, true };
inline constexpr ChoiceTable<IrNormalisation> normalisationChoices { normalisationNames };
inline constexpr ChoiceTable<OutputLevelMeasure> outputLevelChoices { outputLevelNames };

} // namespace partita
