// SPDX-License-Identifier: GPL-3.0-or-later
#include "CorrelateOptionTable.h"

#include "OptionScanner.h"
#include "OptionValues.h"
#include "SharedOptionRows.h"
#include "UsageError.h"
#include "io/QuotedText.h"

#include <array>

namespace partita
{

namespace
{
using CorrelateOption = Option<CorrelateOptions>;

/** A table, not a function: it is built once at start-up, and only read
    after main() has begun. */
const std::array<CorrelateOption, 9> correlateOptions { {
    { { .longName = "--output",
        .shortName = "-o",
        .value = OptionValue::required,
        .valueName = "PATH",
        .valueHint = "an output file",
        .help = "Write the cross-correlation to this file, one\n"
                "channel per channel pair. Default: no file, only\n"
                "the lags are printed." },
      [] (CorrelateOptions& o, const OptionSpec& s, std::string_view v) { o.output = pathValue (s, v); } },
    modeOptionRow<CorrelateOptions> (allModes),
    methodOptionRow<CorrelateOptions> (allModes),
    precisionOptionRow<CorrelateOptions> (allModes),
    sampleFormatOptionRow<CorrelateOptions> (allModes),
    forceOptionRow<CorrelateOptions> (allModes),
    { { .longName = "--quiet",
        .shortName = "-q",
        .help = "Print only the lags in samples, one signed integer\n"
                "per channel pair, for scripts." },
      [] (CorrelateOptions& o, const OptionSpec&, std::string_view) { o.quiet = true; } },
    { { .longName = "--json",
        .help = "Print one JSON object instead of the text: the files,\n"
                "the rate, the mode and, per channel pair, the lag in\n"
                "samples and ms, the peak and its normalised value." },
      [] (CorrelateOptions& o, const OptionSpec&, std::string_view) { o.json = true; } },
    helpOptionRow<CorrelateOptions>(),
} };
} // namespace

std::span<const Option<CorrelateOptions>> correlateOptionTable()
{
    return correlateOptions;
}

CorrelateOptions parseCorrelateArguments (std::span<const std::string> arguments)
{
    CorrelateOptions options;
    std::size_t files = 0;
    scanArguments (arguments, correlateOptionTable(), "a file", options,
                   [&] (std::string_view file)
                   {
                       if (files == 2)
                           throw UsageError ("correlate takes two files, A and B; " + quoted (file) + " is a third");
                       (files++ == 0 ? options.first : options.second) = std::string (file);
                   });

    if (options.json && options.quiet)
        throw UsageError ("--json and --quiet are two ways of printing the lags; give one of them");
    if (files < 2)
        throw UsageError (files == 0 ? "no files given: correlate needs two, A and B"
                                     : "one file given: correlate needs two, A and B");
    return options;
}

} // namespace partita
