// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "InputMutedBanner.h"

#include <juce_audio_processors/juce_audio_processors.h>

#include <functional>
#include <memory>

namespace partita
{

/** The standalone app's window content: the plugin's editor, with the
    InputMutedBanner above it while the input is muted (and the processor
    has inputs and outputs, where feedback can happen). Its size follows the
    editor's (the editor's corner resizes the window).

    Threading: message thread. */
class StandaloneContent final : public juce::Component, private juce::Value::Listener, private juce::ComponentListener
{
public:
    /** editor: owned from here on. muteInput: the app's "mute the input" value. */
    StandaloneContent (std::unique_ptr<juce::AudioProcessorEditor> editor, juce::Value& muteInput, bool canFeedBack,
                       std::function<void()> openAudioSettings);
    ~StandaloneContent() override;

    [[nodiscard]] bool isBannerShown() const { return banner.isVisible(); }
    [[nodiscard]] juce::AudioProcessorEditor& editor() const { return *pluginEditor; }

    void resized() override;

private:
    void valueChanged (juce::Value&) override;
    void componentMovedOrResized (juce::Component&, bool wasMoved, bool wasResized) override;
    void fitToEditor();
    [[nodiscard]] int bannerHeight() const;

    juce::Value muted;
    bool canFeedBack;
    InputMutedBanner banner;
    std::unique_ptr<juce::AudioProcessorEditor> pluginEditor;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (StandaloneContent)
};

} // namespace partita
