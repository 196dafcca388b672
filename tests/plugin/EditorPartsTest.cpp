// SPDX-License-Identifier: GPL-3.0-or-later
// The editor's parts on their own (PluginEditorTest drives the whole editor).
#include "EditorTestSupport.h"
#include "PluginTestHelpers.h"
#include "TestSignals.h"
#include "plugin/ControlRows.h"
#include "plugin/EditorFileActions.h"
#include "plugin/EditorHeader.h"
#include "plugin/EditorInfoLine.h"
#include "plugin/EditorPages.h"
#include "plugin/IrWaveformView.h"
#include "processor/ParameterTable.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <utility>
#include <vector>

namespace partita
{

namespace
{
/** A mono IR of 100 ms at 48 kHz as loaded and as played. */
std::shared_ptr<ImpulseResponseInfo> hundredMillisecondIr()
{
    auto info = std::make_shared<ImpulseResponseInfo>();
    info->source = std::make_shared<const AudioClip> (AudioClip { 48000.0, { std::vector<double> (4800, 0.1) } });
    info->originalSampleRate = 48000.0;
    info->originalFrames = 4800;
    info->numChannels = 1;
    info->sampleRate = 48000.0;
    info->shapedChannels.assign (1, std::vector<float> (4800, 0.1f));
    return info;
}
} // namespace

TEST (IrWaveformView, ShowsWhereMaxIrLengthCutsTheIrInTheFilesTime)
{
    // A 100 ms IR, trimmed by 10 ms at its start, stretched to 200 % and
    // capped at 60 ms of played time: 30 ms of the file play, so the cap
    // stands at the file's 40 ms; reversed, 30 ms before the kept end (90 ms).
    auto info = hundredMillisecondIr();
    IrWaveformView view;
    view.setBounds (0, 0, 612, 200);
    view.setImpulseResponse (info);
    EXPECT_FALSE (view.lengthCapX().has_value());

    const auto plot = view.plotArea().toFloat();
    const auto xAtFileMs = [&] (double ms) { return plot.getX() + plot.getWidth() * static_cast<float> (ms / 100.0); };
    auto capped = std::make_shared<ImpulseResponseInfo> (*info);
    capped->shape.trimStartMs = 10.0;
    capped->shape.stretchFactor = 2.0;
    capped->shape.maxLengthMs = 60.0;
    view.setImpulseResponse (capped);
    ASSERT_TRUE (view.lengthCapX().has_value());
    EXPECT_NEAR (*view.lengthCapX(), xAtFileMs (40.0), 0.01f);

    auto reversed = std::make_shared<ImpulseResponseInfo> (*capped);
    reversed->shape.trimEndMs = 10.0;
    reversed->shape.reverse = true;
    view.setImpulseResponse (reversed);
    ASSERT_TRUE (view.lengthCapX().has_value());
    EXPECT_NEAR (*view.lengthCapX(), xAtFileMs (60.0), 0.01f);

    // A cap longer than what plays cuts nothing and is not drawn.
    auto loose = std::make_shared<ImpulseResponseInfo> (*capped);
    loose->shape.maxLengthMs = 181.0;
    view.setImpulseResponse (loose);
    EXPECT_FALSE (view.lengthCapX().has_value());
}

TEST (IrWaveformView, DrawsTheEnvelopesGainInTheFilesTimeThroughTrimAndReverse)
{
    // A linear 50 ms attack: gain (frame + 1) / 2400 in the played IR's frames.
    auto info = hundredMillisecondIr();
    info->envelope.sampleRate = 48000.0;
    info->envelope.attackFrames = 2400;
    info->envelope.attackShapePercent = 0.0;

    IrWaveformView view;
    view.setBounds (0, 0, 612, 200);
    view.setImpulseResponse (info);
    const auto plot = view.plotArea().toFloat();
    const auto yAtPlayedMs = [&] (double ms)
    { return view.yForGainDb (20.0 * std::log10 (std::min (1.0, (std::round (ms * 48.0) + 1.0) / 2400.0))); };

    auto points = view.envelopeGainPoints();
    ASSERT_EQ (points.size(), static_cast<std::size_t> (plot.getWidth()) + 1);
    EXPECT_FLOAT_EQ (points.front().y, plot.getBottom()); // -inf dB, at the scale's foot
    for (const auto& point : points)
    {
        const double fileMs =
            100.0 * static_cast<double> (point.x - plot.getX()) / static_cast<double> (plot.getWidth());
        if (fileMs > 0.5)
        {
            ASSERT_NEAR (point.y, yAtPlayedMs (fileMs), 0.5f) << fileMs << " ms";
        }
    }
    EXPECT_FLOAT_EQ (view.yForGainDb (12.0), plot.getY());
    EXPECT_FLOAT_EQ (view.yForGainDb (-60.0), plot.getBottom());

    // Trimmed by 20 ms at each end and reversed: the attack starts at the
    // file's 80 ms and runs backwards; nothing is drawn over the trimmed parts.
    auto trimmed = std::make_shared<ImpulseResponseInfo> (*info);
    trimmed->shape.trimStartMs = 20.0;
    trimmed->shape.trimEndMs = 20.0;
    trimmed->shape.reverse = true;
    view.setImpulseResponse (trimmed);
    points = view.envelopeGainPoints();
    ASSERT_FALSE (points.empty());
    for (const auto& point : points)
    {
        const double fileMs =
            100.0 * static_cast<double> (point.x - plot.getX()) / static_cast<double> (plot.getWidth());
        ASSERT_GE (fileMs, 20.0 - 1.0e-9);
        ASSERT_LE (fileMs, 80.0 + 1.0e-9);
        if (fileMs < 79.5)
        {
            ASSERT_NEAR (point.y, yAtPlayedMs (80.0 - fileMs), 0.5f) << fileMs << " ms";
        }
    }

    // A flat envelope draws nothing.
    view.setImpulseResponse (hundredMillisecondIr());
    EXPECT_TRUE (view.envelopeGainPoints().empty());
}

TEST (EditorInfoLine, SaysWhenThereIsNoIr)
{
    EditorInfoLine line;
    line.showImpulseResponse (nullptr);
    EXPECT_EQ (line.impulseResponseText(), "IR: none (the wet path passes the input through)");
}

TEST (EditorInfoLine, DescribesTheIrAsLoadedAndWhatPlaysWhenItDiffers)
{
    ImpulseResponseInfo info;
    info.name = "hall.wav";
    info.originalSampleRate = 44100.0;
    info.originalFrames = 44100;
    info.numChannels = 2;
    info.sampleRate = 44100.0;
    info.shapedChannels.assign (2, std::vector<float> (44100));

    EditorInfoLine line;
    line.showImpulseResponse (&info);
    EXPECT_EQ (line.impulseResponseText(), "IR: hall.wav  |  stereo  |  44100 Hz  |  1.00 s (44100 samples)");

    info.sampleRate = 48000.0;
    info.shapedChannels.assign (2, std::vector<float> (48000));
    line.showImpulseResponse (&info);
    EXPECT_TRUE (line.impulseResponseText().endsWith ("  |  playing 48000 at 48000 Hz")) << line.impulseResponseText();
}

TEST (EditorInfoLine, SaysTheLayoutOfAFourChannelIrAndWhetherItWasAssumed)
{
    ImpulseResponseInfo info;
    info.name = "room.wav";
    info.originalSampleRate = 48000.0;
    info.originalFrames = 480;
    info.numChannels = 4;
    info.sampleRate = 48000.0;
    info.shapedChannels.assign (4, std::vector<float> (480));
    info.layout = { IrLayout::trueStereo, IrLayoutReason::assumed };

    EditorInfoLine line;
    line.showImpulseResponse (&info);
    EXPECT_TRUE (line.impulseResponseText().contains (
        "  |  true stereo (LL, LR, RL, RR), assumed: the file does not say; set the IR layout if it is B-format  |  "))
        << line.impulseResponseText();

    info.name = "hall.amb";
    info.layout = { IrLayout::bFormatFuMa, IrLayoutReason::extension };
    info.layoutSettings = { IrLayout::automatic, 0.25, 120.0 };
    info.shapedChannels.assign (2, std::vector<float> (480));
    line.showImpulseResponse (&info);
    EXPECT_TRUE (
        line.impulseResponseText().contains ("  |  B-format FuMa (W X Y Z) from the .amb extension, decoded to "
                                             "two hypercardioid mics 120 degrees apart  |  "))
        << line.impulseResponseText();
}

TEST (EditorFileActions, OpensAudioAndPresetFilesOnly)
{
    for (const auto* name : { "a.wav", "b.WAV", "c.aiff", "d.flac", "e.ogg", "f.w64", "g.caf", "h.rf64", "i.partita" })
        EXPECT_TRUE (EditorFileActions::canOpen (juce::File::getCurrentWorkingDirectory().getChildFile (name))) << name;
    for (const auto* name : { "notes.txt", "song.mp3", "partita", "preset.partita.bak" })
        EXPECT_FALSE (EditorFileActions::canOpen (juce::File::getCurrentWorkingDirectory().getChildFile (name)))
            << name;
}

TEST (EditorHeader, HasTheNineButtonsInReadingOrder)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    EditorFileActions actions (*plugin, {});
    EditorHeader header (actions);
    juce::StringArray texts;
    for (auto* component : header.buttons())
    {
        auto* button = dynamic_cast<juce::Button*> (component);
        ASSERT_NE (button, nullptr);
        EXPECT_TRUE (button->getWantsKeyboardFocus());
        texts.add (button->getButtonText());
    }
    EXPECT_EQ (texts.joinIntoString ("|"),
               "Load IR...|Factory IRs|Recent|Unload|Slot B|Import preset...|Export preset...|Measure|Browser");
}

