// SPDX-License-Identifier: GPL-3.0-or-later
#include "FrequencyResponseView.h"

#include "PartitaLookAndFeel.h"

#include <algorithm>
#include <cmath>

namespace partita
{

FrequencyResponseView::FrequencyResponseView()
{
    setTitle ("Wet path frequency response");
    response.setImpulseResponse ({}, 48000.0);
    updateCurve();
}

void FrequencyResponseView::setImpulseResponse (std::shared_ptr<const ImpulseResponseInfo> info)
{
    if (hasInfo && info == shownInfo)
        return;

    hasInfo = true;
    shownInfo = std::move (info);
    if (shownInfo != nullptr)
        response.setImpulseResponse (shownInfo->shapedChannels, shownInfo->sampleRate);
    else
        response.setImpulseResponse ({}, response.sampleRate());
    updateCurve();
}

void FrequencyResponseView::setFilters (float lowCutHz, float highCutHz, float wetGainDb)
{
    if (lowCutHz == lowCut && highCutHz == highCut && wetGainDb == wetGain)
        return;
    lowCut = lowCutHz;
    highCut = highCutHz;
    wetGain = wetGainDb;
    updateCurve();
}

void FrequencyResponseView::setScale (float scale)
{
    if (scale == textScale)
        return;
    textScale = scale;
    repaint();
}

void FrequencyResponseView::updateCurve()
{
    curve = response.curveDb (lowCut, highCut, wetGain);
    repaint();
}

void FrequencyResponseView::paint (juce::Graphics& g)
{
    const auto bounds = getLocalBounds().toFloat();
    g.setColour (PartitaLookAndFeel::panel);
    g.fillRoundedRectangle (bounds, 4.0f);

    // The margins hold the labels: in units of their text's height.
    const auto textHeight = PartitaLookAndFeel::textHeight (11.0f, textScale);
    const auto plot = bounds.reduced (3.1f * textHeight, 1.3f * textHeight).withTrimmedBottom (0.7f * textHeight);
    const auto& frequencies = response.frequencies();
    if (curve.empty() || frequencies.size() != curve.size() || plot.isEmpty())
        return;

    const auto peak = *std::max_element (curve.begin(), curve.end());
    const PlotScale scale { plot, std::log (frequencies.front()), std::log (frequencies.back()),
                            6.0f * std::ceil ((peak + 1.0f) / 6.0f) };

    g.setFont (textHeight);
    paintFrequencyGrid (g, scale, frequencies.back());
    paintLevelGrid (g, scale, bounds.getX());

    juce::Path path;
    for (std::size_t i = 0; i < curve.size(); ++i)
    {
        const juce::Point<float> point (scale.x (frequencies[i]), scale.y (curve[i]));
        if (i == 0)
            path.startNewSubPath (point);
        else
            path.lineTo (point);
    }
    g.setColour (PartitaLookAndFeel::accent);
    g.strokePath (path, juce::PathStrokeType (2.0f));

    g.setColour (PartitaLookAndFeel::dimText);
    g.drawText ("Wet path response (dB)", bounds.reduced (3.6f * textHeight, 2.0f).removeFromTop (textHeight + 1.0f),
                juce::Justification::centredRight);
}

float FrequencyResponseView::PlotScale::x (float hz) const
{
    return plot.getX() + plot.getWidth() * (std::log (hz) - lowestLog) / (highestLog - lowestLog);
}

float FrequencyResponseView::PlotScale::y (float db) const
{
    return plot.getY() + plot.getHeight() * std::clamp ((topDb - db) / rangeDb, 0.0f, 1.0f);
}

void FrequencyResponseView::paintFrequencyGrid (juce::Graphics& g, const PlotScale& scale, float highestHz)
{
    const auto& plot = scale.plot;
    for (const float hz : { 50.0f, 100.0f, 200.0f, 500.0f, 1000.0f, 2000.0f, 5000.0f, 10000.0f })
    {
        if (hz > highestHz)
            continue;
        const auto x = scale.x (hz);
        g.setColour (PartitaLookAndFeel::background.withAlpha (0.8f));
        g.drawVerticalLine (juce::roundToInt (x), plot.getY(), plot.getBottom());
        g.setColour (PartitaLookAndFeel::dimText);
        const auto label = hz >= 1000.0f ? juce::String (hz / 1000.0f, 0) + "k" : juce::String (hz, 0);
        const auto height = g.getCurrentFont().getHeight();
        g.drawText (label,
                    juce::Rectangle<float> (x - 1.8f * height, plot.getBottom() + 1.0f, 3.6f * height, height + 1.0f),
                    juce::Justification::centred);
    }
}

void FrequencyResponseView::paintLevelGrid (juce::Graphics& g, const PlotScale& scale, float labelX)
{
    const auto& plot = scale.plot;
    for (float db = scale.topDb; db >= scale.topDb - PlotScale::rangeDb; db -= 12.0f)
    {
        const auto y = scale.y (db);
        g.setColour (PartitaLookAndFeel::background.withAlpha (0.8f));
        g.drawHorizontalLine (juce::roundToInt (y), plot.getX(), plot.getRight());
        g.setColour (PartitaLookAndFeel::dimText);
        const auto height = g.getCurrentFont().getHeight();
        g.drawText (juce::String (db, 0),
                    juce::Rectangle<float> (labelX, y - 0.5f * height, 2.7f * height, height + 1.0f),
                    juce::Justification::centredRight);
    }
}

} // namespace partita
