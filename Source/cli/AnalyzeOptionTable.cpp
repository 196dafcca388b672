// SPDX-License-Identifier: GPL-3.0-or-later
#include "AnalyzeOptionTable.h"

#include "NamedChoices.h"
#include "OptionScanner.h"
#include "OptionValues.h"
#include "SharedOptionRows.h"
#include "UsageError.h"

#include <array>

namespace partita
{

namespace
{
using AnalyzeOption = Option<AnalyzeOptions>;

constexpr std::array bandNames {
    NamedChoice<BandResolution> { "octave", BandResolution::octave },
    NamedChoice<BandResolution> { "third", BandResolution::thirdOctave },
    NamedChoice<BandResolution> { "third-octave", BandResolution::thirdOctave, NameUse::alias },
    NamedChoice<BandResolution> { "1/3", BandResolution::thirdOctave, NameUse::alias },
};
constexpr ChoiceTable<BandResolution> bandChoices { bandNames };

void setOutput (AnalyzeOptions& options, AnalyzeOutput output)
{
    if (options.output != AnalyzeOutput::table && options.output != output)
        throw UsageError ("--json and --csv are two ways of printing the results; give one of them");
    options.output = output;
}

/** The most channels --channel takes: more than any IR file has. */
constexpr std::size_t largestChannel = 64;

/** A table, not a function: it is built once at start-up, and only read
    after main() has begun. */
const std::array<AnalyzeOption, 6> analyzeOptions { {
    { { .longName = "--bands",
        .value = OptionValue::required,
        .valueHint = "octave or third",
        .choices = namesOf (bandChoices),
        .help = "Octave bands 63 Hz to 8 kHz (default), or third\n"
                "octaves 50 Hz to 10 kHz (IEC 61260-1 class 1)." },
      [] (AnalyzeOptions& o, const OptionSpec& s, std::string_view v) { o.bands = choiceValue (bandChoices, s, v); } },
    { { .longName = "--channel",
        .value = OptionValue::required,
        .valueName = "N",
        .valueHint = "a channel number from 1",
        .help = "Analyse channel N only (from 1). Default: every\n"
                "channel, averaged as ISO 3382-1 averages positions\n"
                "(the W channel alone for a B-format file)." },
      [] (AnalyzeOptions& o, const OptionSpec& s, std::string_view v)
      { o.channel = countValue (s, v, "a channel number", largestChannel); } },
    { { .longName = "--json",
        .help = "Print JSON for scripts: one object per file (an\n"
                "array for several) with \"bands\", \"broadband\" and,\n"
                "for several channels, \"channels\" (docs/analysis.md)." },
      [] (AnalyzeOptions& o, const OptionSpec&, std::string_view) { setOutput (o, AnalyzeOutput::json); } },
    { { .longName = "--csv",
        .help = "Print CSV: a header, then one row per band and\n"
                "file (and channel), broadband last." },
      [] (AnalyzeOptions& o, const OptionSpec&, std::string_view) { setOutput (o, AnalyzeOutput::csv); } },
    { { .longName = "--plot",
        .value = OptionValue::required,
        .valueName = "FILE.svg",
        .valueHint = "an SVG file to write",
        .valueIsPath = true,
        .help = "Draw the energy decay curves of every band with\n"
                "their T30 fits into an SVG file (one IR only)." },
      [] (AnalyzeOptions& o, const OptionSpec& s, std::string_view v) { o.plot = pathValue (s, v); } },
    helpOptionRow<AnalyzeOptions>(),
} };
} // namespace

std::span<const Option<AnalyzeOptions>> analyzeOptionTable()
{
    return analyzeOptions;
}

AnalyzeOptions parseAnalyzeArguments (std::span<const std::string> arguments)
{
    AnalyzeOptions options;
    scanArguments (arguments, analyzeOptionTable(), "an impulse response file", options,
                   [&] (std::string_view file) { options.files.emplace_back (std::string (file)); });
    if (options.files.empty())
        throw UsageError ("no files given: analyze needs an impulse response");
    if (!options.plot.empty() && options.files.size() > 1)
        throw UsageError ("--plot draws one impulse response; " + std::to_string (options.files.size())
                          + " files were given");
    return options;
}

} // namespace partita
