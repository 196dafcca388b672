// SPDX-License-Identifier: GPL-3.0-or-later
#include "plugin/PluginEditor.h"

#include "EditorTestSupport.h"
#include "PluginTestHelpers.h"
#include "TestSignals.h"
#include "plugin/EditorPages.h"
#include "plugin/FactoryImpulseResponses.h"
#include "processor/ParameterTable.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>
#include <thread>

namespace partita
{
using test::loadFactoryAndWait;
using test::openEditor;
using test::pumpMessages;
using test::showcaseIr;

TEST (PluginEditor, OpensShowsTheIrAndClosesRepeatedly)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    test::preparePlugin (*plugin, 48000.0, 512, 2, 2);
    loadFactoryAndWait (*plugin, showcaseIr());
    const auto name = juce::String (factoryImpulseResponses()[showcaseIr()].displayName);

    for (int round = 0; round < 5; ++round)
    {
        auto editor = openEditor (*plugin);
        ASSERT_NE (editor, nullptr);
        editor->addToDesktop (0);
        editor->setVisible (true);
        pumpMessages (50);
        editor->refresh();
        EXPECT_TRUE (editor->impulseResponseText().contains (name)) << editor->impulseResponseText();
        EXPECT_TRUE (editor->messageText().contains ("Loaded")) << editor->messageText();
        editor.reset();
        pumpMessages (10);
    }
    EXPECT_EQ (plugin->getActiveEditor(), nullptr);
}

TEST (PluginEditor, EveryControlIsReachableWithTabInReadingOrderOnEveryPage)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    auto editor = openEditor (*plugin);
    auto& rows = test::controlRowsOf (*editor);

    std::set<juce::Component*> everyControl;
    for (const auto* page : rows.pages())
        for (auto* control : page->controls())
            everyControl.insert (&control->focusTarget());
    ASSERT_EQ (everyControl.size(), parameterCount);

    std::set<juce::Component*> reached;
    for (const auto page : rows.pageSections())
    {
        rows.showPage (page);
        const auto order = editor->focusOrder();
        std::set<juce::Component*> unique (order.begin(), order.end());
        EXPECT_EQ (unique.size(), order.size());
        // The page selector (its selected tab) comes right after the header's buttons.
        EXPECT_TRUE (unique.contains (&rows.pageTabs().focusTarget()));

        // JUCE's own traverser decides where Tab goes: it must visit the
        // controls in our order, and no control of a hidden page.
        const auto traverser = editor->createKeyboardFocusTraverser();
        std::vector<juce::Component*> visited;
        for (auto* component : traverser->getAllComponents (editor.get()))
        {
            if (unique.contains (component))
                visited.push_back (component);
            else if (everyControl.contains (component))
                ADD_FAILURE() << "Tab reaches '" << component->getTitle() << "' on a hidden page";
        }
        // The selector is one stop: the other tabs are the arrows' to reach.
        for (auto* tab : rows.pageTabs().tabs())
            EXPECT_EQ (tab->getWantsKeyboardFocus(), tab == &rows.pageTabs().focusTarget()) << tab->getButtonText();
        EXPECT_EQ (visited, order) << EditorPages::key (page);
        for (auto* component : order)
        {
            EXPECT_TRUE (component->getWantsKeyboardFocus()) << component->getTitle();
            if (everyControl.contains (component))
                reached.insert (component);
        }
    }
    // Every parameter's control on one page or another.
    EXPECT_EQ (reached, everyControl);
}

TEST (PluginEditor, SpaceAndEnterPressTheFocusedButton)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    test::preparePlugin (*plugin, 48000.0, 512, 2, 2);
    loadFactoryAndWait (*plugin, 0);
    ASSERT_NE (plugin->convolver().impulseResponseInfo(), nullptr);

    auto editor = openEditor (*plugin);
    editor->addToDesktop (0);
    editor->setVisible (true);
    pumpMessages (50);

    // The fourth stop of the focus order is "Unload".
    auto* unload = editor->focusOrder()[3];
    ASSERT_EQ (dynamic_cast<juce::Button*> (unload)->getButtonText(), "Unload");
    // The window must be mapped before it can take the focus.
    for (int attempt = 0; attempt < 50 && !unload->hasKeyboardFocus (false); ++attempt)
    {
        editor->toFront (true);
        unload->grabKeyboardFocus();
        pumpMessages (20);
    }
    if (!unload->hasKeyboardFocus (false))
        GTEST_SKIP() << "the virtual display gives no keyboard focus";
    EXPECT_TRUE (editor->keyPressed (juce::KeyPress (juce::KeyPress::spaceKey)));
    pumpMessages (50); // JUCE delivers a triggered click as a message
    EXPECT_TRUE (juce::String (plugin->status().text).startsWith ("No IR loaded")) << plugin->status().text;

    // Enter works too (JUCE's buttons handle it): "Recent" opens its menu.
    auto* recent = editor->focusOrder()[2];
    recent->grabKeyboardFocus();
    EXPECT_TRUE (recent->keyPressed (juce::KeyPress (juce::KeyPress::returnKey)));
    pumpMessages (50);
    EXPECT_TRUE (juce::PopupMenu::dismissAllActiveMenus()) << "the menu did not open";
}

