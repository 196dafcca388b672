// SPDX-License-Identifier: GPL-3.0-or-later
#include "AudioSettingsDialog.h"

#include <algorithm>

namespace partita
{
namespace
{
/** What a window's title bar and the desktop's panels may take from the screen. */
constexpr int screenReserve = 80;
} // namespace

AudioSettingsDialog::AudioSettingsDialog (std::unique_ptr<AudioSettingsPanel> panel, int maxHeightToUse)
    : panelShown (std::move (panel))
    , maxHeight (std::max (100, maxHeightToUse))
{
    viewport.setScrollBarsShown (true, false); // vertical only, when the panel is taller
    viewport.setViewedComponent (panelShown.get(), false);
    addAndMakeVisible (viewport);
    panelShown->addComponentListener (this);
    fitToPanel();
}

AudioSettingsDialog::~AudioSettingsDialog()
{
    panelShown->removeComponentListener (this);
}

void AudioSettingsDialog::show (juce::AudioDeviceManager& deviceManager, juce::Value& muteInput, int maxInputChannels,
                                int maxOutputChannels, juce::Component* centreAround)
{
    const auto& displays = juce::Desktop::getInstance().getDisplays();
    const auto* display = centreAround != nullptr ? displays.getDisplayForRect (centreAround->getScreenBounds())
                                                  : displays.getPrimaryDisplay();
    const auto screenHeight = display != nullptr ? display->userArea.getHeight() : 768;

    juce::DialogWindow::LaunchOptions options;
    options.content.setOwned (new AudioSettingsDialog (
        std::make_unique<AudioSettingsPanel> (deviceManager, muteInput, maxInputChannels, maxOutputChannels),
        screenHeight - screenReserve));
    options.dialogTitle = "Audio Settings";
    options.dialogBackgroundColour =
        options.content->getLookAndFeel().findColour (juce::ResizableWindow::backgroundColourId);
    options.componentToCentreAround = centreAround;
    options.escapeKeyTriggersCloseButton = true;
    options.useNativeTitleBar = true;
    options.resizable = false;
    options.launchAsync();
}

void AudioSettingsDialog::resized()
{
    viewport.setBounds (getLocalBounds());
}

void AudioSettingsDialog::componentMovedOrResized (juce::Component&, bool, bool wasResized)
{
    if (wasResized)
        fitToPanel();
}

void AudioSettingsDialog::fitToPanel()
{
    const auto height = std::min (panelShown->getHeight(), maxHeight);
    const auto scrollBar = panelShown->getHeight() > maxHeight ? viewport.getScrollBarThickness() : 0;
    setSize (panelShown->getWidth() + scrollBar, height);
}

} // namespace partita
