// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AudioSettingsPanel.h"

#include <juce_audio_utils/juce_audio_utils.h>

#include <memory>

namespace partita
{

/** The standalone app's audio settings window content: the panel in a
    viewport as tall as the panel, but never taller than maxHeight (the
    screen), so that every row can be reached on any screen. The dialog
    window follows the viewport's size when the panel grows or shrinks.

    Threading: message thread. */
class AudioSettingsDialog final : public juce::Component, private juce::ComponentListener
{
public:
    AudioSettingsDialog (std::unique_ptr<AudioSettingsPanel> panel, int maxHeight);
    ~AudioSettingsDialog() override;

    /** Opens the dialog, centred over `centreAround` when there is one, fitted
        to the screen that shows it. */
    static void show (juce::AudioDeviceManager& deviceManager, juce::Value& muteInput, int maxInputChannels,
                      int maxOutputChannels, juce::Component* centreAround);

    [[nodiscard]] AudioSettingsPanel& panel() const { return *panelShown; }

    void resized() override;

private:
    void componentMovedOrResized (juce::Component&, bool wasMoved, bool wasResized) override;
    void fitToPanel();

    std::unique_ptr<AudioSettingsPanel> panelShown;
    juce::Viewport viewport;
    int maxHeight;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (AudioSettingsDialog)
};

} // namespace partita
