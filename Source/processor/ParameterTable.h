// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ProcessorParameters.h"

#include <array>
#include <cmath>
#include <cstddef>
#include <span>
#include <string_view>
#include <type_traits>

namespace partita
{

/** The range and default of a parameter, in its user-facing unit (a switch:
    0 and 1; a choice: the indices of its choices). */
struct ParameterRange
{
    float minimum;
    float maximum;
    float defaultValue;

    [[nodiscard]] constexpr float clamp (float value) const noexcept
    {
        // NaN compares false both ways and falls through to the default.
        if (value >= minimum && value <= maximum)
            return value;
        if (value < minimum)
            return minimum;
        if (value > maximum)
            return maximum;
        return defaultValue;
    }
};

enum class ParameterKind
{
    continuous,
    toggle,
    choice,
};

/** What a change does. */
enum class ParameterAction
{
    /** Smoothed per sample on the audio thread; never rebuilds anything. */
    live,
    /** Changes the IR itself: the loader builds a new engine, crossfaded in. */
    shaping,
};

/** How values are shown and typed (ParameterText.h). */
enum class ParameterUnit
{
    none,
    percent,
    decibels,
    milliseconds,
    hertz,
    degrees,
};

/** The editor page a control is shown on (the editor groups its controls by
    it, each page in editorColumn order). */
enum class EditorSection
{
    /** The IR's file, layout and conditioning: trim, reverse, stretch, gain. */
    impulseResponse,
    /** The IR's envelope: attack, reverb time, damping, early and late. */
    envelope,
    /** The wet signal's equaliser and its cut filters. */
    equaliser,
    /** The two IR slots and their blend. */
    slots,
    /** The signal path: mix, gains, pre-delay, width. */
    output,
};

/** A continuous parameter one end of whose range means "off". */
enum class OffAt
{
    never,
    minimum,
    maximum,
};

/** Reads and writes one field of ProcessorParameters as a float (a switch as
    0 or 1, a choice as its index). */
struct ParameterField
{
    float (*get) (const ProcessorParameters&) noexcept;
    void (*set) (ProcessorParameters&, float) noexcept;
};

/** The field `member` of ProcessorParameters as a ParameterField. */
template <auto member>
constexpr ParameterField fieldOf() noexcept
{
    using Value = std::remove_cvref_t<decltype (std::declval<ProcessorParameters>().*member)>;
    ParameterField field {};
    field.get = [] (const ProcessorParameters& parameters) noexcept
    {
        if constexpr (std::is_same_v<Value, bool>)
            return parameters.*member ? 1.0f : 0.0f;
        else if constexpr (std::is_enum_v<Value>)
            return static_cast<float> (parameters.*member);
        else
            return parameters.*member;
    };
    field.set = [] (ProcessorParameters& parameters, float value) noexcept
    {
        if constexpr (std::is_same_v<Value, bool>)
            parameters.*member = value >= 0.5f;
        else if constexpr (std::is_enum_v<Value>)
            parameters.*member = static_cast<Value> (static_cast<int> (value));
        else
            parameters.*member = value;
    };
    return field;
}

/** One parameter: everything every layer needs to know about it. */
struct ParameterDefinition
{
    /** The stable name: the host's automation ID, the key in a saved state,
        the LV2 port symbol. Never rename one; a new parameter gets a new ID. */
    std::string_view id;
    /** What the host and the editor show. */
    std::string_view name;
    ParameterKind kind = ParameterKind::continuous;
    ParameterRange range {};
    /** The value at the middle of a knob (JUCE's skew for centre); outside
        the range: linear. */
    float skewCentre = 0.0f;
    ParameterUnit unit = ParameterUnit::none;
    OffAt offAt = OffAt::never;
    /** A choice's names, in index order. */
    std::span<const std::string_view> choices {};
    ParameterAction action = ParameterAction::live;
    /** A change changes the tail the host is told (the pre-delay). */
    bool changesTail = false;
    /** The editor page the control is on. */
    EditorSection editorSection = EditorSection::output;
    /** Left to right position among the editor's controls of its action. */
    int editorColumn = 0;
    /** The release that added it (JUCE's ParameterID version: AU hosts keep
        the order by it). */
    int sinceVersion = 1;
    ParameterField field {};