TEST (EditorHeader, TheSlotButtonShowsWhatSlotBHolds)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    EditorFileActions actions (*plugin, {});
    EditorHeader header (actions);
    auto* slotButton = dynamic_cast<juce::Button*> (header.buttons()[4]);
    ASSERT_NE (slotButton, nullptr);
    header.refreshSlotNames();
    EXPECT_EQ (slotButton->getButtonText(), "Slot B");

    const auto file = test::writeIr (directory, "ribbon.wav", { test::decayingNoise (500, 1) }, 48000.0);
    ASSERT_TRUE (test::loadIrAndWait (*plugin, file, std::chrono::seconds (20), IrSlot::b));
    header.refreshSlotNames();
    EXPECT_EQ (slotButton->getButtonText(), "B: ribbon.wav");
    EXPECT_EQ (actions.slotName (IrSlot::b), "ribbon.wav");

    plugin->unloadImpulseResponse (IrSlot::b);
    header.refreshSlotNames();
    EXPECT_EQ (slotButton->getButtonText(), "Slot B");
}

namespace
{
/** Whether two controls' bounds share any pixel. */
bool overlap (juce::Rectangle<int> a, juce::Rectangle<int> b)
{
    return a.intersects (b);
}

/** Every ParameterControl of a page, with the page's section. */
std::vector<std::pair<const ParameterControl*, EditorSection>> controlsByPage (const ControlRows& rows)
{
    std::vector<std::pair<const ParameterControl*, EditorSection>> found;
    for (const auto* page : rows.pages())
        for (const auto* control : page->controls())
            found.emplace_back (control, page->section());
    return found;
}
} // namespace

