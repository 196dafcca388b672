// SPDX-License-Identifier: GPL-3.0-or-later
#include "ParameterLayout.h"

#include "processor/ProcessorParameters.h"
#include "state/ParameterIds.h"
#include "state/ParameterScale.h"

#include <cmath>
#include <memory>
#include <optional>

namespace partita
{
namespace
{
juce::ParameterID idFor (std::string_view id)
{
    return { juce::String (id.data(), id.size()), firstParameterVersion };
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

/** Host text: few digits for big numbers, more for small ones. */
juce::String formatMilliseconds (float ms)
{
    if (ms >= 1000.0f)
        return withDecimals (ms / 1000.0f, 2, " s");
    return withDecimals (ms, ms < 10.0f ? 2 : 1, " ms");
}

juce::String formatHertz (float hz)
{
    if (hz >= 1000.0f)
        return withDecimals (hz / 1000.0f, 2, " kHz");
    return withDecimals (hz, 0, " Hz");
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

std::unique_ptr<juce::AudioParameterFloat> floatParameter (std::string_view id, const juce::String& name,
                                                           const ParameterRange& range, float centre,
                                                           const juce::String& label,
                                                           std::function<juce::String (float)> format,
                                                           std::optional<float> offValue = std::nullopt)
{
    const auto parse = [offValue] (const juce::String& text)
    {
        if (offValue.has_value() && text.trim().equalsIgnoreCase ("off"))
            return *offValue;
        return parseNumber (text);
    };
    auto attributes = juce::AudioParameterFloatAttributes()
                          .withLabel (label)
                          .withStringFromValueFunction ([format] (float value, int) { return format (value); })
                          .withValueFromStringFunction (parse);
    return std::make_unique<juce::AudioParameterFloat> (idFor (id), name, rangeFor (range, centre), range.defaultValue,
                                                        attributes);
}
} // namespace

juce::AudioProcessorValueTreeState::ParameterLayout createParameterLayout()
{
    namespace ids = parameterIds;
    namespace ranges = parameterRanges;

    const auto percent = [] (float value) { return withDecimals (value, 1, " %"); };
    const auto decibels = [] (float value) { return withDecimals (value, 1, " dB"); };
    const auto lowCutText = [] (float hz)
    { return hz <= ranges::lowCutHz.minimum ? juce::String ("Off") : formatHertz (hz); };
    const auto highCutText = [] (float hz)
    { return hz >= ranges::highCutHz.maximum ? juce::String ("Off") : formatHertz (hz); };
    // Geometric means put the middle of a frequency knob at the middle octave.
    const auto lowCutCentre = std::sqrt (ranges::lowCutHz.minimum * ranges::lowCutHz.maximum);
    const auto highCutCentre = std::sqrt (ranges::highCutHz.minimum * ranges::highCutHz.maximum);

    juce::AudioProcessorValueTreeState::ParameterLayout layout;
    layout.add (floatParameter (ids::mix, "Mix", ranges::mixPercent, 0.0f, "%", percent),
                floatParameter (ids::wetGain, "Wet gain", ranges::wetGainDb, 0.0f, "dB", decibels),
                floatParameter (ids::outputGain, "Output gain", ranges::outputGainDb, 0.0f, "dB", decibels),
                floatParameter (ids::preDelay, "Pre-delay", ranges::preDelayMs, 100.0f, "ms", formatMilliseconds),
                floatParameter (ids::irStart, "IR start", ranges::trimStartMs, 300.0f, "ms", formatMilliseconds),
                floatParameter (ids::irEnd, "IR end trim", ranges::trimEndMs, 300.0f, "ms", formatMilliseconds),
                std::make_unique<juce::AudioParameterBool> (idFor (ids::reverse), "Reverse", false),
                floatParameter (ids::stretch, "Stretch", ranges::stretchPercent, 100.0f, "%", percent),
                floatParameter (ids::lowCut, "Low cut", ranges::lowCutHz, lowCutCentre, "Hz", lowCutText,
                                ranges::lowCutHz.minimum),
                floatParameter (ids::highCut, "High cut", ranges::highCutHz, highCutCentre, "Hz", highCutText,
                                ranges::highCutHz.maximum),
                floatParameter (ids::width, "Width", ranges::widthPercent, 0.0f, "%", percent),
                std::make_unique<juce::AudioParameterBool> (idFor (ids::autoGain), "Auto gain", true),
                std::make_unique<juce::AudioParameterChoice> (idFor (ids::latencyMode), "Latency",
                                                              juce::StringArray { "Zero latency", "Low CPU" }, 0));
    return layout;
}

} // namespace partita
