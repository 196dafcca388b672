// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandLineParser.h"

#include "QuotedText.h"
#include "UsageError.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <optional>
#include <string_view>
#include <system_error>
#include <vector>

namespace partita
{

namespace
{
constexpr double maxGainDb = 200.0;
constexpr std::size_t maxOutputChannels = 64;

bool isHelpFlag (std::string_view argument)
{
    return argument == "-h" || argument == "--help";
}

/** --help before "--" wins, so that `partita render in.wav --ir --help`
    explains itself instead of taking "--help" for a file name. */
bool asksForHelp (std::span<const std::string> arguments)
{
    for (const auto& argument : arguments)
    {
        if (argument == "--")
            return false;
        if (isHelpFlag (argument))
            return true;
    }
    return false;
}

std::optional<double> parseReal (std::string_view text)
{
    if (!text.empty() && text.front() == '+')
        text.remove_prefix (1);
    if (text.empty())
        return std::nullopt;

    double value = 0.0;
    const auto* const end = text.data() + text.size();
    const auto [stop, error] = std::from_chars (text.data(), end, value, std::chars_format::general);
    if (error != std::errc() || stop != end || !std::isfinite (value))
        return std::nullopt;
    return value;
}

std::optional<std::size_t> parseCount (std::string_view text)
{
    if (!text.empty() && text.front() == '+')
        text.remove_prefix (1);
    if (text.empty())
        return std::nullopt;

    std::size_t value = 0;
    const auto* const end = text.data() + text.size();
    const auto [stop, error] = std::from_chars (text.data(), end, value);
    if (error != std::errc() || stop != end)
        return std::nullopt;
    return value;
}

enum class OptionId
{
    impulseResponse,
    state,
    output,
    mix,
    wetGain,
    dryGain,
    gain,
    normalize,
    mode,
    method,
    precision,
    format,
    outputChannels,
    force,
    quiet,
};

enum class ValueKind
{
    none,
    required,
    optional,
};

struct OptionSpec
{
    std::string_view longName;
    std::string_view shortName;
    OptionId id;
    ValueKind value;
    std::string_view valueHint;
};

constexpr std::array renderOptionSpecs {
    OptionSpec { "--ir", "", OptionId::impulseResponse, ValueKind::required, "an impulse response file" },
    OptionSpec { "--state", "", OptionId::state, ValueKind::required, "a Partita preset or plugin state file" },
    OptionSpec { "--output", "-o", OptionId::output, ValueKind::required, "an output file or folder" },
    OptionSpec { "--mix", "", OptionId::mix, ValueKind::required, "a wet share in percent, 0 to 100" },
    OptionSpec { "--wet-gain", "", OptionId::wetGain, ValueKind::required, "a gain in dB" },
    OptionSpec { "--dry-gain", "", OptionId::dryGain, ValueKind::required, "a gain in dB" },
    OptionSpec { "--gain", "", OptionId::gain, ValueKind::required, "a gain in dB" },
    OptionSpec { "--normalize", "", OptionId::normalize, ValueKind::optional, "energy or peak" },
    OptionSpec { "--normalise", "", OptionId::normalize, ValueKind::optional, "energy or peak" },
    OptionSpec { "--mode", "", OptionId::mode, ValueKind::required, "full, same or valid" },
    OptionSpec { "--method", "", OptionId::method, ValueKind::required, "auto, direct or fft" },
    OptionSpec { "--precision", "", OptionId::precision, ValueKind::required, "single or double" },
    OptionSpec { "--format", "", OptionId::format, ValueKind::required, "16, 24, 32, float, double or vorbis" },
    OptionSpec { "--output-channels", "", OptionId::outputChannels, ValueKind::required, "a channel count" },
    OptionSpec { "--force", "", OptionId::force, ValueKind::none, "" },
    OptionSpec { "--quiet", "-q", OptionId::quiet, ValueKind::none, "" },
};

const OptionSpec* findOption (std::string_view name)
{
    for (const auto& spec : renderOptionSpecs)
        if (name == spec.longName || (!spec.shortName.empty() && name == spec.shortName))
            return &spec;
    return nullptr;
}

class RenderArgumentParser
{
public:
    explicit RenderArgumentParser (std::span<const std::string> argumentsToParse)
        : arguments (argumentsToParse)
    {
    }

