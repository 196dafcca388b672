// SPDX-License-Identifier: GPL-3.0-or-later
// The response view's equaliser handles: what a drag, the wheel and the keys
// do to the host parameters, and that each change is a host gesture.
#include "plugin/FrequencyResponseView.h"

#include "PluginTestHelpers.h"
#include "plugin/PluginProcessor.h"

#include <gtest/gtest.h>

#include <cmath>

namespace partita
{
namespace
{
/** Counts the gestures a host would record. */
struct GestureCounter final : juce::AudioProcessorListener
{
    void audioProcessorParameterChanged (juce::AudioProcessor*, int, float) override {}
    void audioProcessorChanged (juce::AudioProcessor*, const ChangeDetails&) override {}
    void audioProcessorParameterChangeGestureBegin (juce::AudioProcessor*, int) override { ++begun; }
    void audioProcessorParameterChangeGestureEnd (juce::AudioProcessor*, int) override { ++ended; }
    int begun = 0;
    int ended = 0;
};

float valueOf (PartitaAudioProcessor& plugin, const char* id)
{
    return plugin.parameterState().getRawParameterValue (id)->load();
}

juce::MouseEvent mouseAt (juce::Component& component, juce::Point<float> position, juce::Point<float> downAt)
{
    const auto now = juce::Time::getCurrentTime();
    return { juce::Desktop::getInstance().getMainMouseSource(),
             position,
             {},
             juce::MouseInputSource::defaultPressure,
             0.0f,
             0.0f,
             0.0f,
             0.0f,
             &component,
             &component,
             now,
             downAt,
             now,
             1,
             position != downAt };
}

struct Fixture
{
    Fixture()
    {
        plugin->addListener (&gestures);
        view.setBounds (0, 0, 600, 300);
        view.setParameters (plugin->currentParameters());
    }
    ~Fixture() { plugin->removeListener (&gestures); }

    test::TemporaryDirectory directory;
    std::unique_ptr<PartitaAudioProcessor> plugin = test::makePlugin (directory);
    GestureCounter gestures;
    FrequencyResponseView view { plugin->parameterState() };
};
} // namespace

TEST (FrequencyResponseView, DraggingABandsHandleSetsItsFrequencyAndGainInOneGestureEach)
{
    Fixture f;
    // Handle 2 is peak 1 (400 Hz, 0 dB).
    const auto start = f.view.handlePosition (2);
    const auto end = start.translated (60.0f, -40.0f);
    f.view.mouseDown (mouseAt (f.view, start, start));
    f.view.mouseDrag (mouseAt (f.view, end, start));
    f.view.mouseUp (mouseAt (f.view, end, start));

    EXPECT_GT (valueOf (*f.plugin, "peak1Freq"), 400.0f);
    EXPECT_GT (valueOf (*f.plugin, "peak1Gain"), 0.0f);
    // The handle is where the mouse let go.
    EXPECT_NEAR (f.view.handlePosition (2).x, end.x, 1.0f);
    EXPECT_NEAR (f.view.handlePosition (2).y, end.y, 2.0f);
    EXPECT_EQ (f.gestures.begun, 2);
    EXPECT_EQ (f.gestures.ended, 2);
}

TEST (FrequencyResponseView, TheKeysMoveTheSelectedHandleInSteps)
{
    Fixture f;
    ASSERT_TRUE (f.view.keyPressed (juce::KeyPress ('4'))); // peak 2, 2500 Hz
    EXPECT_EQ (f.view.selectedHandle(), 3u);
    for (int i = 0; i < 12; ++i)
        f.view.keyPressed (juce::KeyPress (juce::KeyPress::rightKey));
    for (int i = 0; i < 4; ++i)
        f.view.keyPressed (juce::KeyPress (juce::KeyPress::upKey));
    f.view.keyPressed (juce::KeyPress ('+', juce::ModifierKeys(), '+'));

    // Twelve twelfths of an octave, four half decibels, a quarter octave of Q.
    EXPECT_NEAR (valueOf (*f.plugin, "peak2Freq"), 5000.0f, 5.0f);
    EXPECT_FLOAT_EQ (valueOf (*f.plugin, "peak2Gain"), 2.0f);
    EXPECT_NEAR (valueOf (*f.plugin, "peak2Q"), std::pow (2.0f, 0.25f), 1.0e-3f);
    EXPECT_EQ (f.gestures.begun, 17);
    EXPECT_EQ (f.gestures.ended, 17);
}

TEST (FrequencyResponseView, ACutsHandleMovesAcrossOnlyAndItsWheelStepsTheSlope)
{
    Fixture f;
    const auto start = f.view.handlePosition (0); // the low cut, off at 20 Hz
    const auto end = start.translated (80.0f, 50.0f);
    f.view.mouseDown (mouseAt (f.view, start, start));
    f.view.mouseDrag (mouseAt (f.view, end, start));
    f.view.mouseUp (mouseAt (f.view, end, start));
    EXPECT_GT (valueOf (*f.plugin, "lowCut"), 20.0f);

    juce::MouseWheelDetails wheel {};
    wheel.deltaY = 1.0f;
    f.view.mouseWheelMove (mouseAt (f.view, f.view.handlePosition (0), f.view.handlePosition (0)), wheel);
    EXPECT_EQ (valueOf (*f.plugin, "lowCutSlope"), 1.0f);
    // Up and down: the frequency's gesture, then the slope's.
    EXPECT_EQ (f.gestures.begun, 2);
    EXPECT_EQ (f.gestures.ended, 2);
}

} // namespace partita