    /** A value of any origin made valid: continuous values clamped to the
        range, a switch 0 or 1, a choice a valid index; NaN becomes the
        default. */
    [[nodiscard]] constexpr float clamp (float value) const noexcept
    {
        if (kind == ParameterKind::continuous)
            return range.clamp (value);
        if (std::isnan (value))
            return range.defaultValue;
        if (kind == ParameterKind::toggle)
            return value >= 0.5f ? 1.0f : 0.0f;
        return range.clamp (std::floor (value + 0.5f));
    }

    /** The value turns the parameter's stage off (a cut at its end). */
    [[nodiscard]] constexpr bool isOff (float value) const noexcept
    {
        return (offAt == OffAt::minimum && value <= range.minimum)
               || (offAt == OffAt::maximum && value >= range.maximum);
    }
};

inline constexpr std::array<std::string_view, 2> latencyModeChoices { "Zero latency", "Low CPU" };
/** In IrLayout's order (ir/IrLayout.h). */
inline constexpr std::array<std::string_view, 5> irLayoutChoices { "Auto", "True stereo", "B-format FuMa",
                                                                   "B-format AmbiX", "Independent" };

/** Every parameter of Partita, in the order hosts and saved states list them
    (never reorder: LV2 ports and AU hosts go by it; append new ones). */
inline constexpr std::array parameterTable {
    ParameterDefinition { .id = "mix",
                          .name = "Mix",
                          .range = { 0.0f, 100.0f, 100.0f },
                          .unit = ParameterUnit::percent,
                          .editorSection = EditorSection::output,
                          .editorColumn = 5,
                          .field = fieldOf<&ProcessorParameters::mixPercent>() },
    ParameterDefinition { .id = "wetGain",
                          .name = "Wet gain",
                          .range = { -60.0f, 24.0f, 0.0f },
                          .unit = ParameterUnit::decibels,
                          .editorSection = EditorSection::output,
                          .editorColumn = 4,
                          .field = fieldOf<&ProcessorParameters::wetGainDb>() },
    ParameterDefinition { .id = "outputGain",
                          .name = "Output gain",
                          .range = { -60.0f, 24.0f, 0.0f },
                          .unit = ParameterUnit::decibels,
                          .editorSection = EditorSection::output,
                          .editorColumn = 6,
                          .field = fieldOf<&ProcessorParameters::outputGainDb>() },
    ParameterDefinition { .id = "preDelay",
                          .name = "Pre-delay",
                          .range = { 0.0f, 500.0f, 0.0f },
                          .skewCentre = 100.0f,
                          .unit = ParameterUnit::milliseconds,
                          .changesTail = true,
                          .editorSection = EditorSection::output,
                          .editorColumn = 0,
                          .field = fieldOf<&ProcessorParameters::preDelayMs>() },
    ParameterDefinition { .id = "irStart",
                          .name = "IR start",
                          .range = { 0.0f, 20000.0f, 0.0f },
                          .skewCentre = 300.0f,
                          .unit = ParameterUnit::milliseconds,
                          .action = ParameterAction::shaping,
                          .editorSection = EditorSection::impulseResponse,
                          .editorColumn = 0,
                          .field = fieldOf<&ProcessorParameters::trimStartMs>() },
    ParameterDefinition { .id = "irEnd",
                          .name = "IR end trim",
                          .range = { 0.0f, 20000.0f, 0.0f },
                          .skewCentre = 300.0f,
                          .unit = ParameterUnit::milliseconds,
                          .action = ParameterAction::shaping,
                          .editorSection = EditorSection::impulseResponse,
                          .editorColumn = 1,
                          .field = fieldOf<&ProcessorParameters::trimEndMs>() },
    ParameterDefinition { .id = "reverse",
                          .name = "Reverse",
                          .kind = ParameterKind::toggle,
                          .range = { 0.0f, 1.0f, 0.0f },
                          .action = ParameterAction::shaping,
                          .editorSection = EditorSection::impulseResponse,
                          .editorColumn = 3,
                          .field = fieldOf<&ProcessorParameters::reverse>() },
    ParameterDefinition { .id = "stretch",
                          .name = "Stretch",
                          .range = { 50.0f, 200.0f, 100.0f },
                          .skewCentre = 100.0f,
                          .unit = ParameterUnit::percent,
                          .action = ParameterAction::shaping,
                          .editorSection = EditorSection::impulseResponse,
                          .editorColumn = 2,
                          .field = fieldOf<&ProcessorParameters::stretchPercent>() },
    // Geometric means put the middle of a frequency knob at the middle octave.
    ParameterDefinition { .id = "lowCut",
                          .name = "Low cut",
                          .range = { 20.0f, 2000.0f, 20.0f },
                          .skewCentre = 200.0f,
                          .unit = ParameterUnit::hertz,
                          .offAt = OffAt::minimum,
                          .editorSection = EditorSection::equaliser,
                          .editorColumn = 1,
                          .field = fieldOf<&ProcessorParameters::lowCutHz>() },
    ParameterDefinition { .id = "highCut",
                          .name = "High cut",
                          .range = { 1000.0f, 20000.0f, 20000.0f },
                          .skewCentre = 4472.13595f,
                          .unit = ParameterUnit::hertz,
                          .offAt = OffAt::maximum,
                          .editorSection = EditorSection::equaliser,
                          .editorColumn = 2,
                          .field = fieldOf<&ProcessorParameters::highCutHz>() },
    ParameterDefinition { .id = "width",
                          .name = "Width",
                          .range = { 0.0f, 200.0f, 100.0f },
                          .unit = ParameterUnit::percent,
                          .editorSection = EditorSection::output,
                          .editorColumn = 3,
                          .field = fieldOf<&ProcessorParameters::widthPercent>() },
    ParameterDefinition { .id = "autoGain",
                          .name = "Auto gain",
                          .kind = ParameterKind::toggle,
                          .range = { 0.0f, 1.0f, 1.0f },
                          .action = ParameterAction::shaping,
                          .editorSection = EditorSection::impulseResponse,
                          .editorColumn = 4,
                          .field = fieldOf<&ProcessorParameters::autoGain>() },
    ParameterDefinition { .id = "latencyMode",
                          .name = "Latency",
                          .kind = ParameterKind::choice,
                          .range = { 0.0f, 1.0f, 0.0f },
                          .choices = latencyModeChoices,
                          .action = ParameterAction::shaping,
                          .editorSection = EditorSection::impulseResponse,
                          .editorColumn = 5,
                          .field = fieldOf<&ProcessorParameters::latencyMode>() },
    ParameterDefinition { .id = "irGain",
                          .name = "IR gain",
                          .range = { -24.0f, 24.0f, 0.0f },
                          .unit = ParameterUnit::decibels,
                          .action = ParameterAction::shaping,
                          .editorSection = EditorSection::impulseResponse,
                          .editorColumn = 6,
                          .sinceVersion = 2,
                          .field = fieldOf<&ProcessorParameters::irGainDb>() },
    // The IR's channel layout and the virtual microphones a B-format IR is
    // decoded with (ir/BFormatDecoder.h). Auto keeps every IR that says
    // nothing about its layout as it always played.
    ParameterDefinition { .id = "irLayout",
                          .name = "IR layout",
                          .kind = ParameterKind::choice,
                          .range = { 0.0f, 4.0f, 0.0f },
                          .choices = irLayoutChoices,
                          .action = ParameterAction::shaping,
                          .editorSection = EditorSection::impulseResponse,
                          .editorColumn = 7,
                          .sinceVersion = 3,
                          .field = fieldOf<&ProcessorParameters::irLayout>() },
    // 0 omni, 50 cardioid, 100 figure-8: the knob sweeps the first-order
    // patterns in their usual order.
    ParameterDefinition { .id = "micPattern",
                          .name = "Mic pattern",
                          .range = { 0.0f, 100.0f, 50.0f },
                          .unit = ParameterUnit::percent,
                          .action = ParameterAction::shaping,
                          .editorSection = EditorSection::impulseResponse,
                          .editorColumn = 8,
                          .sinceVersion = 3,
                          .field = fieldOf<&ProcessorParameters::micPatternPercent>() },
    // 90 degrees: the textbook coincident XY pair of cardioids (see
    // docs/plugin.md, "IR layouts").
    ParameterDefinition { .id = "micAngle",
                          .name = "Mic angle",
                          .range = { 0.0f, 180.0f, 90.0f },
                          .unit = ParameterUnit::degrees,
                          .action = ParameterAction::shaping,
                          .editorSection = EditorSection::impulseResponse,
                          .editorColumn = 9,
                          .sinceVersion = 3,
                          .field = fieldOf<&ProcessorParameters::micAngleDegrees>() },
    // Tempo-synced pre-delay (issue 17): Time keeps the pre-delay in ms, as
    // before; Tempo makes it a note value at the host's tempo (PreDelayTime.h).
    ParameterDefinition { .id = "preDelaySync",
                          .name = "Pre-delay sync",
                          .kind = ParameterKind::choice,
                          .range = { 0.0f, 1.0f, 0.0f },
                          .choices = preDelaySyncChoices,
                          .changesTail = true,
                          .editorSection = EditorSection::output,
                          .editorColumn = 7,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::preDelaySync>() },
    ParameterDefinition { .id = "preDelayNote",
                          .name = "Pre-delay note",
                          .kind = ParameterKind::choice,
                          .range = { 0.0f, 17.0f, static_cast<float> (NoteValue::sixteenth) },
                          .choices = noteValueChoices,
                          .changesTail = true,
                          .editorSection = EditorSection::output,
                          .editorColumn = 8,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::preDelayNote>() },
    // IR channels and length (issue 17): which channel of a multichannel IR
    // plays (before its layout is read), and a cap on its length to save CPU.
    ParameterDefinition { .id = "irChannel",
                          .name = "IR channel",
                          .kind = ParameterKind::choice,
                          .range = { 0.0f, 9.0f, 0.0f },
                          .choices = irChannelChoices,
                          .action = ParameterAction::shaping,
                          .editorSection = EditorSection::impulseResponse,
                          .editorColumn = 10,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::irChannel>() },
    ParameterDefinition { .id = "maxIrLength",
                          .name = "Max IR length",
                          .range = { 20.0f, 20000.0f, 20000.0f },
                          .skewCentre = 1000.0f,
                          .unit = ParameterUnit::milliseconds,
                          .offAt = OffAt::maximum,
                          .action = ParameterAction::shaping,
                          .editorSection = EditorSection::impulseResponse,
                          .editorColumn = 11,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::maxIrLengthMs>() },
};

inline constexpr std::size_t parameterCount = parameterTable.size();

/** The row of a parameter known at compile time: parameterRow ("mix"). An
    unknown ID does not compile. */
consteval const ParameterDefinition& parameterRow (std::string_view id)
{
    for (const auto& row : parameterTable)
        if (row.id == id)
            return row;
    throw "no parameter with this ID";
}

/** The row of a parameter ID from outside (a saved state, a host, the
    command line); nullptr when this version does not know it. */
[[nodiscard]] const ParameterDefinition* findParameter (std::string_view id) noexcept;

/** Every row, ordered for the editor: the IR's (shaping) controls, then
    the signal path's (live), each by editorColumn. */
[[nodiscard]] std::array<const ParameterDefinition*, parameterCount> parametersInEditorOrder() noexcept;

/** Whether two sets of values differ in a parameter that shapes the IR. */
[[nodiscard]] bool shapingDiffers (const ProcessorParameters& a, const ProcessorParameters& b) noexcept;

} // namespace partita
