// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "WrappedLabel.h"
#include "processor/ImpulseResponseInfo.h"
#include "processor/ProcessorParameters.h"

#include <juce_gui_basics/juce_gui_basics.h>

namespace partita
{

/** The line under the editor's buttons: the IR in words on the left (name,
    layout, rate, length and, when it differs, what plays), a pre-delay in
    note values in ms at the tempo, the latency the host compensates and the
    convolution's CPU share on the right. The IR's
    text wraps when the editor is narrow; the editor gives the line the
    height it asks for (heightForWidth).

    A layout group only, hidden from screen readers (its two labels read as
    the editor's own).

    Threading: message thread. */
class EditorInfoLine final : public juce::Component
{
public:
    EditorInfoLine();

    void showImpulseResponse (const ImpulseResponseInfo* info);
    void showPerformance (int latencySamples, double sampleRate, float cpuLoad);
    /** A pre-delay synced to the tempo as its length in ms (nothing for one
        in ms, which its own control shows). Returns true when the text
        appeared or went: the line's layout changed, so the editor must lay
        it out again. Call before showPerformance. */
    bool showPreDelay (const ProcessorParameters& parameters, double beatsPerMinute);
    [[nodiscard]] juce::String impulseResponseText() const { return irInfo.getText(); }

    /** The editor's scale (PartitaEditor::resized): sets the text's size. */
    void setScale (float scale);
    /** The height that shows both texts in full at this width. */
    [[nodiscard]] int heightForWidth (int width) const;

    void resized() override;
    std::unique_ptr<juce::AccessibilityHandler> createAccessibilityHandler() override;

private:
    /** Wide enough for the latency and CPU text at its longest, in its font. */
    [[nodiscard]] int performanceWidth() const;

    WrappedLabel irInfo;
    WrappedLabel performance;
    juce::String preDelayText;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (EditorInfoLine)
};

} // namespace partita
