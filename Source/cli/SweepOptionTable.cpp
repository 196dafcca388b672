// SPDX-License-Identifier: GPL-3.0-or-later
#include "SweepOptionTable.h"

#include "MeasureOptionValues.h"
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
using SweepOption = Option<SweepOptions>;

/** A table, not a function: it is built once at start-up, and only read
    after main() has begun. */
const std::array<SweepOption, 14> sweepOptions { {
    { { .longName = "--output",
        .shortName = "-o",
        .value = OptionValue::required,
        .valueName = "PATH",
        .valueHint = "the sweep file to write",
        .valueIsPath = true,
        .requiredIn = allModes,
        .whenMissing = "-o OUTPUT: the sweep file to write",
        .help = "Write the sweep to this file (WAV, AIFF, FLAC or Ogg\n"
                "by its extension), its parameters in the file's comment." },
      [] (SweepOptions& o, const OptionSpec& s, std::string_view v) { o.output = pathValue (s, v); } },
    { { .longName = "--start",
        .value = OptionValue::required,
        .valueName = "HZ",
        .valueHint = "a frequency in Hz",
        .help = "The start frequency. Default: 20 Hz." },
      [] (SweepOptions& o, const OptionSpec& s, std::string_view v) { o.spec.startHz = frequencyValue (s, v); } },
    { { .longName = "--end",
        .value = OptionValue::required,
        .valueName = "HZ",
        .valueHint = "a frequency in Hz",
        .help = "The end frequency, at most Nyquist. Default: 20 kHz,\n"
                "or Nyquist when that is lower." },
      [] (SweepOptions& o, const OptionSpec& s, std::string_view v)
      {
          o.spec.endHz = frequencyValue (s, v);
          o.endGiven = true;
      } },
    { { .longName = "--duration",
        .value = OptionValue::required,
        .valueName = "SECONDS",
        .valueHint = "a time in seconds",
        .help = "One sweep's length, rounded to the nearest synchronized\n"
                "one (printed). Default: 10 s." },
      [] (SweepOptions& o, const OptionSpec& s, std::string_view v) { o.spec.durationSeconds = secondsValue (s, v); } },
    { { .longName = "--rate",
        .value = OptionValue::required,
        .valueName = "HZ",
        .valueHint = "a sample rate in Hz",
        .help = "The sample rate. Default: 48000 Hz." },
      [] (SweepOptions& o, const OptionSpec& s, std::string_view v) { o.spec.sampleRate = frequencyValue (s, v); } },
    { { .longName = "--level",
        .value = OptionValue::required,
        .valueName = "DBFS",
        .valueHint = "a level in dBFS",
        .takesNegativeNumbers = true,
        .help = "The sweep's peak level. Default: -12 dBFS." },
      [] (SweepOptions& o, const OptionSpec& s, std::string_view v)
      { o.spec.levelDbfs = numberValue (s, v, "a level in dBFS"); } },
    { { .longName = "--fade-in",
        .value = OptionValue::required,
        .valueName = "PERIODS",
        .valueHint = "a whole number of periods",
        .help = "The fade-in, in whole periods of the start frequency\n"
                "(0: none). Default: 1." },
      [] (SweepOptions& o, const OptionSpec& s, std::string_view v)
      { o.spec.fadeInPeriods = numberValue (s, v, "a whole number of periods"); } },
    { { .longName = "--fade-out",
        .value = OptionValue::required,
        .valueName = "SECONDS",
        .valueHint = "a time in seconds",
        .help = "The fade-out at the end of each sweep. Default: 5ms." },
      [] (SweepOptions& o, const OptionSpec& s, std::string_view v) { o.spec.fadeOutSeconds = secondsValue (s, v); } },
    { { .longName = "--silence",
        .value = OptionValue::required,
        .valueName = "SECONDS",
        .valueHint = "a time in seconds",
        .help = "The silence after each sweep, for the room's decay;\n"
                "longer than the reverberation time. Default: 3 s." },
      [] (SweepOptions& o, const OptionSpec& s, std::string_view v) { o.spec.silenceSeconds = secondsValue (s, v); } },
    { { .longName = "--repeats",
        .value = OptionValue::required,
        .valueName = "N",
        .valueHint = "a count of sweeps",
        .help = "Sweeps in a row, each with its silence; deconvolve\n"
                "averages them (+3 dB PNR per doubling). Default: 1." },
      [] (SweepOptions& o, const OptionSpec& s, std::string_view v)
      { o.spec.repeats = countValue (s, v, "a count of sweeps", 100); } },
    { { .longName = "--channels",
        .value = OptionValue::required,
        .valueName = "N",
        .valueHint = "a channel count",
        .help = "Channels in the file, each the same sweep. Default: 1." },
      [] (SweepOptions& o, const OptionSpec& s, std::string_view v)
      { o.spec.numChannels = countValue (s, v, "a channel count", 64); } },
    sampleFormatOptionRow<SweepOptions> (allModes),
    forceOptionRow<SweepOptions> (allModes),
    helpOptionRow<SweepOptions>(),
} };
} // namespace

std::span<const Option<SweepOptions>> sweepOptionTable()
{
    return sweepOptions;
}

SweepOptions parseSweepArguments (std::span<const std::string> arguments)
{
    SweepOptions options;
    const auto scanner = scanArguments (arguments, sweepOptionTable(), "an option", options,
                                        [] (std::string_view operand) {
                                            throw UsageError ("sweep takes no files, only options; " + quoted (operand)
                                                              + " is not one (the output is -o)");
                                        });
    for (std::size_t row = 0; row < sweepOptions.size(); ++row)
        if (sweepOptions[row].spec.requiredIn != 0 && !scanner.wasGiven (row))
            throw UsageError ("missing " + std::string (sweepOptions[row].spec.whenMissing));
    if (!options.endGiven)
        options.spec.endHz = std::min (20000.0, options.spec.sampleRate / 2.0);
    return options;
}

} // namespace partita
