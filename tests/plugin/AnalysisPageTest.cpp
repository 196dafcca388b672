// SPDX-License-Identifier: GPL-3.0-or-later
// The editor's analysis page: the playing (shaped) IR analysed off the
// message thread, the figures the library gives shown in the table, flagged
// values not shown as numbers, renewed when the shaping changes.
#include "EditorTestSupport.h"
#include "PluginTestHelpers.h"
#include "plugin/EditorPages.h"
#include "plugin/ImpulseResponseAnalysisJob.h"
#include "plugin/PluginEditor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <thread>

namespace partita
{
namespace
{
/** The library's own figures for an IR, as a user of it would compute them:
    each channel of the shaped IR analysed and the channels averaged. */
RoomAcousticResult libraryFigures (const ImpulseResponseInfo& info)
{
    std::vector<RoomAcousticResult> channels;
    for (const auto& channel : info.shapedChannels)
        channels.push_back (analyseRoomAcoustics (channel, info.sampleRate));
    return channels.size() == 1 ? channels.front() : averageRoomAcoustics (channels);
}

/** Shows the analysis page and waits for its figures of the playing IR. */
void showAnalysis (PartitaEditor& editor)
{
    test::controlRowsOf (editor).showPage (EditorSection::analysis);
    editor.refresh();
    ASSERT_TRUE (editor.analysis().waitAndShow (std::chrono::seconds (30)));
    editor.refresh();
}

std::pair<double, std::string> expectedFigure (const RoomBandResult& band, AnalysisTable::Figure figure)
{
    switch (figure)
    {
        case AnalysisTable::Figure::t30:
            return { band.t30.seconds, band.t30.flag };
        case AnalysisTable::Figure::edt:
            return { band.edt.seconds, band.edt.flag };
        case AnalysisTable::Figure::c80:
            return { band.c80Db.value, band.c80Db.flag };
        case AnalysisTable::Figure::d50:
            return { band.d50.value, band.d50.flag };
    }
    return {};
}

/** Counts the table's cells that agree with the library's figures; fails
    for any that does not. Returns the reliable cells seen. */
int checkTableAgainst (const AnalysisTable& table, const RoomAcousticResult& expected)
{
    EXPECT_EQ (table.numColumns(), expected.bands.size() + 1);
    int reliable = 0;
    for (std::size_t column = 0; column < table.numColumns(); ++column)
    {
        const auto& band = column < expected.bands.size() ? expected.bands[column] : expected.broadband;
        EXPECT_EQ (table.columnTitle (column), column < expected.bands.size() ? juce::String (band.label) : "All");
        for (const auto figure : AnalysisTable::figures)
        {
            const auto [value, flag] = expectedFigure (band, figure);
            const auto where = AnalysisTable::figureTitle (figure) + " at " + table.columnTitle (column);
            if (flag.empty() && std::isfinite (value))
            {
                ++reliable;
                EXPECT_EQ (table.cellText (figure, column), AnalysisTable::formatValue (figure, value)) << where;
                EXPECT_TRUE (table.cellFlag (figure, column).isEmpty()) << where;
            }
            else
            {
                // Flagged: a dash, never a number; the reason in its tooltip.
                EXPECT_EQ (table.cellText (figure, column), juce::String::fromUTF8 (AnalysisTable::flaggedText))
                    << where;
                EXPECT_FALSE (table.cellFlag (figure, column).isEmpty()) << where;
                EXPECT_FALSE (table.cellText (figure, column).containsAnyOf ("0123456789")) << where;
            }
        }
    }
    return reliable;
}
} // namespace

TEST (AnalysisPage, ShowsTheLibrarysFiguresForTheShapedIrComputedOffTheMessageThread)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    test::preparePlugin (*plugin, 48000.0, 512, 2, 2);
    // Shaping at work: the analysis must be of the IR as it plays.
    test::setParameter (*plugin, "irEnd", 900.0f);
    test::setParameter (*plugin, "reverbTime", 60.0f);
    test::loadFactoryAndWait (*plugin, test::showcaseIr());
    auto editor = test::openEditor (*plugin);
    showAnalysis (*editor);

    const auto info = plugin->convolver().impulseResponseInfo();
    ASSERT_NE (info, nullptr);
    auto& page = editor->analysis();
    EXPECT_EQ (page.analysedImpulseResponse(), info);
    EXPECT_NE (page.computedOn(), std::this_thread::get_id());
    EXPECT_NE (page.computedOn(), std::thread::id());

    const auto expected = libraryFigures (*info);
    const auto reliable = checkTableAgainst (page.table(), expected);
    EXPECT_GT (reliable, 8) << "a room IR has reliable figures in most bands";
    ASSERT_TRUE (page.curves().analysis().has_value());
    EXPECT_EQ (page.curves().analysis()->bands.size(), expected.bands.size());

    // The page shows the curves where the IR's views are, the table in the
    // page's panel; the IR's own views are hidden.
    EXPECT_TRUE (page.curves().isVisible());
    EXPECT_TRUE (page.table().isVisible());
    EXPECT_GT (page.curves().getHeight(), 120);
    EXPECT_FALSE (page.table().asText().isEmpty());
}