TEST (ControlWrapping, SeventeenEqualControlsThatFitEightToARowTakeThreeBalancedRows)
{
    // 8 controls of 100 px fit in 880 px: 17 need ceil (17 / 8) = 3 rows,
    // balanced at ceil (17 / 3) = 6, 6 and 5, each 880 / 6 px wide (floored).
    const std::vector<ControlWidth> controls (17, ControlWidth { 100, 1.0f });
    EXPECT_EQ (ControlWrapping::rowsNeeded (controls, 880), 3);
    const auto bounds = ControlWrapping::layOut (controls, { 10, 20, 880, 300 }, 90, 4);
    ASSERT_EQ (bounds.size(), 17u);
    std::map<int, int> perRow;
    for (const auto& box : bounds)
    {
        ++perRow[box.getY()];
        EXPECT_EQ (box.getWidth(), 146);
        EXPECT_EQ (box.getHeight(), 90);
    }
    EXPECT_EQ (perRow, (std::map<int, int> { { 20, 6 }, { 114, 6 }, { 208, 5 } }));
    EXPECT_EQ (bounds.front().getX(), 10);
    EXPECT_EQ (bounds[6].getX(), 10);

    // Eight fit one row and fill it; an empty list needs no row.
    const std::vector<ControlWidth> eight (8, ControlWidth { 100, 1.0f });
    EXPECT_EQ (ControlWrapping::rowsNeeded (eight, 880), 1);
    EXPECT_EQ (ControlWrapping::layOut (eight, { 0, 0, 880, 90 }, 90, 4).back().getRight(), 880);
    EXPECT_EQ (ControlWrapping::rowsNeeded ({}, 880), 0);
}

