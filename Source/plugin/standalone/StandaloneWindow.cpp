// SPDX-License-Identifier: GPL-3.0-or-later
#include "StandaloneWindow.h"

#include "AudioSettingsDialog.h"
#include "MeasureWindow.h"
#include "StandaloneContent.h"

#include <algorithm>

namespace partita
{
namespace
{
enum MenuItem
{
    audioSettings = 1,
    measure,
    saveState,
    loadState,
    resetState
};

/** The main bus's channels in one direction, as JUCE's standalone dialog counts them. */
int mainBusChannels (juce::AudioProcessor& processor, bool isInput)
{
    if (auto* bus = processor.getBus (isInput, 0))
        return std::max (0, bus->getDefaultLayout().size());
    return 0;
}
} // namespace

StandaloneWindow::StandaloneWindow (const juce::String& title, juce::PropertySet* settings)
    : juce::DocumentWindow (
        title, juce::LookAndFeel::getDefaultLookAndFeel().findColour (juce::ResizableWindow::backgroundColourId),
        juce::DocumentWindow::minimiseButton | juce::DocumentWindow::closeButton)
{
    setTitleBarButtonsRequired (juce::DocumentWindow::minimiseButton | juce::DocumentWindow::closeButton, false);
    juce::Component::addAndMakeVisible (optionsButton);
    optionsButton.setTriggeredOnMouseDown (true);
    optionsButton.onClick = [this] { showOptionsMenu(); };

    holder = std::make_unique<juce::StandalonePluginHolder> (settings, false);
    showContent();
    placeOnScreen();
}

StandaloneWindow::~StandaloneWindow()
{
    if (auto* settings = holder->settings.get())
    {
        settings->setValue ("windowX", getX());
        settings->setValue ("windowY", getY());
    }
    measureWindow.reset();
    holder->stopPlaying();
    clearContentComponent();
    holder.reset();
}

void StandaloneWindow::showContent()
{
    auto& processor = *holder->processor;
    std::unique_ptr<juce::AudioProcessorEditor> editor (processor.createEditorIfNeeded());
    if (editor == nullptr)
        editor = std::make_unique<juce::GenericAudioProcessorEditor> (processor);
    // Resized with the editor's own corner: the window follows its content.
    setContentOwned (new StandaloneContent (std::move (editor), holder->getMuteInputValue(),
                                            holder->getProcessorHasPotentialFeedbackLoop(),
                                            [this] { showAudioSettings(); }),
                     true);
}

void StandaloneWindow::placeOnScreen()
{
    // Where the user left it (JUCE's keys), else centred on the main screen;
    // whole on the screen either way: the editor gives up height and width
    // down to its minimum, so that the title bar and its Options button
    // stay reachable on a small screen.
    auto* settings = holder->settings.get();
    const auto remembered =
        settings != nullptr && settings->containsKey ("windowX") && settings->containsKey ("windowY");
    const juce::Point<int> place =
        remembered ? juce::Point<int> (settings->getIntValue ("windowX"), settings->getIntValue ("windowY"))
                   : juce::Point<int>();
    const auto& displays = juce::Desktop::getInstance().getDisplays();
    const auto* display = remembered ? displays.getDisplayForPoint (place) : displays.getPrimaryDisplay();
    if (display == nullptr)
        display = displays.getPrimaryDisplay();
    if (display == nullptr)
    {
        centreWithSize (getWidth(), getHeight());
        return;
    }
    const auto screen = display->userArea;

    if (auto* content = dynamic_cast<StandaloneContent*> (getContentComponent()))
    {
        auto& editor = content->editor();
        const auto excessWidth = std::max (0, getWidth() - screen.getWidth());
        const auto excessHeight = std::max (0, getHeight() - screen.getHeight());
        if (excessWidth > 0 || excessHeight > 0)
        {
            const auto* limits = editor.getConstrainer();
            const auto minimumWidth = limits != nullptr ? limits->getMinimumWidth() : 0;
            const auto minimumHeight = limits != nullptr ? limits->getMinimumHeight() : 0;
            editor.setSize (std::max (minimumWidth, editor.getWidth() - excessWidth),
                            std::max (minimumHeight, editor.getHeight() - excessHeight));
        }
    }

    const auto start = remembered ? place : screen.getCentre() - juce::Point<int> (getWidth() / 2, getHeight() / 2);
    setTopLeftPosition (
        std::clamp (start.x, screen.getX(), std::max (screen.getX(), screen.getRight() - getWidth())),
        std::clamp (start.y, screen.getY(), std::max (screen.getY(), screen.getBottom() - getHeight())));
}

void StandaloneWindow::showAudioSettings()
{
    auto& processor = *holder->processor;
    AudioSettingsDialog::show (holder->deviceManager, holder->getMuteInputValue(), mainBusChannels (processor, true),
                               mainBusChannels (processor, false), this);
}

void StandaloneWindow::showMeasureWindow()
{
    if (measureWindow == nullptr)
        measureWindow = std::make_unique<MeasureWindow> (*holder);
    measureWindow->setVisible (true);
    measureWindow->toFront (true);
}

void StandaloneWindow::showOptionsMenu()
{
    juce::PopupMenu menu;
    menu.addItem (audioSettings, "Audio Settings...");
    menu.addItem (measure, "Measure...");
    menu.addSeparator();
    menu.addItem (saveState, "Save current state...");
    menu.addItem (loadState, "Load a saved state...");
    menu.addSeparator();
    menu.addItem (resetState, "Reset to default state");
    menu.showMenuAsync (juce::PopupMenu::Options().withTargetComponent (optionsButton),
                        [safeThis = juce::Component::SafePointer<StandaloneWindow> (this)] (int result)
                        {
                            if (safeThis == nullptr)
                                return;
                            switch (result)
                            {
                                case audioSettings:
                                    safeThis->showAudioSettings();
                                    break;
                                case measure:
                                    safeThis->showMeasureWindow();
                                    break;
                                case saveState:
                                    safeThis->holder->askUserToSaveState();
                                    break;
                                case loadState:
                                    safeThis->holder->askUserToLoadState();
                                    break;
                                case resetState:
                                    safeThis->resetToDefaultState();
                                    break;
                                default:
                                    break;
                            }
                        });
}

void StandaloneWindow::resetToDefaultState()
{
    // As JUCE's window does it: a new plugin, with the saved state forgotten.
    measureWindow.reset();
    holder->stopPlaying();
    clearContentComponent();
    holder->deletePlugin();
    if (auto* settings = holder->settings.get())
        settings->removeValue ("filterState");
    holder->createPlugin();
    showContent();
    holder->startPlaying();
}

void StandaloneWindow::closeButtonPressed()
{
    holder->savePluginState();
    juce::JUCEApplicationBase::quit();
}

void StandaloneWindow::resized()
{
    juce::DocumentWindow::resized();
    optionsButton.setBounds (8, 6, 60, getTitleBarHeight() - 8);
}

} // namespace partita
