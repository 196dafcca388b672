// SPDX-License-Identifier: GPL-3.0-or-later
#include "IrWaveformView.h"

#include "PartitaLookAndFeel.h"

#include <algorithm>
#include <cmath>

namespace partita
{
namespace
{
constexpr float envelopeRangeDb = 60.0f;
/** The envelope gain line's scale: the early level's +12 dB at the top. */
constexpr double gainTopDb = 12.0;
constexpr double gainBottomDb = -60.0;
constexpr int margin = 6;
/** The channel names' and the caption's text at the editor's default size. */
constexpr float labelHeightAtDefaultSize = 13.0f;
/** Between a channel's name and the plot. */
constexpr int gutterGap = 6;

/** The lanes show the IR as loaded: a 4-channel one by its layout in use. */
juce::String channelName (std::size_t channel, std::size_t numChannels, IrLayout layout)
{
    if (numChannels == 2)
        return channel == 0 ? "L" : "R";
    if (numChannels == 4 && layout != IrLayout::independent)
    {
        static const char* const paths[] = { "L>L", "L>R", "R>L", "R>R" };
        static const char* const fuma[] = { "W", "X", "Y", "Z" };
        static const char* const ambix[] = { "W", "Y", "Z", "X" };
        if (layout == IrLayout::bFormatFuMa)
            return fuma[channel];
        if (layout == IrLayout::bFormatAmbiX)
            return ambix[channel];
        return paths[channel];
    }
    return juce::String (static_cast<int> (channel + 1));
}
} // namespace

IrWaveformView::IrWaveformView()
{
    setTitle ("Impulse response waveform");
}

void IrWaveformView::setImpulseResponse (std::shared_ptr<const ImpulseResponseInfo> info)
{
    if (info == shownInfo)
        return;
    shownInfo = std::move (info);
    computeColumns();
    repaint();
}

void IrWaveformView::setTrim (float startMs, float endMs, bool reversed)
{
    if (startMs == trimStartMs && endMs == trimEndMs && reversed == isReversed)
        return;
    trimStartMs = startMs;
    trimEndMs = endMs;
    isReversed = reversed;
    repaint();
}

void IrWaveformView::setScale (float newScale)
{
    if (newScale == scale)
        return;
    scale = newScale;
    computeColumns();
    repaint();
}

std::size_t IrWaveformView::numChannels() const
{
    return shownInfo != nullptr && shownInfo->source != nullptr ? shownInfo->source->channels.size() : 0;
}

juce::String IrWaveformView::laneName (std::size_t channel) const
{
    return channelName (channel, numChannels(), shownInfo != nullptr ? shownInfo->layout.layout : IrLayout::automatic);
}

juce::Font IrWaveformView::labelFont() const
{
    return juce::Font (PartitaLookAndFeel::textHeight (labelHeightAtDefaultSize, scale));
}

int IrWaveformView::gutterWidth() const
{
    // As wide as the widest name of the channels shown.
    const auto font = labelFont();
    float widest = 0.0f;
    for (std::size_t channel = 0; channel < numChannels(); ++channel)
        widest = std::max (widest, font.getStringWidthFloat (laneName (channel)));
    return widest > 0.0f ? static_cast<int> (std::ceil (widest)) + gutterGap : 0;
}

juce::Rectangle<int> IrWaveformView::plotArea() const
{
    return getLocalBounds().reduced (margin).withTrimmedLeft (gutterWidth());
}

juce::Rectangle<int> IrWaveformView::laneArea (std::size_t channel) const
{
    const auto area = plotArea();
    const auto laneHeight = area.getHeight() / std::max (1, static_cast<int> (numChannels()));
    return { area.getX(), area.getY() + static_cast<int> (channel) * laneHeight, area.getWidth(), laneHeight };
}

std::vector<juce::Rectangle<float>> IrWaveformView::channelLabelAreas() const
{
    // Beside the top of each lane, in the gutter left of the plot.
    std::vector<juce::Rectangle<float>> areas;
    const auto left = static_cast<float> (getLocalBounds().reduced (margin).getX());
    const auto width = static_cast<float> (gutterWidth() - gutterGap);
    for (std::size_t channel = 0; channel < numChannels(); ++channel)
        areas.emplace_back (left, static_cast<float> (laneArea (channel).getY()), width, labelFont().getHeight());
    return areas;
}

void IrWaveformView::resized()
{
    computeColumns();
}

void IrWaveformView::computeColumns()
{
    columns.clear();
    if (shownInfo == nullptr || shownInfo->source == nullptr || shownInfo->source->numFrames() == 0)
        return;

    const auto& source = *shownInfo->source;
    const auto frames = source.numFrames();
    const auto width = std::max (1, plotArea().getWidth());
    for (const auto& channel : source.channels)
    {
        std::vector<Column> lane (static_cast<std::size_t> (width));
        for (std::size_t x = 0; x < lane.size(); ++x)
        {
            const auto begin = x * frames / lane.size();
            const auto end = std::max (begin + 1, (x + 1) * frames / lane.size());
            double low = 0.0, high = 0.0, energy = 0.0;
            for (auto i = begin; i < std::min (end, frames); ++i)
            {
                low = std::min (low, channel[i]);
                high = std::max (high, channel[i]);
                energy += channel[i] * channel[i];
            }
            lane[x] = { static_cast<float> (low), static_cast<float> (high),
                        static_cast<float> (std::sqrt (energy / static_cast<double> (end - begin))) };
        }
        columns.push_back (std::move (lane));
    }
}

void IrWaveformView::paint (juce::Graphics& g)
{
    const auto bounds = getLocalBounds();
    g.setColour (PartitaLookAndFeel::panel);
    g.fillRoundedRectangle (bounds.toFloat(), 4.0f);

    if (columns.empty() || shownInfo == nullptr || shownInfo->source == nullptr)
    {
        g.setColour (PartitaLookAndFeel::dimText);
        g.setFont (PartitaLookAndFeel::textHeight (15.0f, scale));
        g.drawText ("No IR loaded. Load a file, drop one here, or pick a factory IR.", bounds,
                    juce::Justification::centred);
        return;
    }

    const auto peak = peakOverChannels();
    for (std::size_t channel = 0; channel < columns.size(); ++channel)
        paintLane (g, laneArea (channel).reduced (0, 2).toFloat(), columns[channel], peak);
    paintTrim (g, plotArea().toFloat(), sourceDurationMs());
    paintLengthCap (g, plotArea().toFloat());
    paintEnvelopeGain (g);

    g.setColour (PartitaLookAndFeel::dimText);
    g.setFont (labelFont());
    const auto labelAreas = channelLabelAreas();
    for (std::size_t channel = 0; channel < labelAreas.size(); ++channel)
        g.drawText (laneName (channel), labelAreas[channel], juce::Justification::centredRight);
}

float IrWaveformView::peakOverChannels() const
{
    // The peak over all channels scales every lane, so their levels compare.
    float peak = 1.0e-9f;
    for (const auto& lane : columns)
        for (const auto& column : lane)
            peak = std::max ({ peak, std::abs (column.minimum), std::abs (column.maximum) });
    return peak;
}

void IrWaveformView::paintLane (juce::Graphics& g, juce::Rectangle<float> lane, const std::vector<Column>& data,
                                float peak)
{
    const auto centre = lane.getCentreY();
    const auto halfHeight = lane.getHeight() * 0.5f;

    g.setColour (PartitaLookAndFeel::background.withAlpha (0.6f));
    g.drawHorizontalLine (juce::roundToInt (centre), lane.getX(), lane.getRight());

    g.setColour (PartitaLookAndFeel::accent.withAlpha (0.85f));
    for (std::size_t x = 0; x < data.size(); ++x)
    {
        const auto top = centre - halfHeight * data[x].maximum / peak;
        const auto bottom = centre - halfHeight * data[x].minimum / peak;
        g.drawVerticalLine (lane.toNearestInt().getX() + static_cast<int> (x), top, std::max (bottom, top + 1.0f));
    }

    g.setColour (PartitaLookAndFeel::warning.withAlpha (0.9f));
    g.strokePath (envelopePath (lane, data, peak), juce::PathStrokeType (1.5f));
}

juce::Path IrWaveformView::envelopePath (juce::Rectangle<float> lane, const std::vector<Column>& data, float peak)
{
    // 0 dB (the peak) at the lane's edge, -60 dB at its centre.
    const auto centre = lane.getCentreY();
    const auto halfHeight = lane.getHeight() * 0.5f;
    juce::Path envelope;
    for (std::size_t x = 0; x < data.size(); ++x)
    {
        const auto db = 20.0f * std::log10 (std::max (data[x].rms * std::sqrt (2.0f) / peak, 1.0e-6f));
        const auto level = std::clamp (1.0f + db / envelopeRangeDb, 0.0f, 1.0f);
        const juce::Point<float> point (lane.getX() + static_cast<float> (x), centre - halfHeight * level);
        if (x == 0)
            envelope.startNewSubPath (point);
        else
            envelope.lineTo (point);
    }
    return envelope;
}

void IrWaveformView::paintTrim (juce::Graphics& g, juce::Rectangle<float> area, double durationMs) const
{
    const auto xForMs = [&] (double ms)
    { return area.getX() + area.getWidth() * static_cast<float> (std::clamp (ms / durationMs, 0.0, 1.0)); };

    // What the trim cuts off, shaded, and the edges of what plays.
    const auto keptStart = xForMs (trimStartMs);
    const auto keptEnd = xForMs (durationMs - static_cast<double> (trimEndMs));
    g.setColour (juce::Colours::black.withAlpha (0.55f));
    g.fillRect (area.withRight (keptStart));
    g.fillRect (area.withLeft (std::max (keptEnd, keptStart)));
    g.setColour (PartitaLookAndFeel::text.withAlpha (0.8f));
    g.drawVerticalLine (juce::roundToInt (keptStart), area.getY(), area.getBottom());
    g.drawVerticalLine (juce::roundToInt (std::max (keptEnd, keptStart)), area.getY(), area.getBottom());

    g.setColour (PartitaLookAndFeel::dimText);
    g.setFont (labelFont());
    const auto caption = "0 to " + juce::String (durationMs / 1000.0, 2) + " s"
                         + (isReversed ? ", played reversed" : "") + "; shaded: trimmed";
    g.drawText (caption, area.removeFromBottom (labelFont().getHeight() + 2.0f), juce::Justification::centredRight);
}

double IrWaveformView::sourceDurationMs() const
{
    const auto& source = *shownInfo->source;
    return 1000.0 * static_cast<double> (source.numFrames()) / source.sampleRate;
}

std::optional<float> IrWaveformView::lengthCapX() const
{
    if (shownInfo == nullptr || shownInfo->source == nullptr || shownInfo->source->sampleRate <= 0.0)
        return std::nullopt;
    const auto& shape = shownInfo->shape;
    if (shape.maxLengthMs <= 0.0 || shape.stretchFactor <= 0.0)
        return std::nullopt;
    // The cap counts the played (stretched) IR; the plot shows the file.
    const double durationMs = sourceDurationMs();
    const double keptEndMs = durationMs - shape.trimEndMs;
    const double playsMs = shape.maxLengthMs / shape.stretchFactor;
    if (playsMs >= keptEndMs - shape.trimStartMs)
        return std::nullopt;
    const double capMs = shape.reverse ? keptEndMs - playsMs : shape.trimStartMs + playsMs;
    const auto area = plotArea().toFloat();
    return area.getX() + area.getWidth() * static_cast<float> (capMs / durationMs);
}

void IrWaveformView::paintLengthCap (juce::Graphics& g, juce::Rectangle<float> area) const
{
    const auto capX = lengthCapX();
    if (!capX.has_value())
        return;
    // What the cap cuts off, shaded like a trim, up to the trim's own shading.
    const auto& shape = shownInfo->shape;
    const double durationMs = sourceDurationMs();
    const auto xForMs = [&] (double ms)
    { return area.getX() + area.getWidth() * static_cast<float> (std::clamp (ms / durationMs, 0.0, 1.0)); };
    const auto cut = shape.reverse ? area.withLeft (xForMs (shape.trimStartMs)).withRight (*capX)
                                   : area.withLeft (*capX).withRight (xForMs (durationMs - shape.trimEndMs));
    g.setColour (juce::Colours::black.withAlpha (0.45f));
    g.fillRect (cut);
    g.setColour (PartitaLookAndFeel::accent.withAlpha (0.9f));
    const float dashes[] = { 4.0f, 3.0f };
    g.drawDashedLine (juce::Line<float> (*capX, area.getY(), *capX, area.getBottom()), dashes, 2, 1.5f);
}

float IrWaveformView::yForGainDb (double gainDb) const
{
    const auto area = plotArea().toFloat();
    const auto position = (gainTopDb - std::clamp (gainDb, gainBottomDb, gainTopDb)) / (gainTopDb - gainBottomDb);
    return area.getY() + area.getHeight() * static_cast<float> (position);
}

std::vector<juce::Point<float>> IrWaveformView::envelopeGainPoints() const
{
    std::vector<juce::Point<float>> points;
    if (shownInfo == nullptr || shownInfo->source == nullptr || shownInfo->source->sampleRate <= 0.0)
        return points;
    const auto& envelope = shownInfo->envelope;
    if (envelope.attackFrames == 0 && envelope.reverbTimeDecay.isNeutral() && envelope.earlyLate.isNeutral())
        return points;

    // The plot is in the loaded file's time; the curve is in the shaped IR's
    // frames: undo the trim, the reverse and the stretch the IR was built with.
    const auto& shape = shownInfo->shape;
    const auto area = plotArea().toFloat();
    const double durationMs = sourceDurationMs();
    const double keptEndMs = durationMs - shape.trimEndMs;
    const auto width = static_cast<int> (area.getWidth());
    for (int x = 0; x <= width; ++x)
    {
        const double fileMs = durationMs * static_cast<double> (x) / std::max (1, width);
        if (fileMs < shape.trimStartMs || fileMs > keptEndMs)
            continue;
        const double playedMs = (shape.reverse ? keptEndMs - fileMs : fileMs - shape.trimStartMs) * shape.stretchFactor;
        const auto frame = static_cast<std::size_t> (std::llround (playedMs * shownInfo->sampleRate / 1000.0));
        const double gain = envelope.gainAt (frame);
        const double gainDb = gain > 0.0 ? 20.0 * std::log10 (gain) : gainBottomDb;
        points.emplace_back (area.getX() + static_cast<float> (x), yForGainDb (gainDb));
    }
    return points;
}

void IrWaveformView::paintEnvelopeGain (juce::Graphics& g) const
{
    const auto points = envelopeGainPoints();
    if (points.empty())
        return;
    const auto area = plotArea().toFloat();
    const float zeroDb = yForGainDb (0.0);
    g.setColour (PartitaLookAndFeel::text.withAlpha (0.35f));
    const float dashes[] = { 3.0f * scale, 3.0f * scale };
    g.drawDashedLine ({ area.getX(), zeroDb, area.getRight(), zeroDb }, dashes, 2, 1.0f);

    juce::Path line;
    line.startNewSubPath (points.front());
    for (std::size_t i = 1; i < points.size(); ++i)
        line.lineTo (points[i]);
    // Dark under light: legible over the waveform's accent colour and the shading.
    g.setColour (juce::Colours::black.withAlpha (0.6f));
    g.strokePath (line,
                  juce::PathStrokeType (3.5f * scale, juce::PathStrokeType::curved, juce::PathStrokeType::rounded));
    g.setColour (PartitaLookAndFeel::text);
    g.strokePath (line,
                  juce::PathStrokeType (1.75f * scale, juce::PathStrokeType::curved, juce::PathStrokeType::rounded));

    g.setFont (labelFont());
    g.drawText ("envelope, 0 dB dotted", area.withHeight (labelFont().getHeight() + 2.0f),
                juce::Justification::centredRight);
}

} // namespace partita
