// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/RoomAcousticAnalysis.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <array>
#include <optional>

namespace partita
{

/** The analysis page's table: T30, EDT, C80 and D50 for each octave band
    and broadband, as analyseRoomAcoustics gives them. A value the decay
    range or the fit does not support (the library's flag) shows as a dash in
    the warning colour, never as a number; its reason is the cell's tooltip
    and is read out with the table.

    Screen readers read the whole table as text (one line per band), and it
    takes the keyboard focus after the page's tab, so it is reached like the
    other pages' controls.

    Threading: message thread. */
class AnalysisTable final : public juce::Component, public juce::TooltipClient
{
public:
    /** The table's rows, top to bottom. */
    enum class Figure
    {
        t30,
        edt,
        c80,
        d50,
    };
    static constexpr std::array<Figure, 4> figures { Figure::t30, Figure::edt, Figure::c80, Figure::d50 };

    /** What a flagged value shows. */
    static constexpr const char* flaggedText = "\xe2\x80\x94"; // an em dash

    AnalysisTable();

    void setAnalysis (std::optional<RoomAcousticResult> analysis);
    /** The editor's scale (PartitaEditor::resized): the text's size. */
    void setScale (float scale);

    /** The columns: the bands, then broadband (none without figures). */
    [[nodiscard]] std::size_t numColumns() const;
    /** A cell's text as shown: the value ("1.23", "-2.5", "45") or flaggedText. */
    [[nodiscard]] juce::String cellText (Figure figure, std::size_t column) const;
    /** Why a cell is flagged (the library's words); empty for a reliable value. */
    [[nodiscard]] juce::String cellFlag (Figure figure, std::size_t column) const;
    /** A column's heading: "63", "1k", ..., "All". */
    [[nodiscard]] juce::String columnTitle (std::size_t column) const;
    /** A row's heading with its unit: "T30 (s)", "EDT (s)", "C80 (dB)", "D50 (%)". */
    [[nodiscard]] static juce::String figureTitle (Figure figure);
    /** How a reliable value is written: seconds with 2 decimals, C80 in dB
        with 1, D50 in percent with none. */
    [[nodiscard]] static juce::String formatValue (Figure figure, double value);
    /** The table as text, a line per band, for screen readers. */
    [[nodiscard]] juce::String asText() const;

    juce::String getTooltip() override;
    void paint (juce::Graphics&) override;
    void focusGained (FocusChangeType) override;
    void focusLost (FocusChangeType) override;
    std::unique_ptr<juce::AccessibilityHandler> createAccessibilityHandler() override;

private:
    /** The band (or broadband) of a column. */
    [[nodiscard]] const RoomBandResult& bandAt (std::size_t column) const;
    /** The value and flag of a figure in a band. */
    [[nodiscard]] static std::pair<double, std::string> figureOf (const RoomBandResult& band, Figure figure);
    [[nodiscard]] float textHeight() const;
    [[nodiscard]] juce::Rectangle<float> cellArea (int row, int column) const;
    [[nodiscard]] int rowHeight() const;
    [[nodiscard]] int headingWidth() const;

    std::optional<RoomAcousticResult> shown;
    float scale = 1.0f;
};

} // namespace partita
