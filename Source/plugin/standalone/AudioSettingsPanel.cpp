// SPDX-License-Identifier: GPL-3.0-or-later
#include "AudioSettingsPanel.h"

#include <algorithm>

namespace partita
{
namespace
{
constexpr int padding = 12;
constexpr int toggleHeight = 26;
} // namespace

AudioSettingsPanel::AudioSettingsPanel (juce::AudioDeviceManager& deviceManager, juce::Value& muteInput,
                                        int maxInputChannels, int maxOutputChannels)
    : deviceSelector (deviceManager, 0, maxInputChannels, 0, maxOutputChannels,
                      false, // no MIDI inputs: Partita takes no MIDI
                      false, // no MIDI output
                      true,  // channels as stereo pairs
                      false)
{
    setTitle ("Audio settings");
    muteButton.setClickingTogglesState (true);
    muteButton.getToggleStateValue().referTo (muteInput);
    addAndMakeVisible (muteButton);

    muteExplanation.setText ("On, the app hears silence instead of the input, so that a microphone near the speakers "
                             "cannot feed the reverb back into itself and howl. Turn it off to play your input "
                             "through Partita, with headphones.",
                             juce::dontSendNotification);
    muteExplanation.setFont (juce::Font (14.0f));
    muteExplanation.setBorderSize ({});
    addAndMakeVisible (muteExplanation);

    addAndMakeVisible (deviceSelector);
    setSize (width, muteSectionHeight()); // then as tall as the selector makes itself
}

int AudioSettingsPanel::muteSectionHeight() const
{
    return padding + toggleHeight + muteExplanation.heightForWidth (width - 2 * padding) + padding;
}

void AudioSettingsPanel::resized()
{
    auto area = getLocalBounds().reduced (padding, 0);
    area.removeFromTop (padding);
    muteButton.setBounds (area.removeFromTop (toggleHeight));
    muteExplanation.setBounds (area.removeFromTop (muteExplanation.heightForWidth (area.getWidth())));
    // The selector sets its own height to what its rows need (in its resized).
    deviceSelector.setBounds (0, muteSectionHeight(), getWidth(), std::max (1, deviceSelector.getHeight()));
}

void AudioSettingsPanel::childBoundsChanged (juce::Component* child)
{
    // A new device type or device adds or removes rows: the panel follows.
    if (child == &deviceSelector)
        setSize (getWidth(), muteSectionHeight() + deviceSelector.getHeight());
}

} // namespace partita
