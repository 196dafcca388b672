// SPDX-License-Identifier: GPL-3.0-or-later
// The editor's text at its smallest, default and largest sizes: legible
// (a floor on the font height), scaling with the window, and never cut off.
// Every test also saves a snapshot of what it checked (PARTITA_SCREENSHOT_DIR).
#include "EditorTestSupport.h"
#include "PluginTestHelpers.h"
#include "plugin/EditorInfoLine.h"
#include "plugin/EditorPages.h"
#include "plugin/FrequencyResponseView.h"
#include "plugin/IrWaveformView.h"
#include "plugin/MessageBar.h"
#include "plugin/ParameterControl.h"
#include "plugin/PartitaLookAndFeel.h"
#include "plugin/PluginEditor.h"
#include "processor/ParameterTable.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <stdexcept>

namespace partita
{
namespace
{
struct EditorSize
{
    int width;
    int height;
    const char* name;
};

constexpr EditorSize minimumSize { PartitaEditor::minimumWidth, PartitaEditor::minimumHeight, "min" };
constexpr EditorSize defaultSize { PartitaEditor::defaultWidth, PartitaEditor::defaultHeight, "default" };
constexpr EditorSize maximumSize { 2400, 1600, "max" };

/** The editor showing the demo hall, played at sessionRate. */
struct ShowcaseEditor
{
    explicit ShowcaseEditor (double sessionRate)
    {
        test::preparePlugin (*plugin, sessionRate, 512, 2, 2);
        test::loadFactoryAndWait (*plugin, test::showcaseIr());
        editor = test::openEditor (*plugin);
    }

