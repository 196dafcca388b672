// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MeasuredIrView.h"
#include "MeasurementSession.h"
#include "plugin/PartitaLookAndFeel.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>
#include <memory>

namespace partita
{

/** The channels a measurement can use: the audio device's active channels
    by name, in the order its callback passes them (the index in each list
    is SweepRecorder's channel number). */
struct MeasureChannels
{
    /** Empty: no device is open. */
    juce::String deviceName;
    double sampleRate = 0.0;
    juce::StringArray outputs;
    juce::StringArray inputs;
};

/** The standalone app's Measure window content: the output and input
    channels (and an optional loopback reference input), the sweep's range,
    length and level; Measure plays the sweep and records (an input meter,
    and a warning that stays once the input clipped), then shows the IR with
    its peak-to-noise ratio, T30 and latency; "Use as IR" loads it into the
    plugin, "Save..." writes it as a WAV file.

    The audio device is the window's business (MeasureWindow): this panel
    asks it to run the recorder and to stop it through the callbacks, so a
    test drives it with a simulated room and no device.

    Threading: message thread; the recorder's callback on the audio thread. */
class MeasurePanel final : public juce::Component, private juce::Timer
{
public:
    struct Callbacks
    {
        /** Runs the recorder on the device (and mutes the plugin); false,
            with the reason in whyNot, when it cannot. */
        std::function<bool (SweepRecorder& recorder, juce::String& whyNot)> startAudio;
        /** Takes the recorder off the device (and unmutes the plugin). */
        std::function<void (SweepRecorder& recorder)> stopAudio;
        /** Loads the measured IR into the plugin under this name. */
        std::function<void (const MeasuredImpulseResponse& measured, const juce::String& name)> useAsIr;
    };

    MeasurePanel (MeasureChannels channels, Callbacks callbacks);
    ~MeasurePanel() override;

    /** The device changed (the window follows the device manager). */
    void setChannels (MeasureChannels channels);

    /** The sweep and the channels as set in the panel. */
    [[nodiscard]] MeasurementSettings settings() const;
    void setSettings (const MeasurementSettings& settings);

    /** What the buttons do. */
    void startMeasuring();
    void stopMeasuring();
    void useAsIr();
    /** Writes the measured IR (32-bit float WAV); false with the reason on
        the status line when it cannot. */
    bool saveTo (const juce::File& file);

    /** What the timer does 30 times a second: the meter, the progress, the
        session's next step. */
    void update();

    [[nodiscard]] MeasurementSession& session() noexcept { return measurement; }
    [[nodiscard]] juce::String statusText() const { return status.getText(); }
    [[nodiscard]] juce::String resultText() const { return result.getText(); }
    [[nodiscard]] bool isClipWarningShown() const { return clipWarning.isVisible(); }
    /** The name "Use as IR" and Save give the IR: "Measured <date time>". */
    [[nodiscard]] juce::String measurementName() const { return name; }

    static constexpr int defaultWidth = 720;
    static constexpr int defaultHeight = 560;

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    void timerCallback() override { update(); }
    void chooseSaveFile();
    void showResult();
    void setStatus (const juce::String& text, bool isError = false);
    void refreshButtons();
    void fillChannelBoxes();

    PartitaLookAndFeel lookAndFeel;
    MeasureChannels device;
    Callbacks hooks;
    MeasurementSession measurement;
    bool audioRunning = false;
    juce::String name;

    juce::Label deviceLabel;
    juce::Label outputLabel { {}, "Output" };
    juce::Label inputLabel { {}, "Input" };
    juce::Label referenceLabel { {}, "Loopback reference" };
    juce::ComboBox outputBox;
    juce::ComboBox inputBox;
    juce::ComboBox referenceBox;
    juce::Label startLabel { {}, "From" };
    juce::Label endLabel { {}, "To" };
    juce::Label lengthLabel { {}, "Length" };
    juce::Label levelLabel { {}, "Level" };
    juce::Slider startSlider;
    juce::Slider endSlider;
    juce::Slider lengthSlider;
    juce::Slider levelSlider;
    juce::TextButton measureButton { "Measure" };
    juce::TextButton stopButton { "Stop" };
    juce::Label status;
    /** The input's level meter: a bar in the panel's paint. */
    float meterLevelDb = -120.0f;
    juce::Rectangle<int> meterArea;
    juce::Label clipWarning;
    MeasuredIrView irView;
    juce::Label result;
    juce::TextButton useButton { "Use as IR" };
    juce::TextButton saveButton { "Save..." };
    std::unique_ptr<juce::FileChooser> chooser;

    JUCE_DECLARE_WEAK_REFERENCEABLE (MeasurePanel)
    JUCE_DECLARE_NON_COPYABLE (MeasurePanel)
};

} // namespace partita
