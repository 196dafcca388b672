// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "plugin/WrappedLabel.h"

#include <juce_audio_utils/juce_audio_utils.h>

namespace partita
{

/** The standalone app's audio settings: "Mute audio input" with what it is
    for, then the device, its channels, rate and buffer size. No MIDI
    section: Partita takes no MIDI (JUCE's dialog listed the MIDI inputs
    anyway, and after choosing ALSA that list ran past the dialog's edge).

    Its height follows its content (the device section grows when a device
    type with separate inputs and outputs, such as ALSA, is chosen); put it
    in a viewport (AudioSettingsDialog) where the screen may be too short.

    Threading: message thread. */
class AudioSettingsPanel final : public juce::Component
{
public:
    /** muteInput: the app's "mute the input" value, shared with its toggle. */
    AudioSettingsPanel (juce::AudioDeviceManager& deviceManager, juce::Value& muteInput, int maxInputChannels,
                        int maxOutputChannels);

    static constexpr int width = 520;

    void resized() override;
    void childBoundsChanged (juce::Component* child) override;

private:
    [[nodiscard]] int muteSectionHeight() const;

    juce::ToggleButton muteButton { "Mute audio input" };
    WrappedLabel muteExplanation;
    juce::AudioDeviceSelectorComponent deviceSelector;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (AudioSettingsPanel)
};

} // namespace partita