    test::TemporaryDirectory directory;
    std::unique_ptr<PartitaAudioProcessor> plugin = test::makePlugin (directory);
    std::unique_ptr<PartitaEditor> editor;
};

/** Runs `check` with the editor at the smallest, default and largest sizes,
    on each of its pages. */
void forEverySizeAndPage (PartitaEditor& editor, const std::function<void (const EditorSize&, EditorSection)>& check)
{
    auto& rows = test::controlRowsOf (editor);
    for (const auto& size : { minimumSize, defaultSize, maximumSize })
    {
        for (const auto page : rows.pageSections())
        {
            rows.showPage (page);
            editor.setSize (size.width, size.height);
            editor.refresh();
            check (size, page);
        }
    }
}

template <typename Part>
Part& partOf (PartitaEditor& editor)
{
    for (auto* child : editor.getChildren())
        if (auto* part = dynamic_cast<Part*> (child))
            return *part;
    throw std::logic_error ("the editor has no such part");
}
} // namespace

TEST (EditorTextLayout, ALongMessageIsReadableInFullAtTheSmallestAndDefaultSizes)
{
    // Found by a new user: a long message ended in "..." in the message bar.
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    auto editor = test::openEditor (*plugin);
    const std::string message =
        "Could not load '/home/someone/Music/Impulse responses/OpenAIR/York Minster/"
        "york-minster-bformat-48k-24bit-stereo-decoded.wav': the file holds 9 channels; Partita plays mono, stereo "
        "and 4-channel IRs, so the previous IR keeps playing";
    plugin->showMessage (message, StatusMessage::Severity::error);

    for (const auto& size : { minimumSize, defaultSize })
    {
        editor->setSize (size.width, size.height);
        editor->refresh();
        auto& bar = partOf<MessageBar> (*editor);
        const auto labels = test::labelsOf (bar);
        ASSERT_EQ (labels.size(), 1u);
        EXPECT_TRUE (labels.front()->getText().endsWith ("keeps playing"));
        EXPECT_TRUE (test::fitsInFull (*labels.front())) << size.name;
        EXPECT_GE (labels.front()->getFont().getHeight(), 12.0f) << size.name;
        EXPECT_TRUE (editor->getLocalBounds().contains (bar.getBounds())) << size.name;
        test::saveSnapshot (*editor, juce::String ("long-message-") + size.name + ".png");
    }
}

TEST (EditorTextLayout, TheInfoLineScalesWithTheWindowStaysLegibleAndIsNotCutOff)
{
    // Found by a new user: at the smallest size the info line's text shrank
    // to about 9 px, and it did not grow with the window.
    ShowcaseEditor showcase (44100.0); // the hall plays resampled: the longest line
    auto& editor = showcase.editor;

    std::map<std::string, float> heights;
    for (const auto& size : { minimumSize, defaultSize, maximumSize })
    {
        editor->setSize (size.width, size.height);
        editor->refresh();
        auto& line = partOf<EditorInfoLine> (*editor);
        const auto labels = test::labelsOf (line);
        ASSERT_EQ (labels.size(), 2u);
        for (const auto* label : labels)
        {
            EXPECT_TRUE (test::fitsInFull (*label)) << size.name;
            EXPECT_GE (label->getFont().getHeight(), 12.0f) << size.name;
        }
        heights[size.name] = labels.front()->getFont().getHeight();
        test::saveSnapshot (*editor, juce::String ("info-line-") + size.name + ".png");
    }
    // One scale for the text, from the editor's size: 2.4 times the default
    // at 2400 x 1600 (the smaller of 2400 / 1000 and 1600 / 660).
    EXPECT_NEAR (heights["max"], 2.4f * heights["default"], 0.5f);
    std::printf ("  info line text: %.1f px at 900 x 560, %.1f px at 1000 x 660, %.1f px at 2400 x 1600\n",
                 static_cast<double> (heights["min"]), static_cast<double> (heights["default"]),
                 static_cast<double> (heights["max"]));
}

TEST (EditorTextLayout, EveryLabelScalesWithTheWindowAndStaysLegible)
{
    // Captions, value boxes, the title, the info line and the message: one
    // scale from the editor's size, 12 px at the least, never cut off.
    ShowcaseEditor showcase (48000.0);
    auto& editor = showcase.editor;

    // By place in the tree, not by pointer: a slider makes its value box
    // anew when the look and feel changes, at the same place.
    std::map<std::string, std::map<std::string, float>> heights;
    forEverySizeAndPage (*editor,
                         [&] (const EditorSize& size, EditorSection)
                         {
                             std::function<void (juce::Component&, const std::string&)> visit =
                                 [&] (juce::Component& parent, const std::string& path)
                             {
                                 for (int index = 0; index < parent.getNumChildComponents(); ++index)
                                 {
                                     auto* child = parent.getChildComponent (index);
                                     const auto place =
                                         path + "/" + std::to_string (index) + child->getTitle().toStdString();
                                     if (!child->isVisible())
                                         continue;
                                     if (auto* label = dynamic_cast<juce::Label*> (child);
                                         label != nullptr && label->getText().isNotEmpty())
                                     {
                                         const auto height = label->getLookAndFeel().getLabelFont (*label).getHeight();
                                         heights[place + ": '" + label->getText().toStdString() + "'"][size.name] =
                                             height;
                                         EXPECT_GE (height, 12.0f) << size.name << ": '" << label->getText() << "'";
                                         // A control's caption and value on one line, whole.
                                         if (dynamic_cast<ParameterControl*> (&parent) != nullptr)
                                         {
                                             EXPECT_TRUE (test::fitsInFull (*label)) << size.name;
                                         }
                                     }
                                     visit (*child, place);
                                 }
                             };
                             visit (*editor, {});
                         });
    ASSERT_GT (heights.size(), 20u); // every control's caption and value at least
    for (const auto& [label, bySize] : heights)
    {
        ASSERT_EQ (bySize.size(), 3u) << label;
        EXPECT_NEAR (bySize.at ("max") / bySize.at ("default"), 2.4f, 0.05f) << label;
    }
}

TEST (EditorTextLayout, TheEnvelopeLineStaysInThePlotAtEverySize)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    test::setParameter (*plugin, "attack", 40.0f);
    test::setParameter (*plugin, "attackShape", 60.0f);
    test::setParameter (*plugin, "reverbTime", 40.0f);
    test::setParameter (*plugin, "earlyLevel", 6.0f);
    test::setParameter (*plugin, "lateLevel", -6.0f);
    test::preparePlugin (*plugin, 48000.0, 512, 2, 2);
    test::loadFactoryAndWait (*plugin, test::showcaseIr());
    auto editor = test::openEditor (*plugin);
    for (const auto& size : { minimumSize, defaultSize, maximumSize })
    {
        editor->setSize (size.width, size.height);
        editor->refresh();
        const auto& view = partOf<IrWaveformView> (*editor);
        const auto plot = view.plotArea().toFloat();
        const auto points = view.envelopeGainPoints();
        ASSERT_GT (points.size(), static_cast<std::size_t> (plot.getWidth() * 0.9f)) << size.name;
        for (const auto& point : points)
            ASSERT_TRUE (plot.expanded (0.5f).contains (point)) << size.name << " " << point.toString();
        // Up by at most 6 dB early (the decay starts at the direct sound),
        // down by 6 dB and decaying after the split.
        const auto highest = std::min_element (points.begin(), points.end(), [] (auto a, auto b) { return a.y < b.y; });
        EXPECT_GE (highest->y, view.yForGainDb (6.0) - 1.0f) << size.name;
        EXPECT_LT (highest->y, view.yForGainDb (0.0)) << size.name;
        EXPECT_GT (points.back().y, view.yForGainDb (-12.0)) << size.name;
        test::saveSnapshot (*editor, juce::String ("envelope-") + size.name + ".png");
    }
}

