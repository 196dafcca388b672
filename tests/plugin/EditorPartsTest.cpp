// SPDX-License-Identifier: GPL-3.0-or-later
// The editor's parts on their own (PluginEditorTest drives the whole editor).
#include "PluginTestHelpers.h"
#include "plugin/ControlRows.h"
#include "plugin/EditorFileActions.h"
#include "plugin/EditorHeader.h"
#include "plugin/EditorInfoLine.h"
#include "plugin/IrWaveformView.h"
#include "processor/ParameterTable.h"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>

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

TEST (EditorHeader, HasTheSixButtonsInReadingOrder)
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
    EXPECT_EQ (texts.joinIntoString ("|"), "Load IR...|Factory IRs|Recent|Unload|Import preset...|Export preset...");
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
