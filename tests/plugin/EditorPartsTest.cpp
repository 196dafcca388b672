// SPDX-License-Identifier: GPL-3.0-or-later
// The editor's parts on their own (PluginEditorTest drives the whole editor).
#include "PluginTestHelpers.h"
#include "TestSignals.h"
#include "plugin/ControlRows.h"
#include "plugin/EditorFileActions.h"
#include "plugin/EditorHeader.h"
#include "plugin/EditorInfoLine.h"
#include "processor/ParameterTable.h"

#include <gtest/gtest.h>

namespace partita
{

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

TEST (EditorHeader, HasTheSevenButtonsInReadingOrder)
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
               "Load IR...|Factory IRs|Recent|Unload|Slot B|Import preset...|Export preset...");
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

TEST (EditorControlRows, OneControlPerParameterShapingRowAboveTheLiveRow)
{
    test::TemporaryDirectory directory;
    auto plugin = test::makePlugin (directory);
    ControlRows rows (plugin->parameterState());
    rows.setBounds (0, 0, 960, 2 * 120 + ControlRows::rowGap);

    const auto targets = rows.focusTargets();
    ASSERT_EQ (targets.size(), parameterCount);
    const auto editorOrder = parametersInEditorOrder();
    std::size_t shapingCount = 0;
    for (const auto* row : editorOrder)
        shapingCount += row->action == ParameterAction::shaping ? 1 : 0;
    ASSERT_GT (shapingCount, 0u);
    ASSERT_LT (shapingCount, parameterCount);

    // Reading order: left to right in each row, the shaping row first.
    for (std::size_t i = 0; i + 1 < targets.size(); ++i)
    {
        const auto here = rows.getLocalArea (targets[i], targets[i]->getLocalBounds());
        const auto next = rows.getLocalArea (targets[i + 1], targets[i + 1]->getLocalBounds());
        if (i + 1 == shapingCount)
            EXPECT_LT (here.getBottom(), next.getY()) << i;
        else
            EXPECT_LT (here.getX(), next.getX()) << i;
    }
}

} // namespace partita
