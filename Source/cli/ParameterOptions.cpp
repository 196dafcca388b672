// SPDX-License-Identifier: GPL-3.0-or-later
#include "ParameterOptions.h"

#include "HelpLayout.h"
#include "ParameterValueText.h"
#include "RenderOptionTable.h"
#include "UsageError.h"
#include "io/QuotedText.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <deque>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace partita
{

namespace
{
/** What the command line adds to a row of the parameter table. A row
    without an entry still gets its option, with the generated help. */
struct CommandLineExtra
{
    std::string_view id;
    /** A second spelling of the option, kept for scripts: --gain. */
    std::string_view otherSpelling = {};
    /** A line of help beyond the generated name, range and default. */
    std::string_view note = {};
    /** The exact --ir render takes this parameter too: how, in its own terms. */
    void (*toExactRender) (RenderOptions& options, double value) = nullptr;
    /** A default for --ir renders other than the plugin's. */
    std::optional<float> commandLineDefault = {};
};

/** The layout rows reach the exact render together, as the plugin reads
    them (applyExactRenderSettings), not one field at a time. */
void readsTheIrLayout (RenderOptions&, double) {}

/** The one list the command line keeps beside the parameter table. */
constexpr std::array commandLineExtras {
    CommandLineExtra { .id = "mix",
                       .note = "Linear: output = mix * wet + (1 - mix) * dry. Below 100 the dry input must map onto "
                               "the outputs: as many outputs as inputs, or a mono input.",
                       .toExactRender = [] (RenderOptions& o, double value) { o.mix = value / 100.0; } },
    CommandLineExtra { .id = "wetGain",
                       .note = "Gain of the convolved (wet) signal.",
                       .toExactRender = [] (RenderOptions& o, double value) { o.wetGainDb = value; } },
    CommandLineExtra { .id = "outputGain",
                       .otherSpelling = "--gain",
                       .note = "Gain of the whole output, after the mix. Also --gain.",
                       .toExactRender = [] (RenderOptions& o, double value) { o.outputGainDb = value; } },
    CommandLineExtra { .id = "preDelay", .note = "Delays the wet signal by round(ms * rate / 1000) samples." },
    CommandLineExtra { .id = "irStart", .note = "Cut from the start of the IR (before stretching)." },
    CommandLineExtra { .id = "irEnd", .note = "Cut from the end of the IR (before stretching)." },
    CommandLineExtra { .id = "reverse", .note = "Plays the (trimmed) IR backwards." },
    CommandLineExtra {
        .id = "stretch",
        .note = "The IR's length in percent of its own, by resampling it; its energy (the wet level) stays the same." },
    CommandLineExtra { .id = "lowCut", .note = "Butterworth high-pass on the wet signal, --low-cut-slope steep." },
    CommandLineExtra { .id = "highCut", .note = "Butterworth low-pass on the wet signal, --high-cut-slope steep." },
    CommandLineExtra { .id = "width", .note = "Stereo width of the wet signal: 0 mono, 100 as it is." },
    CommandLineExtra {
        .id = "autoGain",
        .note =
            "Scales the shaped IR so that its loudest path has an energy (sum of squares) of 1, as the plugin does. "
            "Off with --ir unless given: the IR as recorded (the plugin's default is on); a preset keeps its own.",
        .commandLineDefault = 0.0f },
    CommandLineExtra {
        .id = "latencyMode",
        .note = "low-cpu: the plugin's larger partitions; the render removes the latency, so only rounding differs." },
    CommandLineExtra { .id = "irGain", .note = "Gain of the IR itself, after auto gain." },
    // The layout is how the IR is read, not a stage of the plugin's path:
    // the exact render decodes B-format too (applyExactRenderSettings).
    CommandLineExtra { .id = "irLayout",
                       .note = "What a 4-channel IR is; auto: what the file says (WAVEX ambisonic sub-format, .amb, "
                               "a name with ambix, bformat, fuma or wxyz), else true stereo, with a note.",
                       .toExactRender = readsTheIrLayout },
    CommandLineExtra { .id = "micPattern",
                       .note = "The virtual microphones a B-format IR is decoded with: 0 omni, 50 cardioid, 100 "
                               "figure-8.",
                       .toExactRender = readsTheIrLayout },
    CommandLineExtra { .id = "micAngle",
                       .note = "The angle between the two virtual microphones (the left one at +angle/2).",
                       .toExactRender = readsTheIrLayout },
    // Tempo-synced pre-delay; IR channels and length (issue 17).
    CommandLineExtra { .id = "preDelaySync", .note = "tempo: the pre-delay is --pre-delay-note at --tempo." },
    CommandLineExtra { .id = "preDelayNote", .note = "t triplet (2/3 of the note), d dotted (3/2): 1/8d or 1-8d." },
    CommandLineExtra { .id = "irChannel",
                       .note = "Before the IR layout: one channel, or the average of all, plays as a mono IR; a "
                               "channel the IR lacks plays channel 1, with a warning." },
    CommandLineExtra { .id = "maxIrLength",
                       .note = "Cuts the shaped IR (after the stretch) with a 10 ms raised-cosine fade-out." },
    CommandLineExtra { .id = "loudnessMatch",
                       .note = "Levels the shaped IR by its loudness (the K-weighted energy of its response, "
                               "ITU-R BS.1770) instead of --auto-gain's energy: IRs of different spectra play "
                               "equally loud." },
};

const CommandLineExtra* extraFor (std::string_view id) noexcept
{
    for (const auto& extra : commandLineExtras)
        if (extra.id == id)
            return &extra;
    return nullptr;
}

float commandLineDefault (const ParameterDefinition& row) noexcept
{
    if (const auto* extra = extraFor (row.id); extra != nullptr && extra->commandLineDefault)
        return *extra->commandLineDefault;
    return row.range.defaultValue;
}

std::string upperCase (std::string_view text)
{
    std::string upper (text);
    for (auto& c : upper)
        c = static_cast<char> (std::toupper (static_cast<unsigned char> (c)));
    return upper;
}

bool sameIgnoringCase (std::string_view a, std::string_view b) noexcept
{
    return a.size() == b.size()
           && std::equal (a.begin(), a.end(), b.begin(),
                          [] (unsigned char x, unsigned char y) { return std::tolower (x) == std::tolower (y); });
}

/** How an option's name appears in a message: with its other spelling, so
    that a user who typed --gain recognises it. */
std::string optionLabel (const OptionSpec& spec)
{
    auto label = "option " + std::string (spec.longName);
    if (!spec.otherSpelling.empty())
        label.append (" (").append (spec.otherSpelling).append (")");
    return label;
}

void addSetting (RenderOptions& options, const ParameterDefinition& row, double value, std::string givenAs)
{
    for (const auto& setting : options.parameterSettings)
        if (setting.id == row.id)
            throw UsageError ("the plugin control --" + kebabCase (row.id) + " is given twice: " + setting.givenAs
                              + " and " + givenAs);
    options.parameterSettings.push_back ({ row.id, value, std::move (givenAs) });
}

/** The row of a --set NAME: its ID or its option's name, with or without
    the dashes, case ignored. */
const ParameterDefinition* parameterNamed (std::string_view name) noexcept
{
    if (name.starts_with ("--"))
        name.remove_prefix (2);
    for (const auto& row : parameterTable)
    {
        if (sameIgnoringCase (name, row.id) || sameIgnoringCase (name, kebabCase (row.id)))
            return &row;
        if (const auto* extra = extraFor (row.id); extra != nullptr && !extra->otherSpelling.empty()
                                                   && sameIgnoringCase (name, extra->otherSpelling.substr (2)))
            return &row;
    }
    return nullptr;
}

std::string parameterNameList()
{
    std::string list;
    for (const auto& row : parameterTable)
    {
        if (!list.empty())
            list += ", ";
        list += kebabCase (row.id);
    }
    return list;
}

void applyOption (RenderOptions& options, const OptionSpec& spec, std::string_view value)
{
    const auto* row = parameterOfOption (spec.longName);
    if (row == nullptr)
        throw UsageError (optionLabel (spec) + " is no plugin control");
    try
    {
        addSetting (options, *row, parseParameterValue (*row, value), std::string (spec.longName));
    }
    catch (const std::invalid_argument& error)
    {
        throw UsageError (optionLabel (spec) + " " + error.what());
    }
}

void applySet (RenderOptions& options, const OptionSpec&, std::string_view text)
{
    const auto equals = text.find ('=');
    const auto name = text.substr (0, equals);
    const auto* row = parameterNamed (name);
    if (row == nullptr)
        throw UsageError ("option --set: no plugin parameter " + quoted (name) + "; the parameters are "
                          + parameterNameList());
    // A bare switch means on, as its option given bare does.
    if (equals == std::string_view::npos && row->kind != ParameterKind::toggle)
        throw UsageError ("option --set needs NAME=VALUE, not " + quoted (text));
    const auto value = equals == std::string_view::npos ? std::string_view ("on") : text.substr (equals + 1);
    try
    {
        addSetting (options, *row, parseParameterValue (*row, value), "--set " + quoted (text));
    }
    catch (const std::invalid_argument& error)
    {
        throw UsageError ("option --set " + quoted (text) + ": " + kebabCase (row->id) + " " + error.what());
    }
}

/** The generated rows and the text they point into, built once. */
class ParameterOptionTable
{
public:
    ParameterOptionTable()
    {
        section = sectionHeading();
        for (const auto& row : parameterTable)
            rows.push_back ({ specFor (row), applyOption });
        rows.push_back ({ setSpec(), applySet });
    }

    std::vector<Option<RenderOptions>> rows;
    std::string section;

private:
    /** Kept in a deque, whose elements never move, so that the rows' views
        stay valid. */
    std::string_view keep (std::string text) { return texts.emplace_back (std::move (text)); }

    static std::string sectionHeading()
    {
        std::string exactOnes;
        std::vector<std::string> names;
        for (const auto& row : parameterTable)
            if (const auto* extra = extraFor (row.id); extra != nullptr && extra->toExactRender != nullptr)
                names.push_back ("--" + kebabCase (row.id));
        for (std::size_t index = 0; index < names.size(); ++index)
        {
            if (index > 0)
                exactOnes += index + 1 == names.size() ? " and " : ", ";
            exactOnes += names[index];
        }
        auto paragraph = wrapText ("With --ir, " + exactOnes
                                       + " keep the exact render; any other control runs the plugin's own signal "
                                         "path on the IR (as --state does), every parameter at the plugin's "
                                         "default but auto gain, which is off unless --auto-gain is given. With "
                                         "--state they override the preset's values. Numbers may carry their unit: "
                                         "20ms, 0.5s, 1.2kHz, -6dB, 35%.",
                                   77, 2);
        paragraph.pop_back();
        return "Plugin controls (the plugin's parameters, its ranges and defaults):\n" + paragraph;
    }

    OptionSpec specFor (const ParameterDefinition& row)
    {
        const auto* extra = extraFor (row.id);
        const auto optionName = "--" + kebabCase (row.id);
        const auto defaultValue = commandLineDefault (row);

        OptionSpec spec;
        spec.longName = keep (optionName);
        if (extra != nullptr)
            spec.otherSpelling = extra->otherSpelling;
        spec.modes = irRender | stateRender;
        spec.section = section;

        std::string help (row.name);
        switch (row.kind)
        {
            case ParameterKind::toggle:
            {
                spec.value = OptionValue::optional;
                ChoiceNames names;
                names.documented = { "on", "off" };
                names.accepted = names.documented;
                names.all = switchNames();
                names.ignoresCase = true;
                spec.choices = names;
                spec.bareValue = "on";
                spec.valueHint = "on or off";
                help += ": on or off; a bare " + optionName + " means on.";
                break;
            }
            case ParameterKind::choice:
            {
                spec.value = OptionValue::required;
                ChoiceNames names;
                for (const auto choice : row.choices)
                    names.documented.push_back (keep (commandLineSpelling (choice)));
                names.accepted = names.documented;
                names.all = names.documented;
                names.ignoresCase = true;
                spec.choices = names;
                spec.valueHint = keep (rangeText (row));
                // A long list would not fit the option's line (or a man
                // page's): named by the parameter's last word, listed below.
                if (row.choices.size() > 6)
                    spec.valueName = keep (upperCase (row.name.substr (row.name.rfind (' ') + 1)));
                help += ": " + rangeText (row) + ".";
                break;
            }
            case ParameterKind::continuous:
                spec.value = OptionValue::required;
                spec.valueName = unitValueName (row.unit);
                spec.valueHint = keep ("a value from " + rangeText (row));
                spec.takesNegativeNumbers = row.range.minimum < 0.0f;
                help += ", " + rangeText (row) + ".";
                if (row.offAt != OffAt::never)
                {
                    const auto offEnd = row.offAt == OffAt::minimum ? row.range.minimum : row.range.maximum;
                    help.append (" ").append (formatParameterValue (row, offEnd)).append (" (or off) turns it off.");
                }
                break;
        }
        help.append (" Default ").append (formatParameterValue (row, defaultValue));
        help.append (row.isOff (defaultValue) ? " (off)." : ".");
        if (extra != nullptr && !extra->note.empty())
            help.append ("\n").append (extra->note);
        spec.help = keep (help);
        return spec;
    }

    OptionSpec setSpec() const
    {
        OptionSpec spec;
        spec.longName = "--set";
        spec.value = OptionValue::required;
        spec.valueName = "NAME=VALUE";
        spec.valueHint = "NAME=VALUE, a plugin parameter and its value";
        spec.repeatable = true;
        spec.modes = irRender | stateRender;
        spec.section = section;
        spec.help = "Sets a plugin parameter by its ID or option name (preDelay=20 or pre-delay=20ms), VALUE as its "
                    "option takes it; the same as giving the option. May be repeated.";
        return spec;
    }

    std::deque<std::string> texts;
};

const ParameterOptionTable& generatedTable()
{
    static const ParameterOptionTable table;
    return table;
}
} // namespace

std::string_view pluginControlsSection()
{
    return generatedTable().section;
}

std::span<const Option<RenderOptions>> parameterOptionRows()
{
    return generatedTable().rows;
}

const ParameterDefinition* parameterOfOption (std::string_view name) noexcept
{
    for (const auto& row : parameterTable)
    {
        if (name.starts_with ("--") && name.substr (2) == kebabCase (row.id))
            return &row;
        if (const auto* extra = extraFor (row.id); extra != nullptr && name == extra->otherSpelling)
            return &row;
    }
    return nullptr;
}

const ParameterSetting* firstPluginPathSetting (const RenderOptions& options) noexcept
{
    for (const auto& setting : options.parameterSettings)
        if (const auto* extra = extraFor (setting.id); extra == nullptr || extra->toExactRender == nullptr)
            return &setting;
    return nullptr;
}

bool rendersThroughPlugin (const RenderOptions& options) noexcept
{
    return !options.state.empty() || !options.impulseResponseB.empty() || firstPluginPathSetting (options) != nullptr;
}

void applyExactRenderSettings (RenderOptions& options)
{
    for (const auto& setting : options.parameterSettings)
        if (const auto* extra = extraFor (setting.id); extra != nullptr && extra->toExactRender != nullptr)
            extra->toExactRender (options, setting.value);

    auto parameters = commandLineParameterDefaults();
    applyParameterSettings (parameters, options.parameterSettings);
    options.irLayout = irLayoutSettingsOf (parameters);
}

ProcessorParameters commandLineParameterDefaults()
{
    ProcessorParameters parameters;
    for (const auto& row : parameterTable)
        row.field.set (parameters, commandLineDefault (row));
    return parameters;
}

void applyParameterSettings (ProcessorParameters& parameters, std::span<const ParameterSetting> settings)
{
    for (const auto& setting : settings)
        if (const auto* row = findParameter (setting.id))
            row->field.set (parameters, row->clamp (static_cast<float> (setting.value)));
}

} // namespace partita
