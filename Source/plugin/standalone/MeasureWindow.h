// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MeasurePanel.h"

// JUCE's standalone plugin holder; only the standalone app's target compiles
// this file (StandaloneWindow.h says why the includes come in this order).
// clang-format off
#include <juce_audio_plugin_client/juce_audio_plugin_client.h>
#include <juce_audio_utils/juce_audio_utils.h>
#include <juce_gui_extra/juce_gui_extra.h>
#include <juce_audio_plugin_client/Standalone/juce_StandaloneFilterWindow.h>
// clang-format on

namespace partita
{

/** The standalone app's Measure window (Options > Measure...): a
    MeasurePanel on the app's audio device. While it measures, the
    recorder is one more callback of the app's AudioDeviceManager and the
    plugin is taken off the device's player (StandalonePluginHolder::
    stopPlaying: the player then outputs silence), so the sweep is not
    convolved or fed back through the reverb and the recording is of the
    room alone; it plays again as soon as the recording is whole. The
    channel lists follow the device (a change in Audio Settings).

    Threading: message thread. */
class MeasureWindow final : public juce::DocumentWindow, private juce::ChangeListener
{
public:
    explicit MeasureWindow (juce::StandalonePluginHolder& holder);
    ~MeasureWindow() override;

    /** The device's active channels by name, in the callback's order. */
    static MeasureChannels channelsOf (juce::AudioDeviceManager& deviceManager);

    void closeButtonPressed() override;

private:
    void changeListenerCallback (juce::ChangeBroadcaster*) override;
    [[nodiscard]] MeasurePanel::Callbacks callbacks();

    juce::StandalonePluginHolder& pluginHolder;
    MeasurePanel* panel = nullptr;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (MeasureWindow)
};

} // namespace partita