TEST (EditorTextLayout, TheIrChannelNamesAreReadableAndNoTrimLineCrossesThem)
{
    // Found by a new user: the channel names were 11 px and drawn at the
    // plot's left edge, under the line that marks where the IR starts.
    ShowcaseEditor showcase (48000.0);
    auto& editor = showcase.editor;

    for (const auto& size : { minimumSize, defaultSize, maximumSize })
    {
        editor->setSize (size.width, size.height);
        editor->refresh();
        const auto& view = partOf<IrWaveformView> (*editor);
        const auto plot = view.plotArea().toFloat();
        const auto labels = view.channelLabelAreas();
        ASSERT_EQ (labels.size(), 2u) << size.name;
        const auto font = view.labelFont();
        EXPECT_GE (font.getHeight(), 12.0f) << size.name;
        for (std::size_t channel = 0; channel < labels.size(); ++channel)
        {
            const auto& label = labels[channel];
            // The trim lines and the waveform stay inside the plot: at or
            // right of its left edge.
            EXPECT_LT (label.getRight(), plot.getX()) << size.name << " channel " << channel;
            EXPECT_TRUE (view.getLocalBounds().toFloat().contains (label)) << size.name;
            EXPECT_GE (label.getWidth(), font.getStringWidthFloat (channel == 0 ? "L" : "R")) << size.name;
            EXPECT_GE (label.getHeight(), font.getHeight()) << size.name;
        }
        std::printf ("  channel names at %d x %d: %.1f px, %.1f px left of the plot\n", size.width, size.height,
                     static_cast<double> (font.getHeight()),
                     static_cast<double> (plot.getX() - labels.front().getRight()));
        test::saveSnapshot (*editor, juce::String ("channel-names-") + size.name + ".png");
    }
    // Scaled with the editor: 13 px at the default size.
    editor->setSize (defaultSize.width, defaultSize.height);
    EXPECT_FLOAT_EQ (partOf<IrWaveformView> (*editor).labelFont().getHeight(), 13.0f);
}

} // namespace partita