    RenderOptions parse()
    {
        bool onlyInputsFollow = false;

        for (position = 0; position < arguments.size(); ++position)
        {
            const std::string_view argument = arguments[position];

            if (onlyInputsFollow || argument.empty() || argument.front() != '-')
            {
                addInput (argument);
                continue;
            }
            if (argument == "--")
            {
                onlyInputsFollow = true;
                continue;
            }
            if (argument == "-")
                throw UsageError ("reading from standard input is not supported; name an input file");

            parseOption (argument);
        }

        checkRequired();
        return options;
    }

private:
    void addInput (std::string_view argument)
    {
        if (argument.empty())
            throw UsageError ("an input file name is empty");
        options.inputs.emplace_back (std::string (argument));
    }

    void parseOption (std::string_view argument)
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

        const auto* spec = findOption (name);
        if (spec == nullptr)
            throw UsageError ("unknown option " + quotedText (name));

        switch (spec->value)
        {
            case ValueKind::none:
                if (inlineValue)
                    throw UsageError ("option " + std::string (spec->longName) + " takes no value");
                apply (*spec, {});
                return;

            case ValueKind::optional:
                markSeen (*spec);
                apply (*spec, inlineValue ? *inlineValue : takeOptionalNormalisation());
                return;

            case ValueKind::required:
                markSeen (*spec);
                apply (*spec, inlineValue ? *inlineValue : takeValue (*spec));
                return;
        }
    }

    std::string_view takeValue (const OptionSpec& spec)
    {
        if (position + 1 >= arguments.size())
            throw UsageError ("option " + std::string (spec.longName)
                              + " needs a value: " + std::string (spec.valueHint));
        // `--ir -o out.wav` forgot the IR; taking "-o" as its name would
        // only confuse the next message.
        const std::string_view next = arguments[position + 1];
        if (spec.id != OptionId::mix && spec.id != OptionId::wetGain && spec.id != OptionId::dryGain
            && spec.id != OptionId::gain && findOption (next) != nullptr)
            throw UsageError ("option " + std::string (spec.longName)
                              + " needs a value: " + std::string (spec.valueHint));
        ++position;
        return next;
    }

    /** A bare --normalize means energy; it takes the next argument only when
        that is a normalisation, so `--normalize in.wav` keeps its input. A
        bare word that is no file (`--normalize rms`) is a mistyped choice,
        not an input: it is named as such. */
    std::string_view takeOptionalNormalisation()
    {
        if (position + 1 < arguments.size())
        {
            const std::string_view next = arguments[position + 1];
            if (parseIrNormalisation (next))
            {
                ++position;
                return next;
            }
            if (looksLikeAMistypedChoice (next))
                throw UsageError ("option --normalize must be energy, peak or none, not " + quotedText (next));
        }
        return "energy";
    }

    static bool looksLikeAMistypedChoice (std::string_view word)
    {
        const bool bareWord =
            !word.empty() && word.front() != '-' && word.find_first_of ("./\\") == std::string_view::npos;
        std::error_code error;
        return bareWord && !std::filesystem::exists (std::filesystem::path (std::string (word)), error);
    }

    void markSeen (const OptionSpec& spec)
    {
        if (std::find (seen.begin(), seen.end(), spec.id) != seen.end())
            throw UsageError ("option " + std::string (spec.longName) + " is given more than once");
        seen.push_back (spec.id);
    }

    static std::string_view nonEmpty (const OptionSpec& spec, std::string_view value)
    {
        if (value.empty())
            throw UsageError ("option " + std::string (spec.longName)
                              + " needs a value: " + std::string (spec.valueHint));
        return value;
    }

