// SPDX-License-Identifier: GPL-3.0-or-later
#include "plugin/PluginEditor.h"

#include "EditorTestSupport.h"
#include "PluginTestHelpers.h"
#include "TestSignals.h"
#include "plugin/FactoryImpulseResponses.h"
#include "processor/ParameterTable.h"

#include <gtest/gtest.h>

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

TEST (PluginEditor, EveryControlIsReachableWithTabInReadingOrder)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    auto editor = openEditor (*plugin);
    const auto order = editor->focusOrder();
    EXPECT_EQ (order.size(), 7u + parameterCount); // the header's seven buttons, then the controls

    std::set<juce::Component*> unique (order.begin(), order.end());
    EXPECT_EQ (unique.size(), order.size());

    // JUCE's own traverser decides where Tab goes: it must visit the
    // controls in our order.
    const auto traverser = editor->createKeyboardFocusTraverser();
    std::vector<juce::Component*> visited;
    for (auto* component : traverser->getAllComponents (editor.get()))
        if (unique.contains (component))
            visited.push_back (component);
    EXPECT_EQ (visited, order);
    for (auto* component : order)
        EXPECT_TRUE (component->getWantsKeyboardFocus()) << component->getTitle();
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
    loadFactoryAndWait (*plugin, showcaseIr());

    // Some audio through it, so the CPU figure is a real one.
    const test::Channels input { test::whiteNoise (48000, 1), test::whiteNoise (48000, 2) };
    (void)test::renderThroughPlugin (*plugin, input, 2, 48000, 4, 512);

    auto editor = openEditor (*plugin);
    editor->setSize (PartitaEditor::defaultWidth, PartitaEditor::defaultHeight);
    editor->refresh();
    pumpMessages (50);
    editor->refresh();

    const auto image = editor->createComponentSnapshot (editor->getLocalBounds(), true, 1.0f);
    ASSERT_EQ (image.getWidth(), PartitaEditor::defaultWidth);

    // A real drawing has many colours; a blank or failed one has one or two.
    std::set<juce::uint32> colours;
    for (int y = 0; y < image.getHeight(); y += 7)
        for (int x = 0; x < image.getWidth(); x += 7)
            colours.insert (image.getPixelAt (x, y).getARGB());
    EXPECT_GT (colours.size(), 50u);

    juce::File folder (PARTITA_SCREENSHOT_DIR);
    folder.createDirectory();
    auto targets = juce::Array<juce::File> { folder.getChildFile ("editor.png") };
    if (const auto* extra = std::getenv ("PARTITA_SCREENSHOT_OUTPUT"); extra != nullptr && *extra != 0)
        targets.add (juce::File (juce::String (extra)));
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
} // namespace partita
