// SPDX-License-Identifier: GPL-3.0-or-later
#include "EditorInfoLine.h"

#include "PartitaLookAndFeel.h"
#include "processor/PreDelayTime.h"

#include <algorithm>
#include <cmath>

namespace partita
{
namespace
{
constexpr float textHeightAtDefaultSize = 14.0f;
/** Between the IR's text and the performance text. */
constexpr int gap = 12;

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
    addAndMakeVisible (irInfo);
    for (auto* label : { &irInfo, &performance })
        label->setBorderSize ({});
    setScale (1.0f);
}

void EditorInfoLine::setScale (float scale)
{
    const juce::Font font (PartitaLookAndFeel::textHeight (textHeightAtDefaultSize, scale));
    irInfo.setFont (font);
    performance.setFont (font);
}

int EditorInfoLine::performanceWidth() const
{
    // The longest the text gets: latency up to six digits, CPU up to 100 %.
    auto longest = performance.getFont().getStringWidthFloat ("Latency 000000 samples (0000.0 ms)  |  CPU 000.0 %");
    if (preDelayText.isNotEmpty())
        longest += performance.getFont().getStringWidthFloat ("Pre-delay 0000.0 ms (1/16D at 000.0 BPM)  |  ");
    return static_cast<int> (std::ceil (longest)) + 2;
}

int EditorInfoLine::heightForWidth (int width) const
{
    const auto irWidth = std::max (1, width - performanceWidth() - gap);
    return std::max (irInfo.heightForWidth (irWidth), performance.heightForWidth (performanceWidth()));
}

void EditorInfoLine::showImpulseResponse (const ImpulseResponseInfo* info)
{
    irInfo.setText (describeImpulseResponse (info), juce::dontSendNotification);
}

bool EditorInfoLine::showPreDelay (const ProcessorParameters& parameters, double beatsPerMinute)
{
    const bool wasShown = preDelayText.isNotEmpty();
    preDelayText = {};
    if (parameters.preDelaySync == PreDelaySync::tempo)
    {
        const auto note = noteValueChoices[static_cast<std::size_t> (parameters.preDelayNote)];
        preDelayText = "Pre-delay " + juce::String (PreDelayTime::milliseconds (parameters, beatsPerMinute), 1) + " ms ("
                       + juce::String (note.data(), note.size()) + " at " + juce::String (beatsPerMinute, 1)
                       + " BPM)  |  ";
    }
    return wasShown != preDelayText.isNotEmpty();
}

void EditorInfoLine::showPerformance (int latencySamples, double sampleRate, float cpuLoad)
{
    const auto latencyMs = sampleRate > 0.0 ? 1000.0 * latencySamples / sampleRate : 0.0;
    performance.setText (preDelayText + "Latency " + juce::String (latencySamples) + " samples (" + juce::String (latencyMs, 1)
                             + " ms)  |  CPU " + juce::String (100.0f * cpuLoad, 1) + " %",
                         juce::dontSendNotification);
}

void EditorInfoLine::resized()
{
    auto area = getLocalBounds();
    performance.setBounds (
        area.removeFromRight (performanceWidth()).withHeight (performance.heightForWidth (performanceWidth())));
    area.removeFromRight (gap);
    irInfo.setBounds (area);
}

std::unique_ptr<juce::AccessibilityHandler> EditorInfoLine::createAccessibilityHandler()
{
    return createIgnoredAccessibilityHandler (*this);
}

} // namespace partita
