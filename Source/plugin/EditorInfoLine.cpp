// SPDX-License-Identifier: GPL-3.0-or-later
#include "EditorInfoLine.h"

#include "PartitaLookAndFeel.h"

namespace partita
{
namespace
{
/** Wide enough for the latency and CPU text at its longest. */
constexpr int performanceWidth = 330;

juce::String describeImpulseResponse (const ImpulseResponseInfo* info)
{
    if (info == nullptr)
        return "IR: none (the wet path passes the input through)";

    auto text = "IR: " + juce::String::fromUTF8 (info->name.c_str()) + "  |  "
                + juce::String (describeChannelLayout (*info)) + "  |  " + juce::String (info->originalSampleRate, 0)
                + " Hz  |  " + juce::String (describeDuration (info->originalSeconds())) + " ("
                + juce::String (static_cast<juce::int64> (info->originalFrames)) + " samples)";
    if (info->sampleRate != info->originalSampleRate || info->shapedFrames() != info->originalFrames)
        text += "  |  playing " + juce::String (static_cast<juce::int64> (info->shapedFrames())) + " at "
                + juce::String (info->sampleRate, 0) + " Hz";
    return text;
}
} // namespace

EditorInfoLine::EditorInfoLine()
{
    performance.setJustificationType (juce::Justification::centredRight);
    performance.setTooltip ("The latency the host compensates, and the time the convolution takes as a share of one "
                            "core's real time");
    performance.setColour (juce::Label::textColourId, PartitaLookAndFeel::dimText);
    addAndMakeVisible (performance);

    irInfo.setColour (juce::Label::textColourId, PartitaLookAndFeel::text);
    irInfo.setMinimumHorizontalScale (0.6f);
    addAndMakeVisible (irInfo);
}

void EditorInfoLine::showImpulseResponse (const ImpulseResponseInfo* info)
{
    irInfo.setText (describeImpulseResponse (info), juce::dontSendNotification);
}

void EditorInfoLine::showPerformance (int latencySamples, double sampleRate, float cpuLoad)
{
    const auto latencyMs = sampleRate > 0.0 ? 1000.0 * latencySamples / sampleRate : 0.0;
    performance.setText ("Latency " + juce::String (latencySamples) + " samples (" + juce::String (latencyMs, 1)
                             + " ms)  |  CPU " + juce::String (100.0f * cpuLoad, 1) + " %",
                         juce::dontSendNotification);
}

void EditorInfoLine::resized()
{
    auto area = getLocalBounds();
    performance.setBounds (area.removeFromRight (performanceWidth));
    irInfo.setBounds (area);
}

std::unique_ptr<juce::AccessibilityHandler> EditorInfoLine::createAccessibilityHandler()
{
    return createIgnoredAccessibilityHandler (*this);
}

} // namespace partita
