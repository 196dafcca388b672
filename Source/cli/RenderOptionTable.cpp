// SPDX-License-Identifier: GPL-3.0-or-later
#include "RenderOptionTable.h"

#include "OptionScanner.h"
#include "OptionValues.h"
#include "ParameterOptions.h"
#include "SharedOptionRows.h"
#include "UsageError.h"
#include "io/QuotedText.h"
#include "processor/PreDelayTime.h"

#include <array>
#include <vector>

namespace partita
{

namespace
{
constexpr std::size_t maxOutputChannels = 64;
constexpr OptionModes bothRenders = irRender | stateRender;

using RenderOption = Option<RenderOptions>;

/** A row that a render through the plugin's signal path refuses, saying why. */
RenderOption onlyInExactRender (RenderOption row, std::string_view why)
{
    row.spec.exactRenderOnly = why;
    return row;
}

/** --normalize-output's two values: the measure, then its target. */
OutputNormalisation outputNormalisationValue (const OptionSpec& spec, std::span<const std::string_view> values)
{
    OutputNormalisation normalisation;
    normalisation.measure = choiceValue (outputLevelChoices, spec, values[0]);
    const auto unit = normalisation.measure == OutputLevelMeasure::loudness ? " LUFS" : " dBFS";
    const auto target = parseReal (values[1]);
    if (!target)
        throw UsageError ("option " + std::string (spec.longName) + " needs a target in" + unit + ", not "
                          + quoted (values[1]));
    if (*target < -100.0 || *target > 0.0)
        throw UsageError ("option " + std::string (spec.longName) + " needs a target from -100 to 0" + unit + ", not "
                          + quoted (values[1]));
    normalisation.target = *target;
    return normalisation;
}

/** --tempo's value: the processor's tempo range, refused outside it rather
    than clamped, so that a typo does not render at another tempo. */
double tempoValue (const OptionSpec& spec, std::string_view value)
{
    const auto tempo = parseReal (value);
    if (!tempo)
        throw UsageError ("option " + std::string (spec.longName) + " needs a tempo in BPM, not " + quoted (value));
    if (*tempo < PreDelayTime::minimumTempo || *tempo > PreDelayTime::maximumTempo)
        throw UsageError ("option " + std::string (spec.longName) + " must lie between 20 and 400 BPM, not "
                          + quoted (value));
    return *tempo;
}

/** A table, not a function: it is built once at start-up, and only read
    after main() has begun. */
const std::array<RenderOption, 18> renderOptions { {
    { { .longName = "--ir",
        .value = OptionValue::required,
        .valueName = "IR",
        .valueHint = "an impulse response file",
        .valueIsPath = true,
        .modes = irRender,
        .requiredIn = irRender,
        .whenMissing = "--ir IR: the impulse response to convolve with",
        .section = "Required:",
        .help = "The impulse response file. Mono, one channel per\n"
                "input, one per output for a mono input, or a full\n"
                "matrix (true stereo: 4 channels LL, LR, RL, RR).\n"
                "factory:ID takes a factory IR made by Partita's\n"
                "generators ('partita info factory:' lists them)." },
      [] (RenderOptions& o, const OptionSpec& s, std::string_view v) { o.impulseResponse = pathValue (s, v); } },
    { { .longName = "--ir-b",
        .value = OptionValue::required,
        .valueName = "IR",
        .valueHint = "an impulse response file",
        .valueIsPath = true,
        .modes = bothRenders,
        .help = "A second impulse response, in the plugin's slot B,\n"
                "folded into one kernel with --ir's (slot A) by\n"
                "--slot-blend and the --slot-a-... and --slot-b-...\n"
                "controls (level, invert, delay, pan). Renders\n"
                "through the plugin's signal path. With --state it\n"
                "takes the place of the preset's slot B." },
      [] (RenderOptions& o, const OptionSpec& s, std::string_view v) { o.impulseResponseB = pathValue (s, v); } },
    { { .longName = "--ir-single-file",
        .modes = bothRenders,
        .help = "Render --ir (and --ir-b) as the file named, not\n"
                "with the set it belongs to. Without it, a file\n"
                "named as a left/right half (hall_L.wav, hall_R.wav),\n"
                "a true-stereo path (_LL _LR _RL _RR) or a rate\n"
                "variant (hall_44k.wav, hall_48k.wav) in the same\n"
                "folder loads its set as one IR, as in the plugin." },
      [] (RenderOptions& o, const OptionSpec&, std::string_view) { o.irFileSetUse = IrFileSetUse::namedFileOnly; } },
    { { .longName = "--output",
        .shortName = "-o",
        .value = OptionValue::required,
        .valueName = "PATH",
        .valueHint = "an output file or folder",
        .valueIsPath = true,
        .modes = bothRenders,
        .requiredIn = bothRenders,
        .whenMissing = "-o OUTPUT: the output file (or folder, for several inputs)",
        .section = "Required:",
        .help = "The output file, or folder for several inputs." },
      [] (RenderOptions& o, const OptionSpec& s, std::string_view v) { o.output = pathValue (s, v); } },
    { { .longName = "--state",
        .value = OptionValue::required,
        .valueName = "PRESET",
        .valueHint = "a Partita preset or plugin state file",
        .valueIsPath = true,
        .modes = stateRender,
        .section = "Or, instead of --ir and the options from --dry-gain to --precision:",
        .help = "A preset exported by the Partita plugin (or a saved\n"
                "plugin state): renders with the plugin's own signal\n"
                "path, its IR and every parameter, so the output\n"
                "nulls against the plugin's. Mono or stereo inputs;\n"
                "the output has the input's length plus the tail,\n"
                "with the plugin's latency removed.\n"
                "The plugin controls (below) override its values." },
      [] (RenderOptions& o, const OptionSpec& s, std::string_view v) { o.state = pathValue (s, v); } },
    { { .longName = "--tempo",
        .value = OptionValue::required,
        .valueName = "BPM",
        .valueHint = "a tempo in beats per minute",
        .modes = bothRenders,
        .help = "The host tempo for the plugin's signal path, which\n"
                "times a pre-delay in note values (--pre-delay-sync\n"
                "tempo), 20 to 400 BPM. Default 120, as the plugin\n"
                "plays where the host gives no tempo. A render\n"
                "without plugin controls has no pre-delay to time." },
      [] (RenderOptions& o, const OptionSpec& s, std::string_view v) { o.tempoBpm = tempoValue (s, v); } },
    { { .longName = "--dry-gain",
        .value = OptionValue::required,
        .valueName = "DB",
        .valueHint = "a gain in dB",
        .takesNegativeNumbers = true,
        .modes = irRender,
        .exactRenderOnly = "the plugin has no dry gain; --mix and --output-gain set the dry level there",
        .help = "Gain of the dry signal. Default 0." },
      [] (RenderOptions& o, const OptionSpec& s, std::string_view v) { o.dryGainDb = gainValue (s, v); } },
    { { .longName = "--normalize",
        .otherSpelling = "--normalise",
        .value = OptionValue::optional,
        .valueHint = "energy or peak",
        .choices = namesOf (normalisationChoices),
        .bareValue = "energy",
        .modes = irRender,
        .exactRenderOnly = "there --auto-gain is the plugin's normalisation (energy) and --ir-gain a fixed gain",
        .help = "Scale the IR first. energy: the IR channel with the\n"
                "most energy gets a sum of squares of 1; peak: the\n"
                "largest IR sample becomes 1. A bare --normalize means\n"
                "energy. Default: off (the IR as recorded)." },
      [] (RenderOptions& o, const OptionSpec& s, std::string_view v)
      { o.normalisation = choiceValue (normalisationChoices, s, v); } },
    onlyInExactRender (modeOptionRow<RenderOptions> (irRender), "that path always keeps the whole tail (full)"),
    onlyInExactRender (methodOptionRow<RenderOptions> (irRender),
                       "that path always runs the plugin's partitioned FFT engine"),
    onlyInExactRender (precisionOptionRow<RenderOptions> (irRender),
                       "that path computes in single precision, as the plugin"),
    sampleFormatOptionRow<RenderOptions> (bothRenders),
    { { .longName = "--output-channels",
        .value = OptionValue::required,
        .valueName = "N",
        .valueHint = "a channel count",
        .modes = bothRenders,
        .help = "Number of output channels. Default: as many as the\n"
                "inputs (mono or per-channel IR), as many as the IR's\n"
                "channels for a mono input, IR channels / inputs for a\n"
                "full matrix." },
      [] (RenderOptions& o, const OptionSpec& s, std::string_view v)
      { o.outputChannels = countValue (s, v, "a channel count", maxOutputChannels); } },
    { { .longName = "--normalize-output",
        .otherSpelling = "--normalise-output",
        .value = OptionValue::required,
        .numValues = 2,
        .valueName = "TARGET",
        .valueHint = "peak or loudness, then a target in dBFS or LUFS",
        .choices = namesOf (outputLevelChoices),
        .takesNegativeNumbers = true,
        .modes = bothRenders,
        .help = "Scale each output as a whole, after everything else,\n"
                "so that its sample peak is TARGET dBFS (peak -1) or\n"
                "its integrated loudness per ITU-R BS.1770-4 is\n"
                "TARGET LUFS (loudness -23); TARGET from -100 to 0.\n"
                "Each file of a batch is measured and scaled on its\n"
                "own. Sample peak, not true peak: the signal between\n"
                "samples may rise above it. A long render, streamed\n"
                "to its file, keeps the unscaled output in a\n"
                "temporary file until it is measured (8 bytes a\n"
                "sample: 46 MB a minute of stereo at 48 kHz).\n"
                "Default: off." },
      nullptr,
      [] (RenderOptions& o, const OptionSpec& s, std::span<const std::string_view> v)
      { o.outputNormalisation = outputNormalisationValue (s, v); } },
    { { .longName = "--fail-on-clip",
        .modes = bothRenders,
        .help = "Exit with status 1, and leave no output file, when\n"
                "an output has samples beyond full scale (after\n"
                "--normalize-output), in any format. Default: write\n"
                "it and warn." },
      [] (RenderOptions& o, const OptionSpec&, std::string_view) { o.failOnClip = true; } },
    forceOptionRow<RenderOptions> (bothRenders),
    { { .longName = "--quiet", .shortName = "-q", .modes = bothRenders, .help = "No progress bar and no report." },
      [] (RenderOptions& o, const OptionSpec&, std::string_view) { o.quiet = true; } },
    helpOptionRow<RenderOptions>(),
} };

/** The options given must belong to the kind of render asked for, and those
    it needs must be there. Checked in table order, so that the message does
    not depend on where on the line the options stand. */
void checkRenderKind (const OptionScanner& scanner, const RenderOptions& options)
{
    const auto table = renderOptionTable();
    const bool stateGiven = !options.state.empty();
    const auto mode = stateGiven ? stateRender : irRender;
    const auto* pluginSetting = stateGiven ? nullptr : firstPluginPathSetting (options);
    const std::string pluginPath = pluginSetting != nullptr            ? pluginSetting->givenAs
                                   : !options.impulseResponseB.empty() ? std::string ("--ir-b")
                                                                       : std::string {};
    for (std::size_t row = 0; row < table.size(); ++row)
    {
        if (!scanner.wasGiven (row))
            continue;
        const auto& spec = table[row].spec;
        const auto option = "option " + std::string (spec.longName);
        if ((spec.modes & mode) == 0)
            throw UsageError (option + " cannot be combined with --state: "
                              + (spec.exactRenderOnly.empty()
                                     ? std::string ("the state holds the IR and the plugin's settings")
                                     : "the state renders through the plugin's signal path, and "
                                           + std::string (spec.exactRenderOnly)));
        if (!stateGiven && !pluginPath.empty() && !spec.exactRenderOnly.empty())
            throw UsageError (option + " cannot be combined with " + pluginPath
                              + ", which runs the plugin's signal path: " + std::string (spec.exactRenderOnly));
    }

    for (std::size_t row = 0; row < table.size(); ++row)
        if ((table[row].spec.requiredIn & mode) != 0 && !scanner.wasGiven (row))
            throw UsageError ("missing " + std::string (table[row].spec.whenMissing));
}
} // namespace

std::span<const Option<RenderOptions>> renderOptionTable()
{
    // The fixed rows, then the plugin controls made from the parameter table.
    static const std::vector<RenderOption> table = []
    {
        std::vector<RenderOption> rows (renderOptions.begin(), renderOptions.end());
        const auto controls = parameterOptionRows();
        rows.insert (rows.end(), controls.begin(), controls.end());
        return rows;
    }();
    return table;
}

RenderOptions parseRenderArguments (std::span<const std::string> arguments)
{
    RenderOptions options;
    const auto scanner =
        scanArguments (arguments, renderOptionTable(), "an input file", options,
                       [&] (std::string_view input) { options.inputs.emplace_back (std::string (input)); });

    if (options.inputs.empty())
        throw UsageError ("no input files given");
    checkRenderKind (scanner, options);
    if (!rendersThroughPlugin (options))
        applyExactRenderSettings (options);
    return options;
}

} // namespace partita