    static double gainInDb (const OptionSpec& spec, std::string_view value)
    {
        const auto gain = parseReal (value);
        if (!gain)
            throw UsageError ("option " + std::string (spec.longName) + " needs a gain in dB, not "
                              + quotedText (value));
        if (std::abs (*gain) > maxGainDb)
            throw UsageError ("option " + std::string (spec.longName) + " must lie between -200 and +200 dB, not "
                              + quotedText (value));
        return *gain;
    }

    static double mixFraction (std::string_view value)
    {
        auto number = value;
        if (number.ends_with ('%'))
            number.remove_suffix (1);
        const auto percent = parseReal (number);
        if (!percent)
            throw UsageError ("option --mix needs a wet share in percent, not " + quotedText (value));
        if (*percent < 0.0 || *percent > 100.0)
            throw UsageError ("option --mix must lie between 0 and 100 (percent wet), not " + quotedText (value));
        return *percent / 100.0;
    }

    static ConvolutionMethod method (std::string_view value)
    {
        if (value == "auto")
            return ConvolutionMethod::automatic;
        if (value == "direct")
            return ConvolutionMethod::direct;
        if (value == "fft")
            return ConvolutionMethod::fft;
        throw UsageError ("option --method must be auto, direct or fft, not " + quotedText (value));
    }

    static ConvolutionMode mode (std::string_view value)
    {
        if (value == "full")
            return ConvolutionMode::full;
        if (value == "same")
            return ConvolutionMode::same;
        if (value == "valid")
            return ConvolutionMode::valid;
        throw UsageError ("option --mode must be full, same or valid, not " + quotedText (value));
    }

    static Precision precision (std::string_view value)
    {
        if (value == "single")
            return Precision::float32;
        if (value == "double")
            return Precision::float64;
        throw UsageError ("option --precision must be single or double, not " + quotedText (value));
    }

    static SampleFormat sampleFormat (std::string_view value)
    {
        if (const auto format = parseSampleFormat (value))
            return *format;
        throw UsageError ("option --format must be 16, 24, 32, float, double or vorbis, not " + quotedText (value));
    }

    static std::size_t outputChannels (std::string_view value)
    {
        const auto count = parseCount (value);
        if (!count || *count < 1 || *count > maxOutputChannels)
            throw UsageError ("option --output-channels needs a channel count from 1 to 64, not " + quotedText (value));
        return *count;
    }

    static IrNormalisation normalisation (std::string_view value)
    {
        if (const auto parsed = parseIrNormalisation (value))
            return *parsed;
        throw UsageError ("option --normalize must be energy, peak or none, not " + quotedText (value));
    }

    void apply (const OptionSpec& spec, std::string_view value)
    {
        switch (spec.id)
        {
            case OptionId::impulseResponse:
                options.impulseResponse = std::string (nonEmpty (spec, value));
                break;
            case OptionId::state:
                options.state = std::string (nonEmpty (spec, value));
                break;
            case OptionId::output:
                options.output = std::string (nonEmpty (spec, value));
                break;
            case OptionId::mix:
                options.mix = mixFraction (value);
                break;
            case OptionId::wetGain:
                options.wetGainDb = gainInDb (spec, value);
                break;
            case OptionId::dryGain:
                options.dryGainDb = gainInDb (spec, value);
                break;
            case OptionId::gain:
                options.outputGainDb = gainInDb (spec, value);
                break;
            case OptionId::normalize:
                options.normalisation = normalisation (value);
                break;
            case OptionId::mode:
                options.mode = mode (value);
                break;
            case OptionId::method:
                options.method = method (value);
                break;
            case OptionId::precision:
                options.precision = precision (value);
                break;
            case OptionId::format:
                options.sampleFormat = sampleFormat (value);
                break;
            case OptionId::outputChannels:
                options.outputChannels = outputChannels (value);
                break;
            case OptionId::force:
                options.force = true;
                break;
            case OptionId::quiet:
                options.quiet = true;
                break;
        }
    }

