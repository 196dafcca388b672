// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "plugin/WrappedLabel.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>

namespace partita
{

/** The standalone app's banner while the audio input is muted: why it is
    (a microphone near the speakers would feed the reverb back into itself)
    and how to hear the input (headphones, then untick "Mute audio input" in
    the audio settings, which its button opens). JUCE's own banner said only
    "Audio input is muted to avoid feedback loop".

    Threading: message thread. */
class InputMutedBanner final : public juce::Component
{
public:
    explicit InputMutedBanner (std::function<void()> openAudioSettings);

    /** The banner's words. */
    static juce::String message();

    /** The height that shows the whole message at this width. */
    [[nodiscard]] int heightForWidth (int width) const;

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    WrappedLabel text;
    juce::TextButton settingsButton { "Audio Settings..." };

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (InputMutedBanner)
};

} // namespace partita