TEST (ControlWrapping, AnyMixOfWidthsKeepsEveryMinimumInsideTheAreaWithoutOverlapInColumnOrder)
{
    // Random minimums and weights (knobs, choices), many more controls than
    // the table has, at the editor's narrowest and widest control areas.
    juce::Random random (17);
    for (int trial = 0; trial < 200; ++trial)
    {
        std::vector<ControlWidth> controls (static_cast<std::size_t> (1 + random.nextInt (60)));
        int widest = 0;
        int total = 0;
        for (auto& control : controls)
        {
            control.weight = random.nextBool() ? 1.0f : 1.6f;
            control.minimum = 50 + random.nextInt (120);
            widest = std::max (widest, control.minimum);
            total += control.minimum;
        }
        const auto width = random.nextBool() ? 872 : 2372;
        const juce::Rectangle<int> area (5, 7, width, 2000);
        const auto rows = ControlWrapping::rowsNeeded (controls, width);
        // No fewer rows than the minimums' sum needs, whatever the packing.
        EXPECT_GE (rows, (total + width - 1) / width);
        const auto bounds = ControlWrapping::layOut (controls, area, 80, 4);
        ASSERT_EQ (bounds.size(), controls.size());
        std::set<int> rowTops;
        for (std::size_t i = 0; i < bounds.size(); ++i)
        {
            rowTops.insert (bounds[i].getY());
            EXPECT_GE (bounds[i].getWidth(), controls[i].minimum) << trial << ": " << i;
            EXPECT_TRUE (area.contains (bounds[i])) << trial << ": " << i << " " << bounds[i].toString();
            if (i > 0)
            {
                // Reading order: right of the previous one, or on a lower row at the left edge.
                const auto& before = bounds[i - 1];
                EXPECT_TRUE ((bounds[i].getY() == before.getY() && bounds[i].getX() == before.getRight())
                             || (bounds[i].getY() > before.getY() && bounds[i].getX() == area.getX()))
                    << trial << ": " << i;
            }
            for (std::size_t j = 0; j < i; ++j)
                EXPECT_FALSE (overlap (bounds[i], bounds[j])) << trial << ": " << i << " and " << j;
        }
        EXPECT_EQ (static_cast<int> (rowTops.size()), rows) << trial;
    }
}

TEST (EditorControlRows, EveryTableRowHasOneControlOnThePageOfItsSection)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    ControlRows rows (plugin->parameterState());

    const auto found = controlsByPage (rows);
    ASSERT_EQ (found.size(), parameterCount);
    for (const auto& row : parameterTable)
    {
        const auto id = juce::String (row.id.data(), row.id.size());
        const auto count = std::count_if (found.begin(), found.end(),
                                          [&id] (const auto& entry) { return entry.first->parameterId() == id; });
        EXPECT_EQ (count, 1) << id;
        for (const auto& [control, section] : found)
            if (control->parameterId() == id)
            {
                EXPECT_EQ (section, row.editorSection) << id;
            }
    }

    // A page for each selectable section that has parameters, and the view
    // pages (analysis), in the selector's order; a tab for each, named after it.
    std::vector<EditorSection> expected;
    for (const auto section : EditorPages::selectable)
        if (EditorPages::isViewPage (section)
            || std::any_of (parameterTable.begin(), parameterTable.end(),
                            [section] (const ParameterDefinition& row) { return row.editorSection == section; }))
            expected.push_back (section);
    EXPECT_NE (std::find (expected.begin(), expected.end(), EditorSection::analysis), expected.end());
    EXPECT_EQ (rows.pageSections(), expected);
    const auto tabs = rows.pageTabs().tabs();
    ASSERT_EQ (tabs.size(), expected.size());
    for (std::size_t i = 0; i < tabs.size(); ++i)
        EXPECT_EQ (tabs[i]->getButtonText(), EditorPages::title (expected[i]));
}

