// SPDX-License-Identifier: GPL-3.0-or-later
#include "plugin/BrowserPanel.h"

#include "CraftedAudioFiles.h"
#include "EditorTestSupport.h"
#include "PluginTestHelpers.h"
#include "TestSignals.h"
#include "browser/BrowserEntryText.h"
#include "plugin/BrowserSettings.h"
#include "plugin/EditorHeader.h"
#include "plugin/FactoryImpulseResponses.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <thread>
#include <utility>

namespace partita
{
using test::openEditor;
using test::pumpMessages;

namespace
{
constexpr double rate = 48000.0;

/** Five short rooms, "take 1.wav" to "take 5.wav", and a broken file. */
std::filesystem::path writeTakes (const test::TemporaryDirectory& directory)
{
    const auto folder = directory / "My IRs";
    std::filesystem::create_directories (folder / "more");
    for (int i = 1; i <= 5; ++i)
    {
        const auto h = test::decayingNoise (2400 * static_cast<std::size_t> (i), static_cast<std::uint32_t> (i));
        const auto written = test::writeIr (directory, "take " + std::to_string (i) + ".wav", { h, h }, rate);
        std::filesystem::rename (written, (i <= 3 ? folder : folder / "more") / written.filename());
    }
    std::ofstream (folder / "take broken.wav") << "RIFF, then nothing a WAV file holds";
    return folder;
}

/** Runs the message loop until the browser's scan is done and its results
    are in the list. */
void waitForScan (BrowserPanel& browser)
{
    for (int i = 0; i < 500; ++i)
    {
        pumpMessages (20);
        browser.poll();
        if (!browser.isScanning())
        {
            browser.poll();
            return;
        }
    }
    FAIL() << "the scan did not end";
}

/** Waits until slot A plays the IR named `name`. */
bool waitUntilPlaying (PartitaAudioProcessor& plugin, const std::string& name)
{
    for (int i = 0; i < 1000; ++i)
    {
        const auto info = plugin.convolver().impulseResponseInfo();
        if (info != nullptr && info->name == name)
            return true;
        std::this_thread::sleep_for (std::chrono::milliseconds (5));
    }
    return false;
}
} // namespace

TEST (BrowserPanel, StepsThroughAFolderWithTheArrowKeysSkippingWhatCannotBeReadAndWrapsAround)
{
    test::TemporaryDirectory directory;
    const auto folder = writeTakes (directory);
    auto plugin = test::makePlugin (directory);
    test::preparePlugin (*plugin, rate, 512, 2, 2);
    auto editor = openEditor (*plugin);
    editor->setBrowserShown (true);
    auto& browser = editor->browserPanel();
    browser.addFolder (folder);
    waitForScan (browser);

    browser.setSearchText ("take");
    std::vector<std::string> shown;
    for (const auto& row : browser.list().rows())
        shown.push_back (row.kind == BrowserRow::Kind::heading ? "# " + row.heading
                                                               : (row.entry.readable ? "" : "!") + row.entry.name);
    EXPECT_EQ (shown, (std::vector<std::string> { "# My IRs", "take 1", "take 2", "take 3", "!take broken", "# more",
                                                  "take 4", "take 5" }));

    // Down from nothing selected: the first; then on, past the broken file, round to the first again.
    // The first step turns loudness matching on (the user has not set it).
    auto* loudness = plugin->parameterState().getParameter ("loudnessMatch");
    ASSERT_NE (loudness, nullptr);
    EXPECT_EQ (loudness->getValue(), 0.0f);
    auto& keys = browser.listView();
    for (const auto* expected : { "take 1.wav", "take 2.wav", "take 3.wav", "take 4.wav", "take 5.wav", "take 1.wav" })
    {
        ASSERT_TRUE (keys.keyPressed (juce::KeyPress (juce::KeyPress::downKey)));
        ASSERT_TRUE (plugin->waitForPendingLoads (std::chrono::seconds (10)));
        EXPECT_TRUE (waitUntilPlaying (*plugin, expected))
            << expected << ": " << plugin->status().text << " selected row " << browser.selectedRow().value_or (99);
    }
    EXPECT_EQ (loudness->getValue(), 1.0f);
    ASSERT_TRUE (keys.keyPressed (juce::KeyPress (juce::KeyPress::upKey)));
    ASSERT_TRUE (plugin->waitForPendingLoads (std::chrono::seconds (10)));
    EXPECT_TRUE (waitUntilPlaying (*plugin, "take 5.wav"));

    // The editor's own keys step too, from anywhere.
    EXPECT_TRUE (
        editor->keyPressed (juce::KeyPress (juce::KeyPress::rightKey, juce::ModifierKeys::commandModifier, 0)));
    ASSERT_TRUE (plugin->waitForPendingLoads (std::chrono::seconds (10)));
    EXPECT_TRUE (waitUntilPlaying (*plugin, "take 1.wav"));

    // P on the list plays the preview, and again stops it.
    // (Blocks first: the audio thread takes the last IR, which stops a preview.)
    juce::AudioBuffer<float> block (2, 512);
    juce::MidiBuffer midi;
    for (int i = 0; i < 40; ++i)
    {
        block.clear();
        plugin->processBlock (block, midi);
    }
    EXPECT_FALSE (plugin->isPreviewPlaying());
    EXPECT_TRUE (keys.keyPressed (juce::KeyPress ('p', juce::ModifierKeys(), 'p')));
    block.clear();
    plugin->processBlock (block, midi);
    EXPECT_TRUE (plugin->isPreviewPlaying());
    EXPECT_TRUE (keys.keyPressed (juce::KeyPress ('p', juce::ModifierKeys(), 'p')));
    for (int i = 0; i < 4; ++i)
    {
        block.clear();
        plugin->processBlock (block, midi);
    }
    EXPECT_FALSE (plugin->isPreviewPlaying()) << "a second press stops it (after its 10 ms fade)";

    // The broken file shows why, drawn and spoken.
    const auto broken = std::find_if (browser.list().rows().begin(), browser.list().rows().end(),
                                      [] (const BrowserRow& row) { return row.entry.name == "take broken"; });
    ASSERT_NE (broken, browser.list().rows().end());
    EXPECT_FALSE (broken->entry.reason.empty());
    EXPECT_NE (BrowserEntryText::spoken (*broken).find ("cannot be read"), std::string::npos);
}

TEST (BrowserPanel, FoldersFavouritesAndTheShownStateAreRememberedAcrossInstances)
{
    test::TemporaryDirectory directory;
    const auto folder = writeTakes (directory);
    auto first = test::makePlugin (directory);
    auto second = test::makePlugin (directory); // alive at the same time, same settings file
    {
        auto editor = openEditor (*first);
        EXPECT_FALSE (editor->isBrowserShown());
        editor->setBrowserShown (true);
        auto& browser = editor->browserPanel();
        browser.addFolder (folder);
        waitForScan (browser);
        browser.setSearchText ("take 2");
        ASSERT_TRUE (browser.list().step (std::nullopt, StepDirection::next).has_value());
        browser.loadRow (*browser.list().step (std::nullopt, StepDirection::next));
        browser.toggleFavourite();
    }
    const auto favouriteKey = BrowserEntry::fileKey (folder / "take 2.wav");

    // The instance that was already open sees it, and so does a new one.
    for (auto* plugin : { second.get() })
    {
        EXPECT_EQ (plugin->browserSettings().folders(), std::vector<std::filesystem::path> { folder });
        EXPECT_EQ (plugin->browserSettings().favourites(), std::set<std::string> { favouriteKey });
        EXPECT_TRUE (plugin->browserSettings().isShown());
    }
    second.reset();
    auto third = test::makePlugin (directory);
    auto editor = openEditor (*third);
    EXPECT_TRUE (editor->isBrowserShown());
    EXPECT_EQ (editor->getWidth(), juce::roundToInt (PartitaEditor::defaultWidth * PartitaEditor::browserWidening));
    auto& browser = editor->browserPanel();
    waitForScan (browser);
    ASSERT_FALSE (browser.list().rows().empty());
    EXPECT_EQ (browser.list().rows().front().heading, "Favourites");
    EXPECT_EQ (browser.list().rows()[1].entry.key, favouriteKey);
    EXPECT_TRUE (browser.list().rows()[1].favourite);

    // Removed in one, gone for all.
    browser.removeFolder (folder);
    EXPECT_TRUE (first->browserSettings().folders().empty());
    editor->setBrowserShown (false);
    EXPECT_FALSE (first->browserSettings().isShown());
    EXPECT_EQ (editor->getWidth(), PartitaEditor::defaultWidth);
}

TEST (BrowserPanel, WithTheBrowserShownTabGoesThroughTheHeaderTheBrowserAndThePageAndEverythingFits)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    auto editor = openEditor (*plugin);
    editor->setBrowserShown (true);
    auto& browser = editor->browserPanel();

