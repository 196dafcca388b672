// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// JUCE's standalone plugin holder (the plugin, the audio device and the saved
// settings); only the standalone app's target compiles this file. The header
// needs what JUCE's own standalone app includes before it, in this order
// (which sorting the includes would break).
// clang-format off
#include <juce_audio_plugin_client/juce_audio_plugin_client.h>
#include <juce_audio_plugin_client/utility/juce_CreatePluginFilter.h>
#include <juce_audio_utils/juce_audio_utils.h>
#include <juce_gui_extra/juce_gui_extra.h>
#include <juce_audio_plugin_client/Standalone/juce_StandaloneFilterWindow.h>
// clang-format on

#include <memory>

namespace partita
{

class MeasureWindow;

/** The standalone app's main window, in place of JUCE's StandaloneFilterWindow:
    the same Options menu and device handling (JUCE's StandalonePluginHolder),
    with Partita's own audio settings (no MIDI section; fitted to the screen),
    a Measure window (MeasureWindow) and a banner that says in plain words why the input is muted and how to
    hear it (StandaloneContent).

    Threading: message thread. */
class StandaloneWindow final : public juce::DocumentWindow
{
public:
    StandaloneWindow (const juce::String& title, juce::PropertySet* settings);
    ~StandaloneWindow() override;

    [[nodiscard]] juce::StandalonePluginHolder& pluginHolder() const { return *holder; }

    void closeButtonPressed() override;
    void resized() override;

private:
    void showOptionsMenu();
    void showAudioSettings();
    void showMeasureWindow();
    void resetToDefaultState();
    void showContent();
    void placeOnScreen();

    std::unique_ptr<juce::StandalonePluginHolder> holder;
    juce::TextButton optionsButton { "Options" };
    /** Made when first asked for; destroyed before the holder. */
    std::unique_ptr<MeasureWindow> measureWindow;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (StandaloneWindow)
};

} // namespace partita