TEST (EditorControlRows, ShowingAPageShowsItsControlsOnlyAndOnlyTheyAreFocusTargets)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    ControlRows rows (plugin->parameterState());
    rows.setScale (1.0f);
    rows.setRowHeight (96);
    rows.setBounds (0, 0, 980, rows.heightFor (980, 96));
    ASSERT_GE (rows.pageSections().size(), 2u);

    for (const auto shown : rows.pageSections())
    {
        rows.showPage (shown);
        EXPECT_EQ (rows.shownPage(), shown);
        const auto targets = rows.focusTargets();
        ASSERT_FALSE (targets.empty());
        EXPECT_EQ (targets.front(), &rows.pageTabs().focusTarget());
        for (const auto* page : rows.pages())
        {
            const auto visible = page->section() == shown || page->section() == EditorSection::output;
            EXPECT_EQ (page->isVisible(), visible) << EditorPages::key (page->section());
            for (auto* control : page->controls())
            {
                auto* target = &control->focusTarget();
                const auto isTarget = std::find (targets.begin(), targets.end(), target) != targets.end();
                EXPECT_EQ (isTarget, visible) << control->parameterId();
            }
        }
        // Reading order: the tab, then each row of the page left to right,
        // then the output row.
        for (std::size_t i = 1; i + 1 < targets.size(); ++i)
        {
            const auto here = rows.getLocalArea (targets[i], targets[i]->getLocalBounds());
            const auto next = rows.getLocalArea (targets[i + 1], targets[i + 1]->getLocalBounds());
            EXPECT_TRUE (here.getX() < next.getX() || here.getBottom() <= next.getY()) << i;
        }
    }
}

TEST (EditorControlRows, TheSelectorIsOneTabStopAndTheArrowKeysSwitchPages)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    ControlRows rows (plugin->parameterState());
    auto& selector = const_cast<EditorPageTabs&> (rows.pageTabs());
    const auto pages = rows.pageSections();
    ASSERT_GE (pages.size(), 2u);
    int changes = 0;
    rows.onPageChange = [&changes] { ++changes; };

    const auto onlySelectedTakesFocus = [&]
    {
        for (auto* tab : selector.tabs())
            EXPECT_EQ (tab->getWantsKeyboardFocus(), tab == &selector.focusTarget()) << tab->getButtonText();
        EXPECT_TRUE (dynamic_cast<juce::Button&> (selector.focusTarget()).getToggleState());
    };

    EXPECT_EQ (rows.shownPage(), pages.front());
    onlySelectedTakesFocus();
    EXPECT_TRUE (selector.keyPressed (juce::KeyPress (juce::KeyPress::rightKey)));
    EXPECT_EQ (rows.shownPage(), pages[1]);
    onlySelectedTakesFocus();
    EXPECT_TRUE (selector.keyPressed (juce::KeyPress (juce::KeyPress::endKey)));
    EXPECT_EQ (rows.shownPage(), pages.back());
    // Past the last page: the first (the arrows wrap around).
    EXPECT_TRUE (selector.keyPressed (juce::KeyPress (juce::KeyPress::rightKey)));
    EXPECT_EQ (rows.shownPage(), pages.front());
    EXPECT_TRUE (selector.keyPressed (juce::KeyPress (juce::KeyPress::leftKey)));
    EXPECT_EQ (rows.shownPage(), pages.back());
    EXPECT_TRUE (selector.keyPressed (juce::KeyPress (juce::KeyPress::homeKey)));
    EXPECT_EQ (rows.shownPage(), pages.front());
    onlySelectedTakesFocus();
    changes = 0;
    EXPECT_TRUE (selector.keyPressed (juce::KeyPress (juce::KeyPress::rightKey)));
    EXPECT_EQ (changes, 1);
    // Other keys go on to the editor (space, Ctrl+O).
    EXPECT_FALSE (selector.keyPressed (juce::KeyPress ('o', juce::ModifierKeys::commandModifier, 0)));

    // A click selects too.
    selector.tabs()[0]->triggerClick();
    test::pumpMessages (50); // JUCE delivers a triggered click as a message
    EXPECT_EQ (rows.shownPage(), pages[0]);
    EXPECT_EQ (changes, 2);
}

