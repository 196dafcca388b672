// SPDX-License-Identifier: GPL-3.0-or-later
#include "MeasuredIrView.h"

#include "plugin/PartitaLookAndFeel.h"

#include <algorithm>
#include <cmath>

namespace partita
{

MeasuredIrView::MeasuredIrView()
{
    setTitle ("Measured IR");
    setDescription ("The measured IR's level in dB against time");
}

void MeasuredIrView::setImpulseResponse (const std::vector<double>& samples, double sampleRate)
{
    shown = samples;
    rate = sampleRate > 0.0 ? sampleRate : 48000.0;
    repaint();
}

void MeasuredIrView::paint (juce::Graphics& g)
{
    g.setColour (PartitaLookAndFeel::panel);
    g.fillRoundedRectangle (getLocalBounds().toFloat(), 4.0f);
    const auto text = 12.0f;
    const auto plot = getLocalBounds()
                          .toFloat()
                          .withTrimmedLeft (3.5f * text)
                          .withTrimmedBottom (1.6f * text)
                          .reduced (0.0f, 0.5f * text)
                          .withTrimmedRight (0.6f * text);
    g.setFont (juce::Font (text));
    for (double level = 0.0; level >= floorDb; level -= 30.0)
    {
        const auto y = plot.getY() + plot.getHeight() * static_cast<float> (level / floorDb);
        g.setColour (PartitaLookAndFeel::dimText.withAlpha (0.25f));
        g.drawHorizontalLine (juce::roundToInt (y), plot.getX(), plot.getRight());
        g.setColour (PartitaLookAndFeel::dimText);
        g.drawText (juce::String (juce::roundToInt (level)) + " dB",
                    juce::Rectangle<float> (0.0f, y - text * 0.6f, plot.getX() - 4.0f, text * 1.2f),
                    juce::Justification::centredRight);
    }
    if (shown.empty())
    {
        g.setColour (PartitaLookAndFeel::dimText);
        g.drawText ("No IR measured yet", plot, juce::Justification::centred);
        return;
    }

    const auto seconds = static_cast<double> (shown.size()) / rate;
    g.setColour (PartitaLookAndFeel::dimText);
    g.drawText ("0", juce::Rectangle<float> (plot.getX() - text, plot.getBottom(), 2.0f * text, 1.4f * text),
                juce::Justification::centred);
    g.drawText (juce::String (seconds, 2) + " s",
                juce::Rectangle<float> (plot.getRight() - 5.0f * text, plot.getBottom(), 5.0f * text, 1.4f * text),
                juce::Justification::centredRight);

    const auto peak = std::abs (*std::max_element (shown.begin(), shown.end(),
                                                   [] (double a, double b) { return std::abs (a) < std::abs (b); }));
    if (peak <= 0.0)
        return;
    const auto columns = std::max (1, juce::roundToInt (plot.getWidth()));
    juce::Path path;
    for (int column = 0; column < columns; ++column)
    {
        const auto begin = shown.size() * static_cast<std::size_t> (column) / static_cast<std::size_t> (columns);
        const auto end = std::max (begin + 1, shown.size() * static_cast<std::size_t> (column + 1)
                                                  / static_cast<std::size_t> (columns));
        double largest = 0.0;
        for (auto i = begin; i < end && i < shown.size(); ++i)
            largest = std::max (largest, std::abs (shown[i]));
        const auto level = largest > 0.0 ? std::max (floorDb, 20.0 * std::log10 (largest / peak)) : floorDb;
        const auto x = plot.getX() + static_cast<float> (column);
        const auto y = plot.getY() + plot.getHeight() * static_cast<float> (level / floorDb);
        if (column == 0)
            path.startNewSubPath (x, y);
        else
            path.lineTo (x, y);
    }
    g.setColour (PartitaLookAndFeel::accent);
    g.strokePath (path, juce::PathStrokeType (1.3f));
}

} // namespace partita