    const auto order = editor->focusOrder();
    const auto targets = browser.focusTargets();
    // The browser's controls right after the header's buttons.
    constexpr auto headerButtons =
        static_cast<long> (std::tuple_size_v<decltype (std::declval<const EditorHeader&>().buttons())>);
    ASSERT_GT (order.size(), static_cast<std::size_t> (headerButtons) + targets.size());
    EXPECT_EQ (std::vector<juce::Component*> (order.begin() + headerButtons,
                                              order.begin() + headerButtons + static_cast<long> (targets.size())),
               targets);
    const std::set<juce::Component*> unique (order.begin(), order.end());
    EXPECT_EQ (unique.size(), order.size());
    const auto traverser = editor->createKeyboardFocusTraverser();
    std::vector<juce::Component*> visited;
    for (auto* component : traverser->getAllComponents (editor.get()))
        if (unique.contains (component))
            visited.push_back (component);
    EXPECT_EQ (visited, order);

    // Everyone named for a screen reader.
    for (auto* target : targets)
        EXPECT_FALSE (target->getTitle().isEmpty());
    EXPECT_EQ (browser.getTitle(), "IR browser");

    for (const auto& size :
         { juce::Point<int> (1170, 560), juce::Point<int> (1300, 660), juce::Point<int> (2400, 1600) })
    {
        editor->setSize (size.x, size.y);
        EXPECT_EQ (editor->getWidth(), size.x);
        for (auto* child : editor->getChildren())
            EXPECT_TRUE (editor->getLocalBounds().contains (child->getBounds())) << child->getTitle();
        // The browser and the views share the extra space: the browser
        // grows with the window.
        EXPECT_GE (browser.getWidth(), size.x * 3 / 13 - 20);
        EXPECT_GE (browser.getHeight(), size.y - 120);
    }
}