namespace partita
{
TEST (EditorTextLayout, EveryChoiceShowsItsLongestNameWholeAtEverySize)
{
    // "Zero latency" and "B-format AmbiX" in a row of ten controls: a choice
    // box gets the width its longest name needs, at the smallest size too.
    ShowcaseEditor showcase (48000.0);
    auto& editor = showcase.editor;

    std::size_t boxes = 0;
    forEverySizeAndPage (
        *editor,
        [&] (const EditorSize& size, EditorSection)
        {
            std::function<void (juce::Component&)> visit = [&] (juce::Component& parent)
            {
                for (auto* child : parent.getChildren())
                {
                    if (auto* box = dynamic_cast<juce::ComboBox*> (child); box != nullptr && box->isVisible())
                    {
                        ++boxes;
                        auto& lookAndFeel = box->getLookAndFeel();
                        const auto font = lookAndFeel.getComboBoxFont (*box);
                        // The area the look and feel gives the text, as it draws it.
                        juce::Label probe;
                        lookAndFeel.positionComboBoxText (*box, probe);
                        const auto textWidth = static_cast<float> (probe.getWidth())
                                               - static_cast<float> (probe.getBorderSize().getLeftAndRight());
                        for (int item = 0; item < box->getNumItems(); ++item)
                            EXPECT_LE (font.getStringWidthFloat (box->getItemText (item)), textWidth)
                                << size.name << ": '" << box->getItemText (item) << "' in " << box->getWidth() << " px";
                    }
                    visit (*child);
                }
            };
            visit (*editor);
        });
    EXPECT_GE (boxes, 6u); // latency and IR layout, at three sizes
}

TEST (EditorTextLayout, OnEveryPageAtEverySizeNoControlIsTooNarrowNoneOverlapsAndTheViewsStayInSight)
{
    ShowcaseEditor showcase (48000.0);
    auto& editor = showcase.editor;
    auto& rows = test::controlRowsOf (*editor);
    const auto& waveform = partOf<IrWaveformView> (*editor);
    const auto& response = partOf<FrequencyResponseView> (*editor);

    forEverySizeAndPage (
        *editor,
        [&] (const EditorSize& size, EditorSection page)
        {
            const auto where = std::string (size.name) + ", page " + EditorPages::key (page).toStdString();

            // The controls a user sees: the page's and the output row's.
            std::vector<const ParameterControl*> shown;
            std::size_t expected = 0;
            for (const auto& row : parameterTable)
                expected += row.editorSection == page || row.editorSection == EditorSection::output ? 1 : 0;
            for (const auto* controlPage : rows.pages())
                for (const auto* control : controlPage->controls())
                    if (control->isVisible() && controlPage->isVisible())
                        shown.push_back (control);
            EXPECT_EQ (shown.size(), expected) << where;

            std::vector<juce::Rectangle<int>> boxes;
            for (const auto* control : shown)
            {
                const auto box = editor->getLocalArea (control, control->getLocalBounds());
                EXPECT_GE (control->getWidth(), control->minimumWidth()) << where << ": " << control->parameterId();
                EXPECT_TRUE (editor->getLocalBounds().contains (box)) << where << ": " << control->parameterId();
                for (std::size_t other = 0; other < boxes.size(); ++other)
                    EXPECT_FALSE (box.intersects (boxes[other]))
                        << where << ": " << control->parameterId() << " and " << shown[other]->parameterId();
                for (const juce::Component* view : { static_cast<const juce::Component*> (&waveform),
                                                     static_cast<const juce::Component*> (&response) })
                    EXPECT_FALSE (box.intersects (view->getBounds())) << where << ": " << control->parameterId();
                boxes.push_back (box);

                // Legible: every text whole on its line (captions, values), a toggle's name beside its tick.
                for (auto* child : control->getChildren())
                {
                    if (auto* label = dynamic_cast<juce::Label*> (child); label != nullptr && label->isVisible())
                    {
                        EXPECT_TRUE (test::fitsInFull (*label)) << where;
                    }
                    if (auto* slider = dynamic_cast<juce::Slider*> (child))
                    {
                        // The value box, in the font the look and feel draws it with.
                        for (auto* label : test::labelsOf (*slider))
                        {
                            const auto font = label->getLookAndFeel().getLabelFont (*label);
                            const auto area = label->getBorderSize().subtractedFrom (label->getLocalBounds());
                            EXPECT_LE (font.getStringWidthFloat (label->getText()),
                                       static_cast<float> (area.getWidth()))
                                << where << ": " << label->getText();
                            EXPECT_LE (font.getHeight(), static_cast<float> (area.getHeight()) + 0.5f)
                                << where << ": " << label->getText();
                        }
                        // A knob, not a sliver: at least 28 px across between caption and value.
                        EXPECT_GE (std::min (slider->getWidth(), slider->getHeight() - slider->getTextBoxHeight()), 28)
                            << where << ": " << control->parameterId();
                    }
                    if (auto* toggle = dynamic_cast<juce::ToggleButton*> (child))
                    {
                        const auto scale = std::min (static_cast<float> (size.width) / 1000.0f,
                                                     static_cast<float> (size.height) / 660.0f);
                        const juce::Font font (PartitaLookAndFeel::textHeight (15.0f, scale));
                        EXPECT_LE (font.getStringWidthFloat (toggle->getButtonText()) + font.getHeight() * 1.1f + 14.0f,
                                   static_cast<float> (toggle->getWidth()))
                            << where << ": " << toggle->getButtonText();
                    }
                }
            }

            // The IR display stays beside the controls, large enough to read;
            // the EQ page gives the response the larger share.
            for (const juce::Component* view :
                 { static_cast<const juce::Component*> (&waveform), static_cast<const juce::Component*> (&response) })
            {
                EXPECT_GE (view->getHeight(), 120) << where;
                EXPECT_GE (view->getWidth(), 280) << where;
                EXPECT_LE (view->getBottom(), rows.getY()) << where;
            }
            if (page == EditorSection::equaliser)
            {
                EXPECT_GT (response.getWidth(), waveform.getWidth()) << where;
            }
            else
            {
                EXPECT_GE (waveform.getWidth(), response.getWidth()) << where;
            }

            std::printf ("  %s: %zu controls, %d rows of controls (tallest page and output); views %d px high\n",
                         where.c_str(), shown.size(), rows.rowsNeeded (rows.getWidth()), waveform.getHeight());
            test::saveSnapshot (*editor, juce::String ("page-") + EditorPages::key (page) + "-" + size.name + ".png");
        });
}
} // namespace partita
