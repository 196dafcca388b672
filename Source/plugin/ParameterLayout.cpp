// SPDX-License-Identifier: GPL-3.0-or-later
#include "ParameterLayout.h"

#include "processor/ParameterTable.h"
#include "state/ParameterScale.h"

#include <cmath>
#include <functional>
#include <memory>

namespace partita
{
namespace
{
juce::ParameterID idFor (const ParameterDefinition& row)
{
    return { juce::String (row.id.data(), row.id.size()), row.sinceVersion };
}

/** JUCE's skew-for-centre curve, with conversions that give back exactly the
    values a user set after a host stores and restores them (ParameterScale). */
juce::NormalisableRange<float> rangeFor (const ParameterRange& range, float centre)
{
    const ParameterScale scale (range.minimum, range.maximum, centre);
    return { range.minimum, range.maximum,
             [scale] (float, float, float normalised) { return scale.fromNormalised (normalised); },
             [scale] (float, float, float value) { return scale.toNormalised (value); } };
}

juce::String withDecimals (float value, int decimals, const char* unit)
{
    return juce::String (value, decimals) + unit;
}

juce::String formatMilliseconds (float ms)
{
    if (ms >= 1000.0f)
        return withDecimals (ms / 1000.0f, 2, " s");
    return withDecimals (ms, ms < 10.0f ? 2 : 1, " ms");
}

juce::String formatHertz (float hz)
{
    // Three significant digits, as the milliseconds: "21.6 Hz", "250 Hz",
    // "1.20 kHz" (juce::String (value, 0) would print every digit, "28.098").
    if (std::lround (hz) >= 1000)
        return withDecimals (hz / 1000.0f, 2, " kHz");
    if (std::lround (hz * 10.0f) < 1000)
        return withDecimals (hz, 1, " Hz");
    return juce::String (static_cast<int> (std::lround (hz))) + " Hz";
}

float parseNumber (const juce::String& text)
{
    // Accepts what the host shows ("1.20 kHz", "250 ms", "1.5 s") and bare numbers.
    const auto number = text.retainCharacters ("0123456789.-+eE").getFloatValue();
    const auto lower = text.toLowerCase();
    if (lower.contains ("khz"))
        return number * 1000.0f;
    if (lower.endsWith (" s") || (lower.endsWith ("s") && !lower.endsWith ("ms")))
        return number * 1000.0f;
    return number;
}

juce::String labelFor (ParameterUnit unit);

/** Host text by unit: few digits for big numbers, more for small ones;
    "Off" at the end of a cut's range. */
juce::String formatInUnit (const ParameterDefinition& row, float value)
{
    switch (row.unit)
    {
        case ParameterUnit::percent:
            return withDecimals (value, 1, " %");
        case ParameterUnit::decibels:
            return withDecimals (value, 1, " dB");
        case ParameterUnit::milliseconds:
            return formatMilliseconds (value);
        case ParameterUnit::hertz:
            return formatHertz (value);
        case ParameterUnit::degrees:
            return juce::String (value, 0) + " " + labelFor (row.unit);
        case ParameterUnit::none:
            break;
    }
    return juce::String (value);
}

std::function<juce::String (float)> formatterFor (const ParameterDefinition& row)
{
    return [&row] (float value) -> juce::String
    {
        if (row.isOff (value))
            return "Off";
        auto text = formatInUnit (row, value);
        // A cut just inside its range must not read back as off ("20.0 Hz"
        // is the low cut's end): more decimals until it does not.
        for (int decimals = 2; decimals <= 6 && row.isOff (parseNumber (text)); ++decimals)
            text = withDecimals (value, decimals, (" " + labelFor (row.unit)).toRawUTF8());
        return text;
    };
}

juce::String labelFor (ParameterUnit unit)
{
    switch (unit)
    {
        case ParameterUnit::percent:
            return "%";
        case ParameterUnit::decibels:
            return "dB";
        case ParameterUnit::milliseconds:
            return "ms";
        case ParameterUnit::hertz:
            return "Hz";
        case ParameterUnit::degrees:
            return juce::String::fromUTF8 ("\xc2\xb0"); // the degree sign
        case ParameterUnit::none:
            break;
    }
    return {};
}

std::unique_ptr<juce::RangedAudioParameter> floatParameter (const ParameterDefinition& row)
{
    const auto parse = [&row] (const juce::String& text)
    {
        if (row.offAt != OffAt::never && text.trim().equalsIgnoreCase ("off"))
            return row.offAt == OffAt::minimum ? row.range.minimum : row.range.maximum;
        return parseNumber (text);
    };
    const auto format = formatterFor (row);
    auto attributes = juce::AudioParameterFloatAttributes()
                          .withLabel (labelFor (row.unit))
                          .withStringFromValueFunction ([format] (float value, int) { return format (value); })
                          .withValueFromStringFunction (parse);
    return std::make_unique<juce::AudioParameterFloat> (idFor (row), juce::String (row.name.data(), row.name.size()),
                                                        rangeFor (row.range, row.skewCentre), row.range.defaultValue,
                                                        attributes);
}

std::unique_ptr<juce::RangedAudioParameter> hostParameter (const ParameterDefinition& row)
{
    const juce::String name (row.name.data(), row.name.size());
    switch (row.kind)
    {
        case ParameterKind::toggle:
            return std::make_unique<juce::AudioParameterBool> (idFor (row), name, row.range.defaultValue >= 0.5f);
        case ParameterKind::choice:
        {
            juce::StringArray choices;
            for (const auto choice : row.choices)
                choices.add (juce::String (choice.data(), choice.size()));
            return std::make_unique<juce::AudioParameterChoice> (idFor (row), name, choices,
                                                                 static_cast<int> (row.range.defaultValue));
        }
        case ParameterKind::continuous:
            break;
    }
    return floatParameter (row);
}
} // namespace

juce::AudioProcessorValueTreeState::ParameterLayout createParameterLayout()
{
    juce::AudioProcessorValueTreeState::ParameterLayout layout;
    for (const auto& row : parameterTable)
        layout.add (hostParameter (row));
    return layout;
}

} // namespace partita