TEST (PluginEditor, TabReachesThePageTabsAndTheArrowKeysThereSwitchPages)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    auto editor = openEditor (*plugin);
    editor->addToDesktop (0);
    editor->setVisible (true);
    pumpMessages (50);
    auto& rows = test::controlRowsOf (*editor);
    const auto pages = rows.pageSections();
    ASSERT_GE (pages.size(), 2u);

    // Tab from the last of the header's buttons lands on the selected tab.
    const auto order = editor->focusOrder();
    auto* tab = &rows.pageTabs().focusTarget();
    const auto tabAt = std::find (order.begin(), order.end(), tab);
    ASSERT_NE (tabAt, order.end());
    ASSERT_NE (tabAt, order.begin());
    auto* before = *std::prev (tabAt);
    for (int attempt = 0; attempt < 50 && !before->hasKeyboardFocus (false); ++attempt)
    {
        editor->toFront (true);
        before->grabKeyboardFocus();
        pumpMessages (20);
    }
    if (!before->hasKeyboardFocus (false))
        GTEST_SKIP() << "the virtual display gives no keyboard focus";
    auto* peer = editor->getPeer();
    ASSERT_NE (peer, nullptr);
    // As the window gets them: to the focused component, then up its parents.
    ASSERT_TRUE (peer->handleKeyPress (juce::KeyPress (juce::KeyPress::tabKey)));
    EXPECT_TRUE (tab->hasKeyboardFocus (false));

    ASSERT_TRUE (peer->handleKeyPress (juce::KeyPress (juce::KeyPress::rightKey)));
    EXPECT_EQ (rows.shownPage(), pages[1]);
    // The focus follows to the newly selected tab, the selector's one stop.
    EXPECT_TRUE (rows.pageTabs().focusTarget().hasKeyboardFocus (false));
    EXPECT_NE (&rows.pageTabs().focusTarget(), tab);
    ASSERT_TRUE (peer->handleKeyPress (juce::KeyPress (juce::KeyPress::homeKey)));
    EXPECT_EQ (rows.shownPage(), pages.front());

    // Tab from the selector goes into the shown page's first control.
    ASSERT_TRUE (peer->handleKeyPress (juce::KeyPress (juce::KeyPress::tabKey)));
    const auto* shown = rows.pages().front();
    ASSERT_EQ (shown->section(), pages.front());
    EXPECT_TRUE (shown->controls().front()->focusTarget().hasKeyboardFocus (false));
}

TEST (PluginEditor, DimsThePreDelayThatIsNotInEffect)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    auto editor = openEditor (*plugin);
    const auto alphaOf = [&] (const juce::String& id)
    {
        for (const auto* page : test::controlRowsOf (*editor).pages())
            for (const auto* control : page->controls())
                if (control->parameterId() == id)
                    return control->getAlpha();
        ADD_FAILURE() << "no control for " << id;
        return 0.0f;
    };

    editor->refresh();
    EXPECT_EQ (alphaOf ("preDelay"), 1.0f);
    EXPECT_LT (alphaOf ("preDelayNote"), 1.0f);

    test::setParameter (*plugin, "preDelaySync", 1.0f);
    editor->refresh();
    EXPECT_LT (alphaOf ("preDelay"), 1.0f);
    EXPECT_EQ (alphaOf ("preDelayNote"), 1.0f);
}

TEST (PluginEditor, IsResizableWithinLimits)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    auto editor = openEditor (*plugin);
    ASSERT_NE (editor, nullptr);
    const juce::AudioProcessorEditor& view = *editor;
    EXPECT_TRUE (view.isResizable());
    const auto* constrainer = editor->getConstrainer();
    ASSERT_NE (constrainer, nullptr);
    EXPECT_EQ (constrainer->getMinimumWidth(), 900);
    EXPECT_EQ (constrainer->getMinimumHeight(), 560);
    for (const auto& size :
         { juce::Point<int> (900, 560), juce::Point<int> (1600, 1000), juce::Point<int> (1000, 660) })
    {
        editor->setSize (size.x, size.y);
        for (auto* child : editor->getChildren())
            EXPECT_TRUE (editor->getLocalBounds().contains (child->getBounds())) << child->getTitle();
    }
}

TEST (PluginEditor, ADroppedBadFileShowsTheReasonAndKeepsTheIr)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    test::preparePlugin (*plugin, 48000.0, 512, 2, 2);
    loadFactoryAndWait (*plugin, 0);
    auto editor = openEditor (*plugin);

    const auto bad = directory / "broken.wav";
    std::ofstream (bad) << "RIFF this is not a WAV file at all";
    const juce::StringArray files { juce::String (bad.string()) };
    EXPECT_TRUE (editor->isInterestedInFileDrag (files));
    editor->filesDropped (files, 10, 10);
    ASSERT_TRUE (plugin->waitForPendingLoads (std::chrono::seconds (5)));
    editor->refresh();
    EXPECT_TRUE (editor->messageText().startsWith ("Error: ")) << editor->messageText();
    EXPECT_TRUE (editor->messageText().contains ("broken.wav")) << editor->messageText();
    EXPECT_NE (plugin->convolver().impulseResponseInfo(), nullptr);
    EXPECT_FALSE (editor->isInterestedInFileDrag ({ "notes.txt" }));
}

