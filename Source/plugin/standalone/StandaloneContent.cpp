// SPDX-License-Identifier: GPL-3.0-or-later
#include "StandaloneContent.h"

namespace partita
{

StandaloneContent::StandaloneContent (std::unique_ptr<juce::AudioProcessorEditor> editor, juce::Value& muteInput,
                                      bool feedbackIsPossible, std::function<void()> openAudioSettings)
    : canFeedBack (feedbackIsPossible)
    , banner (std::move (openAudioSettings))
    , pluginEditor (std::move (editor))
{
    muted.referTo (muteInput);
    muted.addListener (this);
    addChildComponent (banner);
    addAndMakeVisible (*pluginEditor);
    pluginEditor->addComponentListener (this);
    valueChanged (muted);
}

StandaloneContent::~StandaloneContent()
{
    muted.removeListener (this);
    pluginEditor->removeComponentListener (this);
    // What every plugin wrapper does before it deletes the editor.
    pluginEditor->processor.editorBeingDeleted (pluginEditor.get());
}

int StandaloneContent::bannerHeight() const
{
    return banner.isVisible() ? banner.heightForWidth (pluginEditor->getWidth()) : 0;
}

void StandaloneContent::fitToEditor()
{
    setSize (pluginEditor->getWidth(), bannerHeight() + pluginEditor->getHeight());
}

void StandaloneContent::resized()
{
    // The editor's size is its own (its corner resizes it); only its place is set here.
    const auto top = bannerHeight();
    banner.setBounds (0, 0, getWidth(), top);
    pluginEditor->setTopLeftPosition (0, top);
}

void StandaloneContent::valueChanged (juce::Value&)
{
    banner.setVisible (canFeedBack && static_cast<bool> (muted.getValue()));
    fitToEditor();
    resized();
}

void StandaloneContent::componentMovedOrResized (juce::Component&, bool, bool wasResized)
{
    if (wasResized)
        fitToEditor();
}

} // namespace partita