    void checkRequired() const
    {
        if (options.inputs.empty())
            throw UsageError ("no input files given");
        if (!options.state.empty())
            checkStateCombinations();
        else if (options.impulseResponse.empty())
            throw UsageError ("missing --ir IR: the impulse response to convolve with");
        if (options.output.empty())
            throw UsageError ("missing -o OUTPUT: the output file (or folder, for several inputs)");
    }

    /** A state holds the IR and every setting of the plugin's signal path. */
    void checkStateCombinations() const
    {
        for (const auto& spec : renderOptionSpecs)
        {
            const bool excluded =
                spec.id == OptionId::impulseResponse || spec.id == OptionId::mix || spec.id == OptionId::wetGain
                || spec.id == OptionId::dryGain || spec.id == OptionId::gain || spec.id == OptionId::normalize
                || spec.id == OptionId::mode || spec.id == OptionId::method || spec.id == OptionId::precision;
            if (excluded && std::find (seen.begin(), seen.end(), spec.id) != seen.end())
                throw UsageError (
                    "option " + std::string (spec.longName)
                    + " cannot be combined with --state: the state holds the IR and the plugin's settings");
        }
    }

    std::span<const std::string> arguments;
    std::size_t position = 0;
    RenderOptions options;
    std::vector<OptionId> seen;
};

InfoOptions parseInfo (std::span<const std::string> arguments)
{
    InfoOptions options;
    bool onlyFilesFollow = false;

    for (const auto& argument : arguments)
    {
        if (!onlyFilesFollow && argument == "--")
        {
            onlyFilesFollow = true;
            continue;
        }
        if (!onlyFilesFollow && argument.size() > 1 && argument.front() == '-')
            throw UsageError ("unknown option " + quotedText (argument));
        if (argument.empty())
            throw UsageError ("a file name is empty");
        if (!onlyFilesFollow && argument == "-")
            throw UsageError ("reading from standard input is not supported; name a file");
        options.files.emplace_back (argument);
    }

    if (options.files.empty())
        throw UsageError ("no files given");
    return options;
}

ParsedCommand helpFor (HelpTopic topic)
{
    ParsedCommand command;
    command.kind = CommandKind::help;
    command.helpTopic = topic;
    return command;
}

std::optional<HelpTopic> topicNamed (std::string_view name)
{
    if (name == "render")
        return HelpTopic::render;
    if (name == "info")
        return HelpTopic::info;
    return std::nullopt;
}
} // namespace

ParsedCommand parseCommandLine (std::span<const std::string> arguments)
{
    if (arguments.empty())
        throw UsageError ("no command given; the commands are 'render' and 'info'");

    const std::string_view first = arguments.front();
    const auto rest = arguments.subspan (1);

    if (isHelpFlag (first))
        return helpFor (HelpTopic::general);

    if (first == "--version")
    {
        ParsedCommand command;
        command.kind = CommandKind::version;
        return command;
    }

    if (first == "help")
    {
        if (rest.empty())
            return helpFor (HelpTopic::general);
        if (const auto topic = topicNamed (rest.front()))
            return helpFor (*topic);
        throw UsageError ("no help on " + quotedText (rest.front()) + "; the commands are 'render' and 'info'");
    }

    if (first == "render")
    {
        if (asksForHelp (rest))
            return helpFor (HelpTopic::render);
        ParsedCommand command;
        command.kind = CommandKind::render;
        command.render = RenderArgumentParser (rest).parse();
        return command;
    }

    if (first == "info")
    {
        if (asksForHelp (rest))
            return helpFor (HelpTopic::info);
        ParsedCommand command;
        command.kind = CommandKind::info;
        command.info = parseInfo (rest);
        return command;
    }

    if (!first.empty() && first.front() == '-')
        throw UsageError ("unknown option " + quotedText (first)
                          + " before the command; the commands are 'render' and 'info'");
    throw UsageError ("unknown command " + quotedText (first) + "; the commands are 'render' and 'info'");
}

} // namespace partita
