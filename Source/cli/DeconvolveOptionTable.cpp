// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeconvolveOptionTable.h"

#include "MeasureOptionValues.h"
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
using DeconvolveOption = Option<DeconvolveOptions>;

inline constexpr std::array latencyNames {
    NamedChoice<LatencyHandling> { "remove", LatencyHandling::remove },
    NamedChoice<LatencyHandling> { "keep", LatencyHandling::keep },
};
inline constexpr ChoiceTable<LatencyHandling> latencyChoices { latencyNames };

/** A table, not a function: it is built once at start-up, and only read
    after main() has begun. */
const std::array<DeconvolveOption, 9> deconvolveOptions { {
    { { .longName = "--sweep",
        .value = OptionValue::required,
        .valueName = "SWEEP",
        .valueHint = "the sweep file that was played",
        .valueIsPath = true,
        .requiredIn = allModes,
        .whenMissing = "--sweep SWEEP: the sweep file that was played",
        .help = "The sweep that was played: a file from 'partita sweep'\n"
                "(inverted analytically from its metadata) or any\n"
                "other sweep file (inverted by regularised division)." },
      [] (DeconvolveOptions& o, const OptionSpec& s, std::string_view v) { o.sweep = pathValue (s, v); } },
    { { .longName = "--output",
        .shortName = "-o",
        .value = OptionValue::required,
        .valueName = "IR",
        .valueHint = "the IR file to write",
        .valueIsPath = true,
        .requiredIn = allModes,
        .whenMissing = "-o IR: the impulse response file to write",
        .help = "Write the IR here: one channel per channel of the\n"
                "recordings, in order (the reference left out)." },
      [] (DeconvolveOptions& o, const OptionSpec& s, std::string_view v) { o.output = pathValue (s, v); } },
    { { .longName = "--harmonics",
        .value = OptionValue::required,
        .valueName = "N",
        .valueHint = "a count of harmonics",
        .help = "Also write the 2nd to (N+1)-th harmonic distortion\n"
                "IRs, to IR_harmonic2.wav ... beside the IR. Default: 0." },
      [] (DeconvolveOptions& o, const OptionSpec& s, std::string_view v)
      { o.settings.harmonics = countValue (s, v, "a count of harmonics", 20); } },
    { { .longName = "--length",
        .value = OptionValue::required,
        .valueName = "SECONDS",
        .valueHint = "a time in seconds",
        .help = "Cut the IR to this length (a short fade at the end).\n"
                "Default: where its decay meets the noise (Lundeby),\n"
                "then a fade over a tenth of that." },
      [] (DeconvolveOptions& o, const OptionSpec& s, std::string_view v)
      { o.settings.lengthSeconds = secondsValue (s, v); } },
    { { .longName = "--latency",
        .value = OptionValue::required,
        .valueName = "MODE",
        .choices = namesOf (latencyChoices),
        .help = "remove: the IR starts 1 ms before the earliest\n"
                "arrival among its channels (their relative delays\n"
                "kept); keep: it starts where the recording does.\n"
                "Default: remove." },
      [] (DeconvolveOptions& o, const OptionSpec& s, std::string_view v)
      { o.settings.latency = choiceValue (latencyChoices, s, v); } },
    { { .longName = "--reference",
        .value = OptionValue::required,
        .valueName = "CH",
        .valueHint = "a channel number",
        .help = "The channel (from 1, counted across the recordings)\n"
                "holding a loopback of the sweep: the others are\n"
                "deconvolved by it, which removes the interface's\n"
                "latency and response; it is left out of the IR." },
      [] (DeconvolveOptions& o, const OptionSpec& s, std::string_view v)
      { o.settings.referenceChannel = countValue (s, v, "a channel number", 1024) - 1; } },
    sampleFormatOptionRow<DeconvolveOptions> (allModes),
    forceOptionRow<DeconvolveOptions> (allModes),
    helpOptionRow<DeconvolveOptions>(),
} };
} // namespace

std::span<const Option<DeconvolveOptions>> deconvolveOptionTable()
{
    return deconvolveOptions;
}

DeconvolveOptions parseDeconvolveArguments (std::span<const std::string> arguments)
{
    DeconvolveOptions options;
    const auto scanner =
        scanArguments (arguments, deconvolveOptionTable(), "a recording", options,
                       [&] (std::string_view recording) { options.recordings.emplace_back (std::string (recording)); });
    for (std::size_t row = 0; row < deconvolveOptions.size(); ++row)
        if (deconvolveOptions[row].spec.requiredIn != 0 && !scanner.wasGiven (row))
            throw UsageError ("missing " + std::string (deconvolveOptions[row].spec.whenMissing));
    if (options.recordings.empty())
        throw UsageError ("no recordings given: deconvolve needs at least one recording of the sweep");
    return options;
}

} // namespace partita
