// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "WetPathResponse.h"
#include "processor/ImpulseResponseInfo.h"
#include "processor/ParameterTable.h"

#include <juce_audio_processors/juce_audio_processors.h>

#include <array>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace partita
{

/** Plots the magnitude response of the current wet path (WetPathResponse) on
    a log frequency axis, 60 dB tall, its top following the curve's peak, and
    over it the cuts' and the equaliser's own curve on a +-24 dB scale with
    a handle per band (the two cuts and the four bands).

    Dragging a handle sets its band's frequency (across) and gain (up and
    down; a cut's handle moves across only), the mouse wheel its Q (a cut's
    slope), a double click its gain back to 0 dB; every change goes through
    the host parameters inside a gesture, so hosts record it. From the
    keyboard: 1 to 6 or [ and ] pick a handle, left and right arrows move its
    frequency by 1/12 octave (with shift 1/48), up and down its gain by 0.5 dB
    (a cut's slope), + and - its Q.

    Threading: message thread. */
class FrequencyResponseView final : public juce::Component, public juce::SettableTooltipClient
{
public:
    explicit FrequencyResponseView (juce::AudioProcessorValueTreeState& state);

    /** The IR as shaped (null: no IR). Runs an FFT when the IR changed. */
    void setImpulseResponse (std::shared_ptr<const ImpulseResponseInfo> info);
    /** The parameters the curves show (the editor polls them). */
    void setParameters (const ProcessorParameters& parameters);
    /** The editor's scale (PartitaEditor::resized): the labels' text and the
        margins they need. */
    void setScale (float scale);

    static constexpr std::size_t numHandles = 6;
    /** Where handle `index` is drawn (left to right: low cut, low shelf,
        peak 1, peak 2, high shelf, high cut). */
    [[nodiscard]] juce::Point<float> handlePosition (std::size_t index) const;
    [[nodiscard]] std::size_t selectedHandle() const noexcept { return selected; }

    void paint (juce::Graphics&) override;
    void mouseDown (const juce::MouseEvent&) override;
    void mouseDrag (const juce::MouseEvent&) override;
    void mouseUp (const juce::MouseEvent&) override;
    void mouseDoubleClick (const juce::MouseEvent&) override;
    void mouseWheelMove (const juce::MouseEvent&, const juce::MouseWheelDetails&) override;
    bool keyPressed (const juce::KeyPress&) override;
    void focusGained (FocusChangeType) override;
    void focusLost (FocusChangeType) override;

private:
    /** The parameters a handle moves (an empty ID: none). */
    struct Handle
    {
        std::string_view label;
        std::string_view frequencyId;
        std::string_view gainId;
        /** A band's Q, or a cut's slope (a choice). */
        std::string_view shapeId;
    };

    /** Where a frequency and a level sit on the plot: log frequency across,
        rangeDb down from topDb (the curve's peak rounded up to 6 dB). */
    struct PlotScale
    {
        static constexpr float rangeDb = 60.0f;
        /** The equaliser's curve: +- this around the plot's middle. */
        static constexpr float equaliserRangeDb = 24.0f;

        juce::Rectangle<float> plot;
        float lowestLog = 0.0f;
        float highestLog = 0.0f;
        float topDb = 0.0f;

        [[nodiscard]] float x (float hz) const;
        [[nodiscard]] float y (float db) const;
        [[nodiscard]] float equaliserY (float db) const;
        [[nodiscard]] float hzAt (float x) const;
        [[nodiscard]] float equaliserDbAt (float y) const;
    };

    [[nodiscard]] PlotScale plotScale() const;
    [[nodiscard]] float parameterValue (std::string_view id) const;
    /** Sets a parameter to a value in its own unit, clamped, inside a
        gesture unless one is open (a drag). */
    void setParameter (std::string_view id, float value);
    void beginGesture (std::string_view id);
    void endGesture (std::string_view id);
    [[nodiscard]] std::optional<std::size_t> handleAt (juce::Point<float> position) const;
    void dragTo (juce::Point<float> position);
    void moveFrequency (float octaves);
    void moveGain (float decibels);
    void moveShape (int steps);
    void select (std::size_t index);

    void updateCurve();
    /** The labels are as large as the graphics context's font. */
    static void paintFrequencyGrid (juce::Graphics& g, const PlotScale& scale, float highestHz);
    static void paintLevelGrid (juce::Graphics& g, const PlotScale& scale, float labelX);
    void paintEqualiser (juce::Graphics& g, const PlotScale& scale) const;

    static const std::array<Handle, numHandles> handles;

    juce::AudioProcessorValueTreeState& parameterState;
    WetPathResponse response;
    std::shared_ptr<const ImpulseResponseInfo> shownInfo;
    bool hasInfo = false;
    ProcessorParameters shown;
    std::vector<float> curve;
    std::vector<float> equaliserCurve;
    float textScale = 1.0f;
    std::size_t selected = 2;
    std::optional<std::size_t> dragged;
    bool dragOpensGestures = false;
};

} // namespace partita