TEST (PluginEditor, WritesAScreenshotWithTheBrowser)
{
    // A folder as a user might have one: rooms, a left/right pair that loads
    // as one IR, and a damaged file shown with its reason.
    test::TemporaryDirectory directory;
    const auto folder = directory / "Studio IRs";
    const auto write =
        [&directory] (const std::filesystem::path& target, std::size_t length, std::uint32_t seed, int channels)
    {
        const auto h = test::decayingNoise (length, seed);
        test::Channels data (static_cast<std::size_t> (channels), h);
        const auto written = test::writeIr (directory, "ir.wav", data, rate);
        std::filesystem::create_directories (target.parent_path());
        std::filesystem::rename (written, target);
    };
    write (folder / "Rooms" / "Drum room.wav", 19200, 1, 2);
    write (folder / "Rooms" / "Studio A.wav", 33600, 2, 2);
    write (folder / "Rooms" / "Vocal booth.wav", 9600, 3, 1);
    write (folder / "Halls" / "Church_L.wav", 144000, 4, 1);
    write (folder / "Halls" / "Church_R.wav", 144000, 5, 1);
    write (folder / "Plates" / "Plate 140.wav", 96000, 6, 2);
    std::ofstream (folder / "Halls" / "Old hall (damaged).wav") << "RIFF, then nothing a WAV file holds";

    auto plugin = test::makePlugin (directory);
    test::preparePlugin (*plugin, rate, 512, 2, 2);
    test::setParameter (*plugin, "mix", 35.0f);
    auto editor = openEditor (*plugin);
    editor->setBrowserShown (true);
    auto& browser = editor->browserPanel();
    browser.addFolder (folder);
    waitForScan (browser);
    plugin->browserSettings().setFavourite (BrowserEntry::factoryKey (factoryImpulseResponses().front().id), true);
    browser.poll();
    for (int i = 0; i < 20; ++i)
        browser.poll(); // the settings file is looked at once a second's worth of polls
    const auto room = browser.list().rowOfFile (folder / "Rooms" / "Drum room.wav");
    ASSERT_TRUE (room.has_value());
    browser.loadRow (*room);
    ASSERT_TRUE (plugin->waitForPendingLoads (std::chrono::seconds (10)));
    ASSERT_TRUE (waitUntilPlaying (*plugin, "Drum room.wav"));
    const test::Channels input { test::whiteNoise (48000, 1), test::whiteNoise (48000, 2) };
    (void)test::renderThroughPlugin (*plugin, input, 2, 48000, 4, 512);
    editor->refresh();
    pumpMessages (100);
    browser.poll();
    editor->refresh();

    ASSERT_EQ (editor->getWidth(), juce::roundToInt (PartitaEditor::defaultWidth * PartitaEditor::browserWidening));
    const auto written = test::saveSnapshot (*editor, "editor-browser.png");
    EXPECT_GT (written.getSize(), 10000);
    if (const auto* extra = std::getenv ("PARTITA_SCREENSHOT_OUTPUT"); extra != nullptr && *extra != 0)
    {
        const juce::File copy { juce::String (extra) };
        EXPECT_TRUE (written.copyFileTo (copy)) << copy.getFullPathName();
        std::printf ("  screenshot: %s\n", copy.getFullPathName().toRawUTF8());
    }
}

} // namespace partita
