// SPDX-License-Identifier: GPL-3.0-or-later
// The standalone app's Measure window content, driven without a device: the
// panel's recorder is fed by a simulated room as a device's callback would be.
#include "plugin/standalone/MeasurePanel.h"

#include "EditorTestSupport.h"
#include "PluginTestHelpers.h"
#include "SimulatedRoom.h"
#include "io/AudioFileReader.h"

#include <gtest/gtest.h>

namespace partita
{
namespace
{
constexpr double sampleRate = 48000.0;

MeasureChannels twoByTwo()
{
    return { "Simulated interface", sampleRate, { "1: Out 1", "2: Out 2" }, { "1: Mic", "2: Loopback" } };
}

/** Plays the recorder through the room in blocks of 256, the panel's timer
    running between blocks as it would while a device plays. */
void playThroughRoom (MeasurePanel& panel, SweepRecorder& recorder, test::SimulatedRoom& room)
{
    constexpr int block = 256;
    std::vector<float> in0 (block), in1 (block), out0 (block), out1 (block);
    const float* inputs[] = { in0.data(), in1.data() };
    float* outputs[] = { out0.data(), out1.data() };
    juce::AudioIODeviceCallbackContext context;
    std::size_t frame = 0;
    for (int blocks = 0; !recorder.isFinished(); ++blocks)
    {
        for (std::size_t i = 0; i < block; ++i)
            in0[i] = room.heard (frame + i);
        recorder.audioDeviceIOCallbackWithContext (inputs, 2, outputs, 2, block, context);
        for (std::size_t i = 0; i < block; ++i)
            room.play (frame + i, out0[i]);
        frame += block;
        if (blocks % 64 == 0)
            panel.update();
    }
}

/** Updates the panel until the session is done (finished or failed). */
bool waitForPanel (MeasurePanel& panel)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds (60);
    while (std::chrono::steady_clock::now() < deadline)
    {
        panel.update();
        const auto state = panel.session().state();
        if (state == MeasurementSession::State::finished || state == MeasurementSession::State::failed)
            return true;
        test::pumpMessages (10);
    }
    return false;
}

struct Hooks
{
    int starts = 0;
    int stops = 0;
    std::vector<juce::String> loaded;

    MeasurePanel::Callbacks callbacks()
    {
        MeasurePanel::Callbacks hooks;
        hooks.startAudio = [this] (SweepRecorder&, juce::String&)
        {
            ++starts;
            return true;
        };
        hooks.stopAudio = [this] (SweepRecorder&) { ++stops; };
        hooks.useAsIr = [this] (const MeasuredImpulseResponse&, const juce::String& name) { loaded.push_back (name); };
        return hooks;
    }
};
} // namespace

TEST (MeasurePanel, MeasuresARoomShowsItsFiguresUsesAndSavesTheIrAndWritesAScreenshot)
{
    Hooks hooks;
    MeasurePanel panel (twoByTwo(), hooks.callbacks());
    MeasurementSettings settings;
    settings.durationSeconds = 2.0;
    settings.levelDbfs = -18.0;
    settings.routing = { 0, 0, std::nullopt };
    panel.setSettings (settings);
    EXPECT_EQ (panel.settings().routing.outputChannel, 0);
    EXPECT_EQ (panel.settings().routing.inputChannel, 0);
    EXPECT_FALSE (panel.settings().routing.referenceChannel.has_value());
    EXPECT_DOUBLE_EQ (panel.settings().levelDbfs, -18.0);

    panel.startMeasuring();
    ASSERT_EQ (hooks.starts, 1);
    auto* recorder = panel.session().recorder();
    ASSERT_NE (recorder, nullptr);
    EXPECT_TRUE (panel.statusText().startsWith ("Measuring")) << panel.statusText();

    const auto room = test::bandLimitedRoom (static_cast<std::size_t> (0.6 * sampleRate), 200, 0.5, sampleRate);
    test::SimulatedRoom simulated (room, 1500, 3.0e-5, recorder->recordFrames());
    playThroughRoom (panel, *recorder, simulated);
    ASSERT_TRUE (waitForPanel (panel));
    ASSERT_EQ (panel.session().state(), MeasurementSession::State::finished) << panel.session().error();
    EXPECT_EQ (hooks.stops, 1) << "the device plays the plugin again once the recording is whole";
    EXPECT_TRUE (panel.resultText().contains ("Peak to noise")) << panel.resultText();
    EXPECT_TRUE (panel.resultText().contains ("T30")) << panel.resultText();
    EXPECT_FALSE (panel.isClipWarningShown());

    // The window as a user sees it after a measurement (docs/plugin.md).
    panel.setBounds (0, 0, MeasurePanel::defaultWidth, MeasurePanel::defaultHeight);
    const auto shot = test::saveSnapshot (panel, "measure-window.png");
    EXPECT_GT (shot.getSize(), 10000);

    panel.useAsIr();
    ASSERT_EQ (hooks.loaded.size(), 1u);
    EXPECT_EQ (hooks.loaded.front(), panel.measurementName());

    test::TemporaryDirectory directory;
    const auto file = juce::File (juce::String ((directory.path() / "measured.wav").string()));
    ASSERT_TRUE (panel.saveTo (file));
    const auto saved = readAudioFile (directory.path() / "measured.wav");
    const auto* result = panel.session().result();
    ASSERT_NE (result, nullptr);
    const auto& measured = result->impulseResponse;
    ASSERT_EQ (saved.numFrames(), measured.numFrames());
    for (std::size_t n = 0; n < saved.numFrames(); ++n)
        ASSERT_FLOAT_EQ (static_cast<float> (saved.channels[0][n]), static_cast<float> (measured.channels[0][n])) << n;
}

TEST (MeasurePanel, AClippingInputShowsTheWarningAndFailsWithoutAnIr)
{
    Hooks hooks;
    MeasurePanel panel (twoByTwo(), hooks.callbacks());
    MeasurementSettings settings;
    settings.durationSeconds = 1.0;
    settings.routing = { 0, 0, std::nullopt };
    panel.setSettings (settings);
    panel.startMeasuring();
    auto* recorder = panel.session().recorder();
    ASSERT_NE (recorder, nullptr);
    std::vector<double> loud (16, 0.0);
    loud[4] = 8.0; // 18 dB of gain: the -12 dBFS sweep comes back over full scale
    test::SimulatedRoom simulated (loud, 700, 1.0e-6, recorder->recordFrames());
    playThroughRoom (panel, *recorder, simulated);
    ASSERT_TRUE (waitForPanel (panel));
    EXPECT_TRUE (panel.isClipWarningShown());
    EXPECT_EQ (panel.session().state(), MeasurementSession::State::failed);
    EXPECT_TRUE (panel.statusText().contains ("clipped")) << panel.statusText();
    panel.useAsIr();
    EXPECT_TRUE (hooks.loaded.empty());
}

TEST (MeasurePanel, WithoutADeviceItSaysSoAndDoesNotStart)
{
    Hooks hooks;
    MeasurePanel panel (MeasureChannels {}, hooks.callbacks());
    panel.startMeasuring();
    EXPECT_EQ (hooks.starts, 0);
    EXPECT_EQ (panel.session().state(), MeasurementSession::State::idle);
    EXPECT_TRUE (panel.statusText().contains ("Audio Settings")) << panel.statusText();
}

} // namespace partita
