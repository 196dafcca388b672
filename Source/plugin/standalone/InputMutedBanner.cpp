// SPDX-License-Identifier: GPL-3.0-or-later
#include "InputMutedBanner.h"

#include "plugin/PartitaLookAndFeel.h"

#include <algorithm>

namespace partita
{
namespace
{
constexpr int buttonWidth = 140;
constexpr int padding = 6;
constexpr float textHeight = 15.0f;
} // namespace

InputMutedBanner::InputMutedBanner (std::function<void()> openAudioSettings)
{
    setTitle ("Audio input muted");
    text.setText (message(), juce::dontSendNotification);
    text.setFont (juce::Font (textHeight));
    text.setColour (juce::Label::textColourId, juce::Colours::black);
    text.setBorderSize ({});
    addAndMakeVisible (text);

    settingsButton.setTooltip ("Open the audio settings: the device, its channels, and \"Mute audio input\"");
    settingsButton.onClick = std::move (openAudioSettings);
    addAndMakeVisible (settingsButton);
}

juce::String InputMutedBanner::message()
{
    return "Audio input is muted, so that a microphone near your speakers cannot feed the reverb back into "
           "itself and howl. To play your input through Partita, use headphones and untick \"Mute audio input\" "
           "in Options > Audio Settings.";
}

int InputMutedBanner::heightForWidth (int width) const
{
    const auto textWidth = width - buttonWidth - 3 * padding;
    return std::max (text.heightForWidth (textWidth), 26) + 2 * padding;
}

void InputMutedBanner::paint (juce::Graphics& g)
{
    // The colours of JUCE's banner, which users of JUCE apps know.
    auto area = getLocalBounds();
    g.setColour (juce::Colours::darkgoldenrod);
    g.fillRect (area.removeFromBottom (1));
    g.setColour (juce::Colours::lightgoldenrodyellow);
    g.fillRect (area);
}

void InputMutedBanner::resized()
{
    auto area = getLocalBounds().reduced (padding);
    settingsButton.setBounds (area.removeFromRight (buttonWidth).withSizeKeepingCentre (buttonWidth, 26));
    area.removeFromRight (padding);
    text.setBounds (area);
}

} // namespace partita
