// SPDX-License-Identifier: GPL-3.0-or-later
// The standalone app's own parts: the banner while the input is muted, the
// audio settings (no MIDI; never taller than the screen) and the window's
// content. The app around them (StandaloneWindow) needs JUCE's standalone
// wrapper, so it is shown by screenshots (docs/plugin.md), not tested here.
#include "EditorTestSupport.h"
#include "PluginTestHelpers.h"
#include "plugin/standalone/AudioSettingsDialog.h"
#include "plugin/standalone/AudioSettingsPanel.h"
#include "plugin/standalone/InputMutedBanner.h"
#include "plugin/standalone/StandaloneContent.h"

#include <gtest/gtest.h>

#include <functional>

namespace partita
{
namespace
{
/** Every component under root, root excluded. */
void forEachDescendant (juce::Component& root, const std::function<void (juce::Component&)>& visit)
{
    for (auto* child : root.getChildren())
    {
        visit (*child);
        forEachDescendant (*child, visit);
    }
}

/** Whether any text, name or title under root speaks of MIDI. */
bool mentionsMidi (juce::Component& root)
{
    bool found = false;
    forEachDescendant (root,
                       [&found] (juce::Component& component)
                       {
                           auto words = component.getName() + " " + component.getTitle();
                           if (auto* label = dynamic_cast<juce::Label*> (&component))
                               words += " " + label->getText();
                           if (auto* button = dynamic_cast<juce::Button*> (&component))
                               words += " " + button->getButtonText();
                           found = found || words.containsIgnoreCase ("midi");
                       });
    return found;
}

/** The device types this machine's JUCE build offers (ALSA and JACK on Linux). */
juce::StringArray deviceTypes (juce::AudioDeviceManager& manager)
{
    juce::StringArray names;
    for (auto* type : manager.getAvailableDeviceTypes())
        names.add (type->getTypeName());
    return names;
}
} // namespace

TEST (InputMutedBanner, SaysWhyTheInputIsMutedAndHowToHearItInFull)
{
    // JUCE's banner said only "Audio input is muted to avoid feedback loop".
    const auto message = InputMutedBanner::message();
    EXPECT_TRUE (message.contains ("microphone near your speakers")) << message;
    EXPECT_TRUE (message.contains ("untick \"Mute audio input\" in Options > Audio Settings")) << message;

    bool opened = false;
    InputMutedBanner banner ([&opened] { opened = true; });
    for (const int width : { 780, 1000, 1600 })
    {
        banner.setSize (width, banner.heightForWidth (width));
        const auto labels = test::labelsOf (banner);
        ASSERT_EQ (labels.size(), 1u);
        EXPECT_EQ (labels.front()->getText(), message);
        EXPECT_TRUE (test::fitsInFull (*labels.front())) << width;
    }
    juce::Button* settings = nullptr;
    for (auto* child : banner.getChildren())
        if (auto* button = dynamic_cast<juce::Button*> (child))
            settings = button;
    ASSERT_NE (settings, nullptr);
    EXPECT_EQ (settings->getButtonText(), "Audio Settings...");
    settings->triggerClick();
    test::pumpMessages (50); // JUCE delivers a triggered click as a message
    EXPECT_TRUE (opened);
}

TEST (AudioSettingsPanel, HasNoMidiSectionAndHoldsEveryRowForEachDeviceType)
{
    // Found by a new user: after choosing ALSA, JUCE's dialog's MIDI input
    // list ran past the dialog's edge. Partita takes no MIDI.
    juce::AudioDeviceManager manager;
    juce::Value muted (true);
    AudioSettingsPanel panel (manager, muted, 2, 2);
    const auto types = deviceTypes (manager);
    ASSERT_FALSE (types.isEmpty());

    // Each type twice, as a user going back and forth would (the rows change).
    for (const auto& type : { types, types })
        for (const auto& name : type)
        {
            manager.setCurrentAudioDeviceType (name, true);
            test::pumpMessages (20);
            EXPECT_FALSE (mentionsMidi (panel)) << name;
            forEachDescendant (panel,
                               [&panel, &name] (juce::Component& component)
                               {
                                   if (!component.isVisible())
                                       return;
                                   const auto bounds = panel.getLocalArea (&component, component.getLocalBounds());
                                   EXPECT_TRUE (panel.getLocalBounds().contains (bounds))
                                       << name << ": '" << component.getName() << "' at " << bounds.toString()
                                       << " outside " << panel.getLocalBounds().toString();
                               });
        }

    // The toggle is the app's value.
    juce::ToggleButton* mute = nullptr;
    forEachDescendant (panel,
                       [&mute] (juce::Component& component)
                       {
                           if (auto* toggle = dynamic_cast<juce::ToggleButton*> (&component);
                               toggle != nullptr && toggle->getButtonText() == "Mute audio input")
                               mute = toggle;
                       });
    ASSERT_NE (mute, nullptr);
    EXPECT_TRUE (mute->getToggleState());
    muted = false;
    test::pumpMessages (50);
    EXPECT_FALSE (mute->getToggleState());
}

TEST (AudioSettingsDialog, IsAsTallAsThePanelButNeverTallerThanTheScreen)
{
    juce::AudioDeviceManager manager;
    juce::Value muted (true);
    const AudioSettingsDialog roomy (std::make_unique<AudioSettingsPanel> (manager, muted, 2, 2), 2000);
    EXPECT_EQ (roomy.getHeight(), roomy.panel().getHeight());
    EXPECT_EQ (roomy.getWidth(), AudioSettingsPanel::width);

    // A screen shorter than the panel: the dialog stops at it and scrolls.
    const auto panelHeight = roomy.panel().getHeight();
    ASSERT_GT (panelHeight, 120);
    const AudioSettingsDialog cramped (std::make_unique<AudioSettingsPanel> (manager, muted, 2, 2), 120);
    EXPECT_EQ (cramped.getHeight(), 120);
    EXPECT_GT (cramped.getWidth(), AudioSettingsPanel::width); // room for the scroll bar
    EXPECT_EQ (cramped.panel().getHeight(), panelHeight);
}

TEST (StandaloneContent, ShowsTheBannerAboveTheEditorWhileTheInputIsMuted)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    test::preparePlugin (*plugin, 48000.0, 512, 2, 2);
    test::loadFactoryAndWait (*plugin, 0);
    juce::Value muted (true);
    int settingsOpened = 0;
    StandaloneContent content (test::openEditor (*plugin), muted, true, [&settingsOpened] { ++settingsOpened; });
    const auto& editor = content.editor();
    EXPECT_TRUE (content.isBannerShown());
    EXPECT_GT (editor.getY(), 0);
    EXPECT_EQ (content.getHeight(), editor.getBottom());
    EXPECT_EQ (content.getWidth(), editor.getWidth());
    test::saveSnapshot (content, "standalone-content-muted.png");

    muted = false; // the user unticked "Mute audio input"
    test::pumpMessages (50); // a juce::Value tells its listeners asynchronously
    EXPECT_FALSE (content.isBannerShown());
    EXPECT_EQ (editor.getY(), 0);
    EXPECT_EQ (content.getHeight(), editor.getHeight());

    // The editor's corner resizes it: the content follows.
    muted = true;
    test::pumpMessages (50);
    content.editor().setSize (800, 600);
    EXPECT_EQ (content.getWidth(), 800);
    EXPECT_EQ (content.getHeight(), editor.getY() + 600);

    // No banner where no feedback can happen (no input or no output).
    juce::Value alsoMuted (true);
    auto other = test::makePlugin (directory);
    StandaloneContent withoutFeedback (test::openEditor (*other), alsoMuted, false, [] {});
    EXPECT_FALSE (withoutFeedback.isBannerShown());
    EXPECT_EQ (settingsOpened, 0);
}

} // namespace partita
