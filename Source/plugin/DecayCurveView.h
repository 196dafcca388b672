// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/RoomAcousticAnalysis.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <optional>

namespace partita
{

/** The analysis page's plot: the energy decay curve of each octave band
    (Schroeder's backward integral as analyseRoomAcoustics keeps it for
    drawing, 0 dB = the band's energy) against time from the direct sound,
    each band in its own colour, with its T30 fit dashed over the stretch it
    was fitted to (or its T20's where T30 has none). A legend names the bands; a line
    under the title gives the broadband peak-to-noise ratio and where the
    direct sound starts. Without figures it says why in words ("Analysing
    ...", "No IR", the analysis' error).

    Threading: message thread. */
class DecayCurveView final : public juce::Component
{
public:
    DecayCurveView();

    /** The figures to draw, or none with the reason shown instead. */
    void setAnalysis (std::optional<RoomAcousticResult> analysis, juce::String reasonWhenNone);
    /** The editor's scale (PartitaEditor::resized): the text's size and margins. */
    void setScale (float scale);

    [[nodiscard]] const std::optional<RoomAcousticResult>& analysis() const noexcept { return shown; }
    /** What stands in the plot when there are no figures. */
    [[nodiscard]] juce::String reason() const { return reasonText; }

    /** The plot's frame, inside the margins that hold the labels. */
    [[nodiscard]] juce::Rectangle<float> plotArea() const;
    /** The time the plot's width spans, in seconds (a round figure past
        the longest curve). */
    [[nodiscard]] double plotSeconds() const;
    /** Where a point of a curve is drawn. */
    [[nodiscard]] juce::Point<float> pointFor (double seconds, double decibels) const;

    /** The lowest level drawn, in dB. */
    static constexpr double floorDb = -80.0;

    /** A band's colour: a hue ramp from the lowest band (red) to the highest (violet). */
    [[nodiscard]] static juce::Colour bandColour (std::size_t band, std::size_t numBands);

    void paint (juce::Graphics&) override;

private:
    [[nodiscard]] float textHeight() const;
    void paintGrid (juce::Graphics& g) const;
    void paintBand (juce::Graphics& g, const RoomBandResult& band, juce::Colour colour) const;
    void paintLegend (juce::Graphics& g) const;

    std::optional<RoomAcousticResult> shown;
    juce::String reasonText;
    float scale = 1.0f;
};

} // namespace partita
