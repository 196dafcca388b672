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
    /** Not a parameter's section (no row names it): the editor's analysis
        page, which shows the playing IR's ISO 3382 figures instead of
        controls (plugin/EditorPages.h). */
    analysis,
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
    /** Left to right position among the controls of its page (equal columns
        keep the table's order). */
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

inline constexpr std::array<std::string_view, 3> cutSlopeChoices { "12 dB/oct", "24 dB/oct", "48 dB/oct" };

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
    // The IR's envelope (ir/IrEnvelope.h): attack, reverb time, high
    // damping, early and late levels. Every default leaves the IR as it is.
    ParameterDefinition { .id = "attack",
                          .name = "Attack",
                          .range = { 0.0f, 500.0f, 0.0f },
                          .skewCentre = 60.0f,
                          .unit = ParameterUnit::milliseconds,
                          .action = ParameterAction::shaping,
                          .editorSection = EditorSection::envelope,
                          .editorColumn = 10,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::attackMs>() },
    ParameterDefinition { .id = "attackShape",
                          .name = "Attack shape",
                          .range = { 0.0f, 100.0f, 0.0f },
                          .unit = ParameterUnit::percent,
                          .action = ParameterAction::shaping,
                          .editorSection = EditorSection::envelope,
                          .editorColumn = 11,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::attackShapePercent>() },
    ParameterDefinition { .id = "reverbTime",
                          .name = "Reverb time",
                          .range = { 10.0f, 100.0f, 100.0f },
                          .unit = ParameterUnit::percent,
                          .action = ParameterAction::shaping,
                          .editorSection = EditorSection::envelope,
                          .editorColumn = 12,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::reverbTimePercent>() },
    ParameterDefinition { .id = "damping",
                          .name = "Damping",
                          .range = { 0.0f, 100.0f, 0.0f },
                          .unit = ParameterUnit::percent,
                          .action = ParameterAction::shaping,
                          .editorSection = EditorSection::envelope,
                          .editorColumn = 13,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::dampingPercent>() },
    ParameterDefinition { .id = "dampingFreq",
                          .name = "Damping freq",
                          .range = { 1000.0f, 16000.0f, 4000.0f },
                          .skewCentre = 4000.0f,
                          .unit = ParameterUnit::hertz,
                          .action = ParameterAction::shaping,
                          .editorSection = EditorSection::envelope,
                          .editorColumn = 14,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::dampingHz>() },
    ParameterDefinition { .id = "earlyLevel",
                          .name = "Early level",
                          .range = { -24.0f, 12.0f, 0.0f },
                          .unit = ParameterUnit::decibels,
                          .action = ParameterAction::shaping,
                          .editorSection = EditorSection::envelope,
                          .editorColumn = 15,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::earlyLevelDb>() },
    ParameterDefinition { .id = "lateLevel",
                          .name = "Late level",
                          .range = { -24.0f, 12.0f, 0.0f },
                          .unit = ParameterUnit::decibels,
                          .action = ParameterAction::shaping,
                          .editorSection = EditorSection::envelope,
                          .editorColumn = 16,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::lateLevelDb>() },
    ParameterDefinition { .id = "earlyLateSplit",
                          .name = "Early/late split",
                          .range = { 10.0f, 300.0f, 80.0f },
                          .skewCentre = 80.0f,
                          .unit = ParameterUnit::milliseconds,
                          .action = ParameterAction::shaping,
                          .editorSection = EditorSection::envelope,
                          .editorColumn = 17,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::earlyLateSplitMs>() },
    // The wet equaliser (WetPostProcessor, EqualiserPrototype.h): the cuts'
    // slopes and four bands, each bypassed at 0 dB so that old sessions play
    // bit for bit as before. Q ranges are geometric around their middle.
    ParameterDefinition { .id = "lowCutSlope",
                          .name = "Low cut slope",
                          .kind = ParameterKind::choice,
                          .range = { 0.0f, 2.0f, 0.0f },
                          .choices = cutSlopeChoices,
                          .editorSection = EditorSection::equaliser,
                          .editorColumn = 7,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::lowCutSlope>() },
    ParameterDefinition { .id = "highCutSlope",
                          .name = "High cut slope",
                          .kind = ParameterKind::choice,
                          .range = { 0.0f, 2.0f, 0.0f },
                          .choices = cutSlopeChoices,
                          .editorSection = EditorSection::equaliser,
                          .editorColumn = 8,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::highCutSlope>() },
    ParameterDefinition { .id = "lowShelfFreq",
                          .name = "Low shelf freq",
                          .range = { 20.0f, 2000.0f, 100.0f },
                          .skewCentre = 200.0f,
                          .unit = ParameterUnit::hertz,
                          .editorSection = EditorSection::equaliser,
                          .editorColumn = 9,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::lowShelfHz>() },
    ParameterDefinition { .id = "lowShelfGain",
                          .name = "Low shelf gain",
                          .range = { -18.0f, 18.0f, 0.0f },
                          .unit = ParameterUnit::decibels,
                          .editorSection = EditorSection::equaliser,
                          .editorColumn = 10,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::lowShelfGainDb>() },
    ParameterDefinition { .id = "lowShelfQ",
                          .name = "Low shelf Q",
                          .range = { 0.25f, 2.0f, 0.7071f },
                          .skewCentre = 0.7071f,
                          .editorSection = EditorSection::equaliser,
                          .editorColumn = 11,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::lowShelfQ>() },
    ParameterDefinition { .id = "peak1Freq",
                          .name = "Peak 1 freq",
                          .range = { 20.0f, 20000.0f, 400.0f },
                          .skewCentre = 632.455532f,
                          .unit = ParameterUnit::hertz,
                          .editorSection = EditorSection::equaliser,
                          .editorColumn = 12,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::peak1Hz>() },
    ParameterDefinition { .id = "peak1Gain",
                          .name = "Peak 1 gain",
                          .range = { -18.0f, 18.0f, 0.0f },
                          .unit = ParameterUnit::decibels,
                          .editorSection = EditorSection::equaliser,
                          .editorColumn = 13,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::peak1GainDb>() },
    ParameterDefinition { .id = "peak1Q",
                          .name = "Peak 1 Q",
                          .range = { 0.1f, 10.0f, 1.0f },
                          .skewCentre = 1.0f,
                          .editorSection = EditorSection::equaliser,
                          .editorColumn = 14,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::peak1Q>() },
    ParameterDefinition { .id = "peak2Freq",
                          .name = "Peak 2 freq",
                          .range = { 20.0f, 20000.0f, 2500.0f },
                          .skewCentre = 632.455532f,
                          .unit = ParameterUnit::hertz,
                          .editorSection = EditorSection::equaliser,
                          .editorColumn = 15,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::peak2Hz>() },
    ParameterDefinition { .id = "peak2Gain",
                          .name = "Peak 2 gain",
                          .range = { -18.0f, 18.0f, 0.0f },
                          .unit = ParameterUnit::decibels,
                          .editorSection = EditorSection::equaliser,
                          .editorColumn = 16,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::peak2GainDb>() },
    ParameterDefinition { .id = "peak2Q",
                          .name = "Peak 2 Q",
                          .range = { 0.1f, 10.0f, 1.0f },
                          .skewCentre = 1.0f,
                          .editorSection = EditorSection::equaliser,
                          .editorColumn = 17,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::peak2Q>() },
    ParameterDefinition { .id = "highShelfFreq",
                          .name = "High shelf freq",
                          .range = { 1000.0f, 20000.0f, 8000.0f },
                          .skewCentre = 4472.13595f,
                          .unit = ParameterUnit::hertz,
                          .editorSection = EditorSection::equaliser,
                          .editorColumn = 18,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::highShelfHz>() },
    ParameterDefinition { .id = "highShelfGain",
                          .name = "High shelf gain",
                          .range = { -18.0f, 18.0f, 0.0f },
                          .unit = ParameterUnit::decibels,
                          .editorSection = EditorSection::equaliser,
                          .editorColumn = 19,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::highShelfGainDb>() },
    ParameterDefinition { .id = "highShelfQ",
                          .name = "High shelf Q",
                          .range = { 0.25f, 2.0f, 0.7071f },
                          .skewCentre = 0.7071f,
                          .editorSection = EditorSection::equaliser,
                          .editorColumn = 20,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::highShelfQ>() },
    // Two IR slots (issue 17): each slot's level, polarity, delay and pan,
    // and the blend, folded into one kernel (ir/IrSlotMix.h, docs/plugin.md
    // "Two IR slots").
    ParameterDefinition { .id = "slotALevel",
                          .name = "A level",
                          .range = { -60.0f, 12.0f, 0.0f },
                          .unit = ParameterUnit::decibels,
                          .action = ParameterAction::shaping,
                          .editorSection = EditorSection::slots,
                          .editorColumn = 10,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::slotALevelDb>() },
    ParameterDefinition { .id = "slotAInvert",
                          .name = "A invert",
                          .kind = ParameterKind::toggle,
                          .range = { 0.0f, 1.0f, 0.0f },
                          .action = ParameterAction::shaping,
                          .editorSection = EditorSection::slots,
                          .editorColumn = 11,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::slotAInvert>() },
    ParameterDefinition { .id = "slotADelay",
                          .name = "A delay",
                          .range = { 0.0f, 20.0f, 0.0f },
                          .skewCentre = 2.0f,
                          .unit = ParameterUnit::milliseconds,
                          .action = ParameterAction::shaping,
                          .editorSection = EditorSection::slots,
                          .editorColumn = 12,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::slotADelayMs>() },
    ParameterDefinition { .id = "slotAPan",
                          .name = "A pan",
                          .range = { -100.0f, 100.0f, 0.0f },
                          .unit = ParameterUnit::percent,
                          .action = ParameterAction::shaping,
                          .editorSection = EditorSection::slots,
                          .editorColumn = 13,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::slotAPanPercent>() },
    ParameterDefinition { .id = "slotBLevel",
                          .name = "B level",
                          .range = { -60.0f, 12.0f, 0.0f },
                          .unit = ParameterUnit::decibels,
                          .action = ParameterAction::shaping,
                          .editorSection = EditorSection::slots,
                          .editorColumn = 15,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::slotBLevelDb>() },
    ParameterDefinition { .id = "slotBInvert",
                          .name = "B invert",
                          .kind = ParameterKind::toggle,
                          .range = { 0.0f, 1.0f, 0.0f },
                          .action = ParameterAction::shaping,
                          .editorSection = EditorSection::slots,
                          .editorColumn = 16,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::slotBInvert>() },
    ParameterDefinition { .id = "slotBDelay",
                          .name = "B delay",
                          .range = { 0.0f, 20.0f, 0.0f },
                          .skewCentre = 2.0f,
                          .unit = ParameterUnit::milliseconds,
                          .action = ParameterAction::shaping,
                          .editorSection = EditorSection::slots,
                          .editorColumn = 17,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::slotBDelayMs>() },
    ParameterDefinition { .id = "slotBPan",
                          .name = "B pan",
                          .range = { -100.0f, 100.0f, 0.0f },
                          .unit = ParameterUnit::percent,
                          .action = ParameterAction::shaping,
                          .editorSection = EditorSection::slots,
                          .editorColumn = 18,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::slotBPanPercent>() },
    // 0 only A, 50 both at full level, 100 only B.
    ParameterDefinition { .id = "slotBlend",
                          .name = "Blend A/B",
                          .range = { 0.0f, 100.0f, 50.0f },
                          .unit = ParameterUnit::percent,
                          .action = ParameterAction::shaping,
                          .editorSection = EditorSection::slots,
                          .editorColumn = 14,
                          .sinceVersion = 4,
                          .field = fieldOf<&ProcessorParameters::slotBlendPercent>() },
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
    // Loudness-matched switching (issue 18, sets): levels each IR by the
    // K-weighted energy of its response (BS.1770) instead of auto gain's
    // energy. Off by default, so sessions that lack it sound as before; the
    // browser turns it on when the user starts stepping through IRs, unless
    // the user set it (PartitaAudioProcessor::loudnessMatchForBrowsing).
    ParameterDefinition { .id = "loudnessMatch",
                          .name = "Loudness match",
                          .kind = ParameterKind::toggle,
                          .range = { 0.0f, 1.0f, 0.0f },
                          .action = ParameterAction::shaping,
                          .editorSection = EditorSection::impulseResponse,
                          .editorColumn = 4,
                          .sinceVersion = 5,
                          .field = fieldOf<&ProcessorParameters::loudnessMatch>() },
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

/** Whether two sets of values differ in a parameter that shapes the IR. */
[[nodiscard]] bool shapingDiffers (const ProcessorParameters& a, const ProcessorParameters& b) noexcept;

} // namespace partita