TEST (EditorControlRows, ScreenReadersHearThePageNames)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    ControlRows rows (plugin->parameterState());
    const auto pages = rows.pageSections();
    ASSERT_GE (pages.size(), 2u);
    rows.showPage (pages[1]);
    // JUCE makes accessibility handlers for components in a window only.
    rows.setBounds (0, 0, 1000, 300);
    rows.addToDesktop (0);

    const auto tabs = rows.pageTabs().tabs();
    for (std::size_t i = 0; i < tabs.size(); ++i)
    {
        auto* handler = tabs[i]->getAccessibilityHandler();
        ASSERT_NE (handler, nullptr);
        EXPECT_EQ (handler->getRole(), juce::AccessibilityRole::radioButton);
        EXPECT_EQ (handler->getTitle(), EditorPages::title (pages[i]));
        EXPECT_EQ (handler->getCurrentState().isChecked(), i == 1) << i;
    }
    for (const auto* page : rows.pages())
    {
        auto* handler = const_cast<ControlPage*> (page)->getAccessibilityHandler();
        ASSERT_NE (handler, nullptr);
        EXPECT_EQ (handler->getRole(), juce::AccessibilityRole::group);
        EXPECT_EQ (handler->getTitle(), EditorPages::title (page->section()));
    }
    auto* selectorHandler = const_cast<EditorPageTabs&> (rows.pageTabs()).getAccessibilityHandler();
    ASSERT_NE (selectorHandler, nullptr);
    EXPECT_EQ (selectorHandler->getTitle(), "Editor pages");
}

TEST (EditorControlRows, ThePageIsRememberedForThePluginInstanceAndTheSavedStateDoesNotChange)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    const auto before = plugin->stateBytes();
    EditorSection chosen {};
    {
        ControlRows rows (plugin->parameterState());
        const auto pages = rows.pageSections();
        ASSERT_GE (pages.size(), 2u);
        chosen = pages.back();
        rows.showPage (chosen);
    }
    ControlRows reopened (plugin->parameterState());
    EXPECT_EQ (reopened.shownPage(), chosen);
    EXPECT_EQ (plugin->stateBytes(), before);

    // A state from elsewhere naming no page, or a page this version lacks: the first page.
    plugin->parameterState().state.setProperty (ControlRows::pageProperty, "no such page", nullptr);
    ControlRows fresh (plugin->parameterState());
    EXPECT_EQ (fresh.shownPage(), fresh.pageSections().front());
}

TEST (EditorControlPage, AllTheTableOnOnePageWrapsAtTheSmallestWidthKeepingEveryControlLegible)
{
    // Every row of the table on one page: more controls than any page has
    // today, at the smallest editor's scale and width.
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    std::vector<const ParameterDefinition*> everyRow;
    for (const auto& row : parameterTable)
        everyRow.push_back (&row);
    ControlPage page (plugin->parameterState(), EditorSection::impulseResponse, everyRow, ControlPage::Heading::hidden);
    constexpr float smallestScale = 560.0f / 660.0f;
    page.setScale (smallestScale);
    constexpr int width = 872;
    const auto rows = page.rowsNeeded (width);
    int minimums = 0;
    for (const auto* control : page.controls())
        minimums += control->minimumWidth() + 2 * ControlPage::sideMargin;
    EXPECT_GE (rows, (minimums + width - 1) / width);
    EXPECT_GE (rows, 2);
    page.setBounds (0, 0, width, rows * 80 + (rows - 1) * ControlPage::rowGap);

    const auto controls = page.controls();
    ASSERT_EQ (controls.size(), parameterCount);
    for (std::size_t i = 0; i < controls.size(); ++i)
    {
        EXPECT_GE (controls[i]->getWidth(), controls[i]->minimumWidth()) << controls[i]->parameterId();
        EXPECT_TRUE (page.getLocalBounds().contains (controls[i]->getBounds())) << controls[i]->parameterId();
        for (std::size_t j = 0; j < i; ++j)
            EXPECT_FALSE (overlap (controls[i]->getBounds(), controls[j]->getBounds()))
                << controls[i]->parameterId() << " and " << controls[j]->parameterId();
    }
    // Sorted by editorColumn, in reading order.
    for (std::size_t i = 1; i < controls.size(); ++i)
    {
        EXPECT_LE (findParameter (controls[i - 1]->parameterId().toStdString())->editorColumn,
                   findParameter (controls[i]->parameterId().toStdString())->editorColumn);
        const auto& before = controls[i - 1]->getBounds();
        const auto& here = controls[i]->getBounds();
        EXPECT_TRUE (here.getX() > before.getX() || here.getY() > before.getBottom()) << i;
    }
}

} // namespace partita
