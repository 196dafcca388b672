// SPDX-License-Identifier: GPL-3.0-or-later
#include "RenderOptionTable.h"

#include "OptionScanner.h"
#include "OptionValues.h"
#include "UsageError.h"
#include "io/QuotedText.h"

#include <array>

namespace partita
{

namespace
{
constexpr std::size_t maxOutputChannels = 64;
constexpr OptionModes bothRenders = irRender | stateRender;

using RenderOption = Option<RenderOptions>;

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

/** A table, not a function: it is built once at start-up, and only read
    after main() has begun. */
const std::array<RenderOption, 18> renderOptions { {
    { { .longName = "--ir",
        .value = OptionValue::required,
        .valueName = "IR",
        .valueHint = "an impulse response file",
        .modes = irRender,
        .requiredIn = irRender,
        .whenMissing = "--ir IR: the impulse response to convolve with",
        .section = "Required:",
        .help = "The impulse response file. Mono, one channel per\n"
                "input, one per output for a mono input, or a full\n"
                "matrix (true stereo: 4 channels LL, LR, RL, RR)." },
      [] (RenderOptions& o, const OptionSpec& s, std::string_view v) { o.impulseResponse = pathValue (s, v); } },
    { { .longName = "--output",
        .shortName = "-o",
        .value = OptionValue::required,
        .valueName = "PATH",
        .valueHint = "an output file or folder",
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
        .modes = stateRender,
        .section = "Or, instead of --ir and the options from --mix to --precision:",
        .help = "A preset exported by the Partita plugin (or a saved\n"
                "plugin state): renders with the plugin's own signal\n"
                "path, its IR and every parameter, so the output\n"
                "nulls against the plugin's. Mono or stereo inputs;\n"
                "the output has the input's length plus the tail,\n"
                "with the plugin's latency removed." },
      [] (RenderOptions& o, const OptionSpec& s, std::string_view v) { o.state = pathValue (s, v); } },
    { { .longName = "--mix",
        .value = OptionValue::required,
        .valueName = "PERCENT",
        .valueHint = "a wet share in percent, 0 to 100",
        .takesNegativeNumbers = true,
        .modes = irRender,
        .help = "Wet share of the output, 0 to 100 (linear):\n"
                "output = mix * wet + (1 - mix) * dry. Default 100.\n"
                "Below 100 the dry input must map onto the outputs:\n"
                "as many outputs as inputs, or a mono input." },
      [] (RenderOptions& o, const OptionSpec& s, std::string_view v) { o.mix = wetShareValue (s, v); } },
    { { .longName = "--wet-gain",
        .value = OptionValue::required,
        .valueName = "DB",
        .valueHint = "a gain in dB",
        .takesNegativeNumbers = true,
        .modes = irRender,
        .help = "Gain of the convolved (wet) signal. Default 0." },
      [] (RenderOptions& o, const OptionSpec& s, std::string_view v) { o.wetGainDb = gainValue (s, v); } },
    { { .longName = "--dry-gain",
        .value = OptionValue::required,
        .valueName = "DB",
        .valueHint = "a gain in dB",
        .takesNegativeNumbers = true,
        .modes = irRender,
        .help = "Gain of the dry signal. Default 0." },
      [] (RenderOptions& o, const OptionSpec& s, std::string_view v) { o.dryGainDb = gainValue (s, v); } },
    { { .longName = "--gain",
        .value = OptionValue::required,
        .valueName = "DB",
        .valueHint = "a gain in dB",
        .takesNegativeNumbers = true,
        .modes = irRender,
        .help = "Output gain, after the mix. Default 0." },
      [] (RenderOptions& o, const OptionSpec& s, std::string_view v) { o.outputGainDb = gainValue (s, v); } },
    { { .longName = "--normalize",
        .otherSpelling = "--normalise",
        .value = OptionValue::optional,
        .valueHint = "energy or peak",
        .choices = namesOf (normalisationChoices),
        .bareValue = "energy",
        .modes = irRender,
        .help = "Scale the IR first. energy: the IR channel with the\n"
                "most energy gets a sum of squares of 1; peak: the\n"
                "largest IR sample becomes 1. A bare --normalize means\n"
                "energy. Default: off (the IR as recorded)." },
      [] (RenderOptions& o, const OptionSpec& s, std::string_view v)
      { o.normalisation = choiceValue (normalisationChoices, s, v); } },
    { { .longName = "--mode",
        .value = OptionValue::required,
        .valueHint = "full, same or valid",
        .choices = namesOf (modeChoices),
        .modes = irRender,
        .help = "Which part of the convolution to keep. full: all\n"
                "N + M - 1 samples, the whole tail (default); same: N\n"
                "samples centred on the full result; valid: only the\n"
                "samples computed without zero padding." },
      [] (RenderOptions& o, const OptionSpec& s, std::string_view v) { o.mode = choiceValue (modeChoices, s, v); } },
    { { .longName = "--method",
        .value = OptionValue::required,
        .valueHint = "auto, direct or fft",
        .choices = namesOf (methodChoices),
        .modes = irRender,
        .help = "How to compute: auto picks the cheaper of a direct\n"
                "sum and FFT overlap-add for the sizes. Default auto." },
      [] (RenderOptions& o, const OptionSpec& s, std::string_view v)
      { o.method = choiceValue (methodChoices, s, v); } },
    { { .longName = "--precision",
        .value = OptionValue::required,
        .valueHint = "single or double",
        .choices = namesOf (precisionChoices),
        .modes = irRender,
        .help = "Arithmetic: single (32-bit float, as the plugin) or\n"
                "double (64-bit, errors near -200 dB). Default single." },
      [] (RenderOptions& o, const OptionSpec& s, std::string_view v)
      { o.precision = choiceValue (precisionChoices, s, v); } },
    { { .longName = "--format",
        .value = OptionValue::required,
        .valueHint = "16, 24, 32, float, double or vorbis",
        .choices = namesOf (sampleFormatChoices),
        .modes = bothRenders,
        .help = "Output sample format: 16/24/32-bit PCM, 32-bit float,\n"
                "64-bit float or Ogg Vorbis. Default from the output's\n"
                "extension: float for .wav/.aiff, 24 for .flac, vorbis\n"
                "for .ogg." },
      [] (RenderOptions& o, const OptionSpec& s, std::string_view v)
      { o.sampleFormat = choiceValue (sampleFormatChoices, s, v); } },
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
    { { .longName = "--force", .modes = bothRenders, .help = "Overwrite existing outputs. Default: refuse." },
      [] (RenderOptions& o, const OptionSpec&, std::string_view) { o.force = true; } },
    { { .longName = "--quiet", .shortName = "-q", .modes = bothRenders, .help = "No progress bar and no report." },
      [] (RenderOptions& o, const OptionSpec&, std::string_view) { o.quiet = true; } },
    // Answered before parsing (see CommandLineParser): listed, never applied.
    { { .longName = "--help", .shortName = "-h", .help = "Show this help." }, nullptr },
} };

/** The options given must belong to the kind of render asked for, and those
    it needs must be there. Checked in table order, so that the message does
    not depend on where on the line the options stand. */
void checkRenderKind (const OptionScanner& scanner, OptionModes mode)
{
    const auto& table = renderOptions;
    for (std::size_t row = 0; row < table.size(); ++row)
        if (scanner.wasGiven (row) && (table[row].spec.modes & mode) == 0)
            throw UsageError ("option " + std::string (table[row].spec.longName)
                              + " cannot be combined with --state: the state holds the IR and the plugin's settings");

    for (const auto& option : table)
        if ((option.spec.requiredIn & mode) != 0
            && !scanner.wasGiven (static_cast<std::size_t> (&option - table.data())))
            throw UsageError ("missing " + std::string (option.spec.whenMissing));
}
} // namespace

std::span<const Option<RenderOptions>> renderOptionTable()
{
    return renderOptions;
}

RenderOptions parseRenderArguments (std::span<const std::string> arguments)
{
    RenderOptions options;
    const auto scanner =
        scanArguments (arguments, renderOptionTable(), "an input file", options,
                       [&] (std::string_view input) { options.inputs.emplace_back (std::string (input)); });

    if (options.inputs.empty())
        throw UsageError ("no input files given");
    checkRenderKind (scanner, options.state.empty() ? irRender : stateRender);
    return options;
}

} // namespace partita
