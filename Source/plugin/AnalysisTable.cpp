// SPDX-License-Identifier: GPL-3.0-or-later
#include "AnalysisTable.h"

#include "PartitaLookAndFeel.h"

#include <algorithm>
#include <cmath>

namespace partita
{
namespace
{
/** At the editor's default size; it scales with the editor. */
constexpr float textHeightAtDefaultSize = 13.0f;
/** The heading row, the four figures and the legend line. */
constexpr int linesShown = 6;
} // namespace

AnalysisTable::AnalysisTable()
{
    setTitle ("Room acoustic parameters");
    setWantsKeyboardFocus (true);
    setMouseClickGrabsKeyboardFocus (true);
}

void AnalysisTable::setAnalysis (std::optional<RoomAcousticResult> analysis)
{
    shown = std::move (analysis);
    setDescription (asText());
    if (auto* handler = getAccessibilityHandler())
        handler->notifyAccessibilityEvent (juce::AccessibilityEvent::valueChanged);
    repaint();
}

void AnalysisTable::setScale (float newScale)
{
    scale = newScale;
    repaint();
}

std::size_t AnalysisTable::numColumns() const
{
    return shown.has_value() ? shown->bands.size() + 1 : 0;
}

const RoomBandResult& AnalysisTable::bandAt (std::size_t column) const
{
    return column < shown->bands.size() ? shown->bands[column] : shown->broadband;
}

std::pair<double, std::string> AnalysisTable::figureOf (const RoomBandResult& band, Figure figure)
{
    switch (figure)
    {
        case Figure::t30:
            return { band.t30.seconds, band.t30.flag };
        case Figure::edt:
            return { band.edt.seconds, band.edt.flag };
        case Figure::c80:
            return { band.c80Db.value, band.c80Db.flag };
        case Figure::d50:
            return { band.d50.value, band.d50.flag };
    }
    return {};
}

juce::String AnalysisTable::formatValue (Figure figure, double value)
{
    switch (figure)
    {
        case Figure::t30:
        case Figure::edt:
            return juce::String (value, 2);
        case Figure::c80:
            return juce::String (value, 1);
        case Figure::d50:
            return juce::String (juce::roundToInt (value * 100.0));
    }
    return {};
}

juce::String AnalysisTable::figureTitle (Figure figure)
{
    switch (figure)
    {
        case Figure::t30:
            return "T30 (s)";
        case Figure::edt:
            return "EDT (s)";
        case Figure::c80:
            return "C80 (dB)";
        case Figure::d50:
            return "D50 (%)";
    }
    return {};
}

juce::String AnalysisTable::cellText (Figure figure, std::size_t column) const
{
    if (column >= numColumns())
        return {};
    const auto [value, flag] = figureOf (bandAt (column), figure);
    // A flagged value is not a number the user may quote: the dash says so.
    if (!flag.empty() || !std::isfinite (value))
        return juce::String::fromUTF8 (flaggedText);
    return formatValue (figure, value);
}

juce::String AnalysisTable::cellFlag (Figure figure, std::size_t column) const
{
    if (column >= numColumns())
        return {};
    const auto [value, flag] = figureOf (bandAt (column), figure);
    if (flag.empty() && !std::isfinite (value))
        return "no value";
    return juce::String::fromUTF8 (flag.c_str());
}

juce::String AnalysisTable::columnTitle (std::size_t column) const
{
    if (column >= numColumns())
        return {};
    return column < shown->bands.size() ? juce::String (shown->bands[column].label) : juce::String ("All");
}

juce::String AnalysisTable::asText() const
{
    if (!shown.has_value())
        return "No figures";
    juce::StringArray lines;
    for (std::size_t column = 0; column < numColumns(); ++column)
    {
        juce::StringArray cells;
        for (const auto figure : figures)
        {
            const auto flag = cellFlag (figure, column);
            cells.add (figureTitle (figure) + " " + (flag.isEmpty() ? cellText (figure, column) : "flagged: " + flag));
        }
        const auto name = column < shown->bands.size() ? columnTitle (column) + " Hz" : juce::String ("Broadband");
        lines.add (name + ": " + cells.joinIntoString (", "));
    }
    return lines.joinIntoString ("\n");
}

// Drawing ----------------------------------------------------------------------------

float AnalysisTable::textHeight() const
{
    // As large as the scale asks, but never so large that the lines leave
    // the panel (the panel is as tall as the tallest page of controls).
    const auto fitting = static_cast<float> (getHeight()) / (static_cast<float> (linesShown) * 1.35f);
    return std::min (PartitaLookAndFeel::textHeight (textHeightAtDefaultSize, scale),
                     std::max (PartitaLookAndFeel::minimumTextHeight, fitting));
}

int AnalysisTable::rowHeight() const
{
    return juce::roundToInt (textHeight() * 1.35f);
}

int AnalysisTable::headingWidth() const
{
    return juce::roundToInt (textHeight() * 6.0f);
}

juce::Rectangle<float> AnalysisTable::cellArea (int row, int column) const
{
    const auto columns = std::max<std::size_t> (1, numColumns());
    const auto width = static_cast<float> (getWidth() - headingWidth()) / static_cast<float> (columns);
    const auto x = column < 0 ? 0.0f : static_cast<float> (headingWidth()) + width * static_cast<float> (column);
    return { x, static_cast<float> (row * rowHeight()), column < 0 ? static_cast<float> (headingWidth()) : width,
             static_cast<float> (rowHeight()) };
}

void AnalysisTable::paint (juce::Graphics& g)
{
    const juce::Font font (textHeight());
    g.setFont (font);
    if (!shown.has_value())
    {
        g.setColour (PartitaLookAndFeel::dimText);
        g.drawText ("No figures yet", getLocalBounds(), juce::Justification::centred);
        return;
    }

    // Headings: the bands across, the figures down.
    g.setFont (font.boldened());
    g.setColour (PartitaLookAndFeel::dimText);
    g.drawText ("Hz", cellArea (0, -1).reduced (4.0f, 0.0f), juce::Justification::centredLeft);
    for (std::size_t column = 0; column < numColumns(); ++column)
        g.drawText (columnTitle (column), cellArea (0, static_cast<int> (column)), juce::Justification::centred);

    bool anyFlagged = false;
    for (std::size_t index = 0; index < figures.size(); ++index)
    {
        const auto row = static_cast<int> (index) + 1;
        if (index % 2 == 0)
        {
            g.setColour (PartitaLookAndFeel::panel.withAlpha (0.6f));
            g.fillRect (cellArea (row, -1).withRight (static_cast<float> (getWidth())));
        }
        g.setFont (font.boldened());
        g.setColour (PartitaLookAndFeel::text);
        g.drawText (figureTitle (figures[index]), cellArea (row, -1).reduced (4.0f, 0.0f),
                    juce::Justification::centredLeft);
        g.setFont (font);
        for (std::size_t column = 0; column < numColumns(); ++column)
        {
            const auto flagged = cellFlag (figures[index], column).isNotEmpty();
            anyFlagged = anyFlagged || flagged;
            g.setColour (flagged ? PartitaLookAndFeel::warning : PartitaLookAndFeel::text);
            g.drawText (cellText (figures[index], column), cellArea (row, static_cast<int> (column)),
                        juce::Justification::centred);
        }
    }

    if (anyFlagged)
    {
        g.setColour (PartitaLookAndFeel::warning);
        g.drawText (juce::String::fromUTF8 (flaggedText)
                        + " not reliable (too little decay range or a curved decay); point at it for the reason",
                    cellArea (static_cast<int> (figures.size()) + 1, -1)
                        .withRight (static_cast<float> (getWidth()))
                        .reduced (4.0f, 0.0f),
                    juce::Justification::centredLeft);
    }

    if (hasKeyboardFocus (false))
        PartitaLookAndFeel::drawFocusRing (g, getLocalBounds().toFloat());
}

juce::String AnalysisTable::getTooltip()
{
    if (!shown.has_value())
        return {};
    const auto mouse = getMouseXYRelative().toFloat();
    for (std::size_t index = 0; index < figures.size(); ++index)
        for (std::size_t column = 0; column < numColumns(); ++column)
            if (cellArea (static_cast<int> (index) + 1, static_cast<int> (column)).contains (mouse))
            {
                const auto flag = cellFlag (figures[index], column);
                const auto value = figureOf (bandAt (column), figures[index]).first;
                if (flag.isEmpty())
                    return {};
                return flag + (std::isfinite (value) ? " (computed: " + formatValue (figures[index], value) + ")" : "");
            }
    return {};
}

void AnalysisTable::focusGained (FocusChangeType)
{
    repaint();
}

void AnalysisTable::focusLost (FocusChangeType)
{
    repaint();
}

std::unique_ptr<juce::AccessibilityHandler> AnalysisTable::createAccessibilityHandler()
{
    return std::make_unique<juce::AccessibilityHandler> (*this, juce::AccessibilityRole::staticText);
}

} // namespace partita
