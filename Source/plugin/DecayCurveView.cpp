// SPDX-License-Identifier: GPL-3.0-or-later
#include "DecayCurveView.h"

#include "PartitaLookAndFeel.h"

#include <algorithm>
#include <cmath>

namespace partita
{
namespace
{
/** At the editor's default size; it scales with the editor. */
constexpr float labelHeightAtDefaultSize = 11.0f;

/** The fit a band's line shows: T30's, else T20's (a short decay), else none. */
const DecayTimeValue* fitToDraw (const RoomBandResult& band)
{
    if (band.t30.fit.valid)
        return &band.t30;
    if (band.t20.fit.valid)
        return &band.t20;
    return nullptr;
}

juce::String decibelsText (double value)
{
    return std::isfinite (value) ? juce::String (value, 1) + " dB" : juce::String ("no noise floor");
}
} // namespace

DecayCurveView::DecayCurveView()
{
    setTitle ("Energy decay curves");
    setDescription ("The energy decay curve of each octave band with its T30 fit");
    reasonText = "No IR";
}

void DecayCurveView::setAnalysis (std::optional<RoomAcousticResult> analysis, juce::String reasonWhenNone)
{
    shown = std::move (analysis);
    reasonText = shown.has_value() ? juce::String() : std::move (reasonWhenNone);
    repaint();
}

void DecayCurveView::setScale (float newScale)
{
    scale = newScale;
    repaint();
}

float DecayCurveView::textHeight() const
{
    return PartitaLookAndFeel::textHeight (labelHeightAtDefaultSize, scale);
}

juce::Rectangle<float> DecayCurveView::plotArea() const
{
    // The margins hold the labels: the levels at the left, the times and the
    // title line below and above, in units of their text's height.
    const auto text = textHeight();
    return getLocalBounds()
        .toFloat()
        .withTrimmedLeft (4.2f * text)
        .withTrimmedRight (1.0f * text)
        .withTrimmedTop (2.2f * text)
        .withTrimmedBottom (2.0f * text);
}

double DecayCurveView::plotSeconds() const
{
    double longest = 0.0;
    if (shown.has_value())
        for (const auto& band : shown->bands)
            if (!band.curve.seconds.empty())
                longest = std::max (longest, band.curve.seconds.back());
    if (longest <= 0.0)
        return 1.0;
    // A round span: 1, 2 or 5 times a power of ten.
    const auto decade = std::pow (10.0, std::floor (std::log10 (longest)));
    for (const auto step : { 1.0, 2.0, 5.0, 10.0 })
        if (longest <= step * decade)
            return step * decade;
    return 10.0 * decade;
}

juce::Point<float> DecayCurveView::pointFor (double seconds, double decibels) const
{
    const auto plot = plotArea();
    const auto x = plot.getX() + plot.getWidth() * static_cast<float> (seconds / plotSeconds());
    const auto level = std::clamp (decibels, floorDb, 0.0);
    const auto y = plot.getY() + plot.getHeight() * static_cast<float> (level / floorDb);
    return { x, y };
}

juce::Colour DecayCurveView::bandColour (std::size_t band, std::size_t numBands)
{
    const auto position = numBands > 1 ? static_cast<float> (band) / static_cast<float> (numBands - 1) : 0.0f;
    return juce::Colour::fromHSV (0.78f * position, 0.62f, 0.95f, 1.0f);
}

void DecayCurveView::paint (juce::Graphics& g)
{
    g.setColour (PartitaLookAndFeel::panel);
    g.fillRoundedRectangle (getLocalBounds().toFloat(), 5.0f);

    const auto text = textHeight();
    const auto titleArea = getLocalBounds().toFloat().reduced (text * 0.5f, 0.0f).removeFromTop (2.0f * text);
    g.setFont (juce::Font (text * 1.15f, juce::Font::bold));
    g.setColour (PartitaLookAndFeel::text);
    g.drawText ("Energy decay per octave band", titleArea.withTrimmedLeft (3.7f * text),
                juce::Justification::centredLeft);

    paintGrid (g);
    if (!shown.has_value())
    {
        g.setFont (juce::Font (text * 1.3f));
        g.setColour (PartitaLookAndFeel::dimText);
        g.drawFittedText (reasonText, plotArea().reduced (text).toNearestInt(), juce::Justification::centred, 3);
        return;
    }

    const auto numBands = shown->bands.size();
    for (std::size_t band = 0; band < numBands; ++band)
        paintBand (g, shown->bands[band], bandColour (band, numBands));
    paintLegend (g);

    const auto& broadband = shown->broadband;
    g.setFont (juce::Font (text));
    g.setColour (PartitaLookAndFeel::dimText);
    g.drawText ("Peak to noise " + decibelsText (broadband.peakToNoiseDb) + "; direct sound at "
                    + juce::String (shown->directSoundSeconds * 1000.0, 1) + " ms",
                titleArea, juce::Justification::centredRight);
}

void DecayCurveView::paintGrid (juce::Graphics& g) const
{
    const auto plot = plotArea();
    const auto text = textHeight();
    g.setFont (juce::Font (text));
    for (double level = 0.0; level >= floorDb; level -= 10.0)
    {
        const auto y = pointFor (0.0, level).y;
        g.setColour (PartitaLookAndFeel::dimText.withAlpha (level == 0.0 ? 0.5f : 0.18f));
        g.drawHorizontalLine (juce::roundToInt (y), plot.getX(), plot.getRight());
        g.setColour (PartitaLookAndFeel::dimText);
        g.drawText (juce::String (juce::roundToInt (level)) + " dB",
                    juce::Rectangle<float> (0.0f, y - text * 0.6f, plot.getX() - 0.3f * text, text * 1.2f),
                    juce::Justification::centredRight);
    }
    const auto span = plotSeconds();
    for (int tick = 0; tick <= 10; ++tick)
    {
        const auto seconds = span * tick / 10.0;
        const auto x = pointFor (seconds, 0.0).x;
        g.setColour (PartitaLookAndFeel::dimText.withAlpha (0.18f));
        g.drawVerticalLine (juce::roundToInt (x), plot.getY(), plot.getBottom());
        if (tick % 2 != 0)
            continue;
        g.setColour (PartitaLookAndFeel::dimText);
        const auto label = span < 1.0 ? juce::String (juce::roundToInt (seconds * 1000.0)) + " ms"
                                      : juce::String (seconds, seconds < 10.0 ? 1 : 0) + " s";
        g.drawText (label,
                    juce::Rectangle<float> (x - 3.0f * text, plot.getBottom() + 0.3f * text, 6.0f * text, text * 1.3f),
                    juce::Justification::centred);
    }
}

void DecayCurveView::paintBand (juce::Graphics& g, const RoomBandResult& band, juce::Colour colour) const
{
    const auto& curve = band.curve;
    const auto plot = plotArea();
    // (A Path with only a start point is "empty": the flag says whether a
    // sub-path was started.) A level that is not finite (the curve's end,
    // where no energy is left) breaks the line.
    juce::Path path;
    bool drawing = false;
    for (std::size_t i = 0; i < curve.seconds.size() && i < curve.decibels.size(); ++i)
    {
        if (!std::isfinite (curve.decibels[i]))
        {
            drawing = false;
            continue;
        }
        const auto point = pointFor (curve.seconds[i], curve.decibels[i]);
        if (drawing)
            path.lineTo (point);
        else
            path.startNewSubPath (point);
        drawing = true;
    }
    g.saveState();
    g.reduceClipRegion (plot.toNearestInt());
    g.setColour (colour);
    g.strokePath (path, juce::PathStrokeType (1.6f * std::max (1.0f, scale)));

    if (const auto* decay = fitToDraw (band))
    {
        const auto& fit = decay->fit;
        juce::Path line;
        line.startNewSubPath (pointFor (fit.fromSeconds, fit.interceptDb + fit.slopeDbPerSecond * fit.fromSeconds));
        line.lineTo (pointFor (fit.toSeconds, fit.interceptDb + fit.slopeDbPerSecond * fit.toSeconds));
        juce::Path dashed;
        const float dashes[] = { 5.0f * scale, 4.0f * scale };
        juce::PathStrokeType (1.2f * std::max (1.0f, scale)).createDashedStroke (dashed, line, dashes, 2);
        g.setColour (colour.brighter (0.4f));
        g.fillPath (dashed);
    }
    g.restoreState();
}

void DecayCurveView::paintLegend (juce::Graphics& g) const
{
    const auto plot = plotArea();
    const auto text = textHeight();
    g.setFont (juce::Font (text));
    const auto numBands = shown->bands.size();
    // A line per band, the heading and the fit's key, inside the plot (a
    // third-octave analysis' longer list gets shorter lines).
    const auto lines = static_cast<float> (numBands + 2);
    const auto lineHeight = std::min (text * 1.25f, (plot.getHeight() - text) / lines);
    auto area = juce::Rectangle<float> (plot.getRight() - 8.5f * text, plot.getY() + 0.5f * text, 8.0f * text,
                                        lineHeight * lines);
    g.setColour (PartitaLookAndFeel::panel.withAlpha (0.85f));
    g.fillRect (area);
    // The bands by their nominal names under one unit, as the table heads
    // its columns ("1k" is 1 kHz, ISO 266's preferred name).
    g.setColour (PartitaLookAndFeel::dimText);
    g.drawText ("Octave (Hz)", area.removeFromTop (lineHeight).withTrimmedLeft (0.2f * text),
                juce::Justification::centredLeft);
    for (std::size_t band = 0; band < numBands; ++band)
    {
        auto row = area.removeFromTop (lineHeight);
        const auto swatch = row.removeFromLeft (1.6f * text).reduced (0.2f * text, 0.3f * lineHeight);
        g.setColour (bandColour (band, numBands));
        g.fillRect (swatch);
        g.setColour (PartitaLookAndFeel::text);
        g.drawText (juce::String (shown->bands[band].label), row.withTrimmedLeft (0.3f * text),
                    juce::Justification::centredLeft);
    }
    g.setColour (PartitaLookAndFeel::dimText);
    g.drawText ("- - fit (T30)", area.withTrimmedLeft (0.2f * text), juce::Justification::centredLeft);
}

} // namespace partita