TEST (PluginEditor, WritesAScreenshotOfTheRealEditor)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    test::preparePlugin (*plugin, 48000.0, 512, 2, 2);
    test::setParameter (*plugin, "mix", 35.0f);
    test::setParameter (*plugin, "preDelay", 18.0f);
    test::setParameter (*plugin, "irEnd", 400.0f);
    test::setParameter (*plugin, "lowCut", 120.0f);
    test::setParameter (*plugin, "highCut", 9000.0f);
    // The envelope and the equaliser at work, so that their curves show.
    test::setParameter (*plugin, "reverbTime", 70.0f);
    test::setParameter (*plugin, "earlyLevel", 2.0f);
    test::setParameter (*plugin, "peak1Gain", -4.0f);
    test::setParameter (*plugin, "highShelfGain", 3.0f);
    test::setParameter (*plugin, "maxIrLength", 1600.0f);
    loadFactoryAndWait (*plugin, showcaseIr());

    // Some audio through it, so the CPU figure is a real one.
    const test::Channels input { test::whiteNoise (48000, 1), test::whiteNoise (48000, 2) };
    (void)test::renderThroughPlugin (*plugin, input, 2, 48000, 4, 512);

    auto editor = openEditor (*plugin);
    editor->setSize (PartitaEditor::defaultWidth, PartitaEditor::defaultHeight);
    auto& rows = test::controlRowsOf (*editor);

    // PARTITA_SCREENSHOT_PAGE (a key: ir, envelope, eq, slots, analysis) picks the page
    // PARTITA_SCREENSHOT_OUTPUT gets; every page is written to the
    // screenshot folder as editor-<key>.png (scripts/editor-screenshot.sh).
    auto pages = rows.pageSections();
    auto wanted = pages.front();
    if (const auto* page = std::getenv ("PARTITA_SCREENSHOT_PAGE"); page != nullptr && *page != 0)
    {
        const auto section = EditorPages::fromKey (page);
        juce::StringArray keys;
        for (const auto shown : pages)
            keys.add (EditorPages::key (shown));
        const auto available = section.has_value() && std::find (pages.begin(), pages.end(), *section) != pages.end();
        ASSERT_TRUE (available) << "no page '" << page << "' (pages: " << keys.joinIntoString (", ") << ")";
        wanted = *section;
    }

    juce::File folder (PARTITA_SCREENSHOT_DIR);
    folder.createDirectory();
    // The wanted page last: the editor stays on it, as the remembered page.
    std::stable_partition (pages.begin(), pages.end(), [wanted] (EditorSection page) { return page != wanted; });
    for (const auto page : pages)
    {
        rows.showPage (page);
        editor->refresh();
        pumpMessages (50);
        editor->refresh();
        // The analysis page's figures come from a job thread: wait for them.
        if (page == EditorSection::analysis)
        {
            ASSERT_TRUE (editor->analysis().waitAndShow (std::chrono::seconds (30)));
            ASSERT_TRUE (editor->analysis().curves().analysis().has_value()) << editor->analysis().curves().reason();
        }

        const auto image = editor->createComponentSnapshot (editor->getLocalBounds(), true, 1.0f);
        ASSERT_EQ (image.getWidth(), PartitaEditor::defaultWidth);

        // A real drawing has many colours; a blank or failed one has one or two.
        std::set<juce::uint32> colours;
        for (int y = 0; y < image.getHeight(); y += 7)
            for (int x = 0; x < image.getWidth(); x += 7)
                colours.insert (image.getPixelAt (x, y).getARGB());
        EXPECT_GT (colours.size(), 50u);

        auto targets = juce::Array<juce::File> { folder.getChildFile ("editor-" + EditorPages::key (page) + ".png") };
        if (page == wanted)
        {
            targets.add (folder.getChildFile ("editor.png"));
            if (const auto* extra = std::getenv ("PARTITA_SCREENSHOT_OUTPUT"); extra != nullptr && *extra != 0)
                targets.add (juce::File (juce::String (extra)));
        }
        for (const auto& target : targets)
        {
            target.deleteFile();
            juce::FileOutputStream stream (target);
            ASSERT_TRUE (stream.openedOk()) << target.getFullPathName();
            ASSERT_TRUE (juce::PNGImageFormat().writeImageToStream (image, stream));
            stream.flush();
            EXPECT_GT (target.getSize(), 10000) << target.getFullPathName();
            std::printf ("  screenshot: %s\n", target.getFullPathName().toRawUTF8());
        }
    }
    EXPECT_EQ (rows.shownPage(), wanted);
}
} // namespace partita