TEST (AnalysisPage, ANewShapingIsAnalysedAgainAndTheFiguresFollowIt)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    test::preparePlugin (*plugin, 48000.0, 512, 2, 2);
    test::loadFactoryAndWait (*plugin, test::showcaseIr());
    auto editor = test::openEditor (*plugin);
    showAnalysis (*editor);
    const auto before = editor->analysis().analysedImpulseResponse();
    ASSERT_NE (before, nullptr);
    const auto broadbandBefore =
        editor->analysis().table().cellText (AnalysisTable::Figure::t30, editor->analysis().table().numColumns() - 1);

    // The reverb-time control shortens the decay: the IR is rebuilt and the
    // page analyses the new one.
    test::setParameter (*plugin, "reverbTime", 40.0f);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds (20);
    juce::AudioBuffer<float> silence (2, 512);
    juce::MidiBuffer midi;
    while (plugin->convolver().impulseResponseInfo() == before && std::chrono::steady_clock::now() < deadline)
    {
        silence.clear();
        plugin->processBlock (silence, midi);
        test::pumpMessages (5);
    }
    const auto after = plugin->convolver().impulseResponseInfo();
    ASSERT_NE (after, before);
    editor->refresh();
    ASSERT_TRUE (editor->analysis().waitAndShow (std::chrono::seconds (30)));
    EXPECT_EQ (editor->analysis().analysedImpulseResponse(), after);
    checkTableAgainst (editor->analysis().table(), libraryFigures (*after));
    const auto broadbandAfter =
        editor->analysis().table().cellText (AnalysisTable::Figure::t30, editor->analysis().table().numColumns() - 1);
    EXPECT_NE (broadbandAfter, broadbandBefore);
}

TEST (AnalysisPage, ALaterRequestSupersedesOneNotFinished)
{
    // Two IRs asked for in a row: only the second's figures are delivered.
    ImpulseResponseAnalysisJob job;
    auto first = std::make_shared<ImpulseResponseInfo>();
    auto second = std::make_shared<ImpulseResponseInfo>();
    for (auto* info : { first.get(), second.get() })
    {
        info->sampleRate = 48000.0;
        std::vector<float> ir (48000);
        std::uint32_t seed = info == first.get() ? 1u : 2u;
        for (std::size_t n = 0; n < ir.size(); ++n)
        {
            seed = seed * 1664525u + 1013904223u;
            const auto noise = static_cast<float> (seed >> 8) / static_cast<float> (1u << 24) - 0.5f;
            ir[n] = noise * std::exp (-6.9f * static_cast<float> (n) / (info == first.get() ? 24000.0f : 12000.0f));
        }
        info->shapedChannels = { ir };
    }
    job.request (first);
    job.request (second);
    ASSERT_TRUE (job.waitUntilIdle (std::chrono::seconds (30)));
    const auto result = job.takeResult();
    ASSERT_NE (result, nullptr);
    EXPECT_EQ (result->info, second);
    EXPECT_TRUE (result->analysis.has_value()) << result->error;
    EXPECT_EQ (job.takeResult(), nullptr) << "a result is taken once, the first request's never";
}

TEST (AnalysisPage, IsATabReachedFromTheKeyboardAndItsTableTakesTheFocus)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    auto editor = test::openEditor (*plugin);
    auto& rows = test::controlRowsOf (*editor);
    const auto pages = rows.pageSections();
    ASSERT_NE (std::find (pages.begin(), pages.end(), EditorSection::analysis), pages.end());
    EXPECT_EQ (EditorPages::title (EditorSection::analysis), "Analysis");
    EXPECT_EQ (EditorPages::fromKey ("analysis"), EditorSection::analysis);

    rows.showPage (EditorSection::analysis);
    const auto order = editor->focusOrder();
    EXPECT_NE (std::find (order.begin(), order.end(), &editor->analysis().table()), order.end());
    EXPECT_TRUE (editor->analysis().table().getWantsKeyboardFocus());
}
} // namespace partita

namespace partita
{
TEST (DecayCurveView, DrawsEachBandsCurveInItsColour)
{
    // One band whose curve falls in a straight line from 0 dB to -60 dB in
    // one second: the pixel where the view puts its middle has the band's
    // colour (the colour of no grid line or label).
    RoomAcousticResult result;
    result.sampleRate = 48000.0;
    RoomBandResult band;
    band.label = "1k";
    for (int i = 0; i <= 100; ++i)
    {
        band.curve.seconds.push_back (i / 100.0);
        band.curve.decibels.push_back (-60.0 * i / 100.0);
    }
    result.bands = { band, band };
    result.bands[1].curve = {};
    result.broadband = band;

    DecayCurveView view;
    view.setBounds (0, 0, 600, 300);
    view.setAnalysis (result, {});
    juce::Image image (juce::Image::ARGB, 600, 300, true);
    {
        juce::Graphics g (image);
        view.paint (g);
    }
    const auto colour = DecayCurveView::bandColour (0, 2);
    for (const auto seconds : { 0.25, 0.5, 0.75 })
    {
        const auto point = view.pointFor (seconds, -60.0 * seconds).toInt();
        bool found = false;
        for (int dy = -1; dy <= 1 && !found; ++dy)
        {
            const auto pixel = image.getPixelAt (point.x, point.y + dy);
            found = std::abs (pixel.getFloatRed() - colour.getFloatRed()) < 0.2f
                    && std::abs (pixel.getFloatGreen() - colour.getFloatGreen()) < 0.2f
                    && std::abs (pixel.getFloatBlue() - colour.getFloatBlue()) < 0.2f;
        }
        EXPECT_TRUE (found) << "no curve at " << seconds << " s";
    }
}
} // namespace partita
