// SPDX-License-Identifier: GPL-3.0-or-later
#include "FrequencyResponseView.h"

#include "PartitaLookAndFeel.h"

#include <algorithm>
#include <cmath>

namespace partita
{

const std::array<FrequencyResponseView::Handle, FrequencyResponseView::numHandles> FrequencyResponseView::handles {
    Handle { "LC", "lowCut", "", "lowCutSlope" },
    Handle { "LS", "lowShelfFreq", "lowShelfGain", "lowShelfQ" },
    Handle { "1", "peak1Freq", "peak1Gain", "peak1Q" },
    Handle { "2", "peak2Freq", "peak2Gain", "peak2Q" },
    Handle { "HS", "highShelfFreq", "highShelfGain", "highShelfQ" },
    Handle { "HC", "highCut", "", "highCutSlope" },
};

namespace
{
juce::String toJuce (std::string_view text)
{
    return juce::String (text.data(), text.size());
}

/** A Q step of the wheel and the + and - keys: a quarter octave. */
constexpr float qStep = 1.189207115f;
} // namespace

FrequencyResponseView::FrequencyResponseView (juce::AudioProcessorValueTreeState& state)
    : parameterState (state)
{
    setTitle ("Wet path frequency response and equaliser");
    setDescription ("Drag a handle: frequency across, gain up and down; mouse wheel: Q or slope; double click: 0 dB. "
                    "Keys 1 to 6 pick a handle, arrows move it, + and - change its Q or slope.");
    setTooltip ("Drag a handle: frequency across, gain up and down. Wheel: Q (a cut: its slope). Double click: 0 dB.");
    setWantsKeyboardFocus (true);
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

void FrequencyResponseView::setParameters (const ProcessorParameters& parameters)
{
    bool same = true;
    for (const auto& row : parameterTable)
        if (row.editorSection == EditorSection::equaliser || row.id == "wetGain")
            same = same && row.field.get (parameters) == row.field.get (shown);
    if (same)
        return;
    shown = parameters;
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
    curve = response.curveDb (shown);
    equaliserCurve = response.filterCurveDb (shown);
    repaint();
}

// Parameters -----------------------------------------------------------------------

float FrequencyResponseView::parameterValue (std::string_view id) const
{
    const auto* row = findParameter (id);
    return row == nullptr ? 0.0f : row->field.get (shown);
}

void FrequencyResponseView::beginGesture (std::string_view id)
{
    if (auto* parameter = parameterState.getParameter (toJuce (id)))
        parameter->beginChangeGesture();
}

void FrequencyResponseView::endGesture (std::string_view id)
{
    if (auto* parameter = parameterState.getParameter (toJuce (id)))
        parameter->endChangeGesture();
}

void FrequencyResponseView::setParameter (std::string_view id, float value)
{
    const auto* row = findParameter (id);
    auto* parameter = parameterState.getParameter (toJuce (id));
    if (row == nullptr || parameter == nullptr)
        return;
    const auto clamped = row->clamp (value);
    if (!dragOpensGestures)
        parameter->beginChangeGesture();
    parameter->setValueNotifyingHost (parameter->convertTo0to1 (clamped));
    if (!dragOpensGestures)
        parameter->endChangeGesture();
    // Drawn at once, not at the editor's next poll.
    row->field.set (shown, clamped);
    updateCurve();
}

// Geometry -------------------------------------------------------------------------

FrequencyResponseView::PlotScale FrequencyResponseView::plotScale() const
{
    // The margins hold the labels: in units of their text's height.
    const auto textHeight = PartitaLookAndFeel::textHeight (11.0f, textScale);
    const auto bounds = getLocalBounds().toFloat();
    const auto plot = bounds.reduced (3.1f * textHeight, 1.3f * textHeight).withTrimmedBottom (0.7f * textHeight);
    const auto& frequencies = response.frequencies();
    const auto peak = curve.empty() ? 0.0f : *std::max_element (curve.begin(), curve.end());
    return { plot, std::log (frequencies.front()), std::log (frequencies.back()),
             6.0f * std::ceil ((peak + 1.0f) / 6.0f) };
}

juce::Point<float> FrequencyResponseView::handlePosition (std::size_t index) const
{
    const auto scale = plotScale();
    const auto& handle = handles[index];
    const auto& frequencies = response.frequencies();
    const auto hz = std::clamp (parameterValue (handle.frequencyId), frequencies.front(), frequencies.back());
    const auto db = handle.gainId.empty() ? 0.0f : parameterValue (handle.gainId);
    return { scale.x (hz), scale.equaliserY (db) };
}

std::optional<std::size_t> FrequencyResponseView::handleAt (juce::Point<float> position) const
{
    const auto reach = 1.2f * PartitaLookAndFeel::textHeight (11.0f, textScale);
    std::optional<std::size_t> nearest;
    float nearestDistance = reach;
    for (std::size_t index = 0; index < numHandles; ++index)
    {
        const auto distance = handlePosition (index).getDistanceFrom (position);
        if (distance <= nearestDistance)
        {
            nearest = index;
            nearestDistance = distance;
        }
    }
    return nearest;
}

// Mouse ----------------------------------------------------------------------------

void FrequencyResponseView::mouseDown (const juce::MouseEvent& event)
{
    dragged = handleAt (event.position);
    if (!dragged)
        return;
    select (*dragged);
    const auto& handle = handles[*dragged];
    beginGesture (handle.frequencyId);
    if (!handle.gainId.empty())
        beginGesture (handle.gainId);
    dragOpensGestures = true;
}

void FrequencyResponseView::mouseDrag (const juce::MouseEvent& event)
{
    if (dragged)
        dragTo (event.position);
}

void FrequencyResponseView::mouseUp (const juce::MouseEvent&)
{
    if (!dragged)
        return;
    const auto& handle = handles[*dragged];
    endGesture (handle.frequencyId);
    if (!handle.gainId.empty())
        endGesture (handle.gainId);
    dragOpensGestures = false;
    dragged.reset();
}

void FrequencyResponseView::dragTo (juce::Point<float> position)
{
    const auto scale = plotScale();
    const auto& handle = handles[*dragged];
    setParameter (handle.frequencyId, scale.hzAt (position.x));
    if (!handle.gainId.empty())
        setParameter (handle.gainId, std::round (2.0f * scale.equaliserDbAt (position.y)) / 2.0f);
}

void FrequencyResponseView::mouseDoubleClick (const juce::MouseEvent& event)
{
    if (const auto index = handleAt (event.position); index && !handles[*index].gainId.empty())
        setParameter (handles[*index].gainId, 0.0f);
}

void FrequencyResponseView::mouseWheelMove (const juce::MouseEvent& event, const juce::MouseWheelDetails& wheel)
{
    const auto index = handleAt (event.position);
    if (!index || wheel.deltaY == 0.0f)
    {
        Component::mouseWheelMove (event, wheel);
        return;
    }
    select (*index);
    moveShape (wheel.deltaY > 0.0f ? 1 : -1);
}

// Keyboard -------------------------------------------------------------------------

void FrequencyResponseView::select (std::size_t index)
{
    selected = index;
    repaint();
}

void FrequencyResponseView::moveFrequency (float octaves)
{
    const auto id = handles[selected].frequencyId;
    setParameter (id, parameterValue (id) * std::exp2 (octaves));
}

void FrequencyResponseView::moveGain (float decibels)
{
    if (const auto id = handles[selected].gainId; !id.empty())
        setParameter (id, parameterValue (id) + decibels);
    else
        moveShape (decibels > 0.0f ? -1 : 1); // up flattens a cut, down steepens it
}

void FrequencyResponseView::moveShape (int steps)
{
    const auto id = handles[selected].shapeId;
    const auto* row = findParameter (id);
    if (row == nullptr)
        return;
    if (row->kind == ParameterKind::choice)
        setParameter (id, parameterValue (id) + static_cast<float> (steps));
    else
        setParameter (id, parameterValue (id) * std::pow (qStep, static_cast<float> (steps)));
}

bool FrequencyResponseView::keyPressed (const juce::KeyPress& key)
{
    const auto code = key.getKeyCode();
    const bool fine = key.getModifiers().isShiftDown();
    if (code >= '1' && code < '1' + static_cast<int> (numHandles))
        select (static_cast<std::size_t> (code - '1'));
    else if (code == ']')
        select ((selected + 1) % numHandles);
    else if (code == '[')
        select ((selected + numHandles - 1) % numHandles);
    else if (code == juce::KeyPress::leftKey || code == juce::KeyPress::rightKey)
        moveFrequency ((code == juce::KeyPress::rightKey ? 1.0f : -1.0f) / (fine ? 48.0f : 12.0f));
    else if (code == juce::KeyPress::upKey || code == juce::KeyPress::downKey)
        moveGain (code == juce::KeyPress::upKey ? 0.5f : -0.5f);
    else if (key.getTextCharacter() == '+' || key.getTextCharacter() == '=')
        moveShape (1);
    else if (key.getTextCharacter() == '-')
        moveShape (-1);
    else
        return false;
    return true;
}

void FrequencyResponseView::focusGained (FocusChangeType)
{
    repaint();
}

void FrequencyResponseView::focusLost (FocusChangeType)
{
    repaint();
}

// Painting -------------------------------------------------------------------------

void FrequencyResponseView::paint (juce::Graphics& g)
{
    const auto bounds = getLocalBounds().toFloat();
    g.setColour (PartitaLookAndFeel::panel);
    g.fillRoundedRectangle (bounds, 4.0f);

    const auto textHeight = PartitaLookAndFeel::textHeight (11.0f, textScale);
    const auto& frequencies = response.frequencies();
    const auto scale = plotScale();
    if (curve.empty() || frequencies.size() != curve.size() || scale.plot.isEmpty())
        return;

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

    paintEqualiser (g, scale);

    g.setColour (PartitaLookAndFeel::dimText);
    g.drawText ("Wet path response (dB)", bounds.reduced (3.6f * textHeight, 2.0f).removeFromTop (textHeight + 1.0f),
                juce::Justification::centredRight);
    if (hasKeyboardFocus (false))
        PartitaLookAndFeel::drawFocusRing (g, bounds);
}

void FrequencyResponseView::paintEqualiser (juce::Graphics& g, const PlotScale& scale) const
{
    const auto& frequencies = response.frequencies();
    const auto& plot = scale.plot;
    const auto colour = PartitaLookAndFeel::text;
    const auto height = g.getCurrentFont().getHeight();

    // Its own scale, labelled on the right: 0 dB across the middle.
    for (const float db : { 12.0f, 0.0f, -12.0f })
    {
        const auto y = scale.equaliserY (db);
        g.setColour (colour.withAlpha (db == 0.0f ? 0.35f : 0.15f));
        g.drawHorizontalLine (juce::roundToInt (y), plot.getX(), plot.getRight());
        g.setColour (colour.withAlpha (0.6f));
        g.drawText (
            (db > 0.0f ? "+" : "") + juce::String (db, 0),
            juce::Rectangle<float> (plot.getRight() + 0.2f * height, y - 0.5f * height, 2.7f * height, height + 1.0f),
            juce::Justification::centredLeft);
    }

    juce::Path path;
    for (std::size_t i = 0; i < equaliserCurve.size() && i < frequencies.size(); ++i)
    {
        const juce::Point<float> point (scale.x (frequencies[i]), scale.equaliserY (equaliserCurve[i]));
        if (i == 0)
            path.startNewSubPath (point);
        else
            path.lineTo (point);
    }
    g.setColour (colour.withAlpha (0.85f));
    g.strokePath (path, juce::PathStrokeType (1.5f));

    const auto radius = 0.55f * height;
    for (std::size_t index = 0; index < numHandles; ++index)
    {
        const auto centre = handlePosition (index);
        const auto isOn =
            handles[index].gainId.empty()
                ? !findParameter (handles[index].frequencyId)->isOff (parameterValue (handles[index].frequencyId))
                : parameterValue (handles[index].gainId) != 0.0f;
        const auto circle = juce::Rectangle<float> (2.0f * radius, 2.0f * radius).withCentre (centre);
        g.setColour (index == selected ? PartitaLookAndFeel::accent : PartitaLookAndFeel::panel);
        g.fillEllipse (circle);
        g.setColour (isOn ? colour : colour.withAlpha (0.5f));
        g.drawEllipse (circle, 1.5f);
        // A cut's name below its handle, a band's above: a shelf and the cut
        // beside it (100 and 120 Hz) stay readable.
        const auto labelOffset = (handles[index].gainId.empty() ? 1.0f : -1.0f) * 1.9f * radius;
        g.drawText (toJuce (handles[index].label),
                    juce::Rectangle<float> (3.0f * height, height).withCentre (centre.translated (0.0f, labelOffset)),
                    juce::Justification::centred);
    }
}

float FrequencyResponseView::PlotScale::x (float hz) const
{
    return plot.getX() + plot.getWidth() * (std::log (hz) - lowestLog) / (highestLog - lowestLog);
}

float FrequencyResponseView::PlotScale::y (float db) const
{
    return plot.getY() + plot.getHeight() * std::clamp ((topDb - db) / rangeDb, 0.0f, 1.0f);
}

float FrequencyResponseView::PlotScale::equaliserY (float db) const
{
    const auto proportion = std::clamp (0.5f - 0.5f * db / equaliserRangeDb, 0.0f, 1.0f);
    return plot.getY() + plot.getHeight() * proportion;
}

float FrequencyResponseView::PlotScale::hzAt (float xPosition) const
{
    const auto proportion = (xPosition - plot.getX()) / plot.getWidth();
    return std::exp (lowestLog + proportion * (highestLog - lowestLog));
}

float FrequencyResponseView::PlotScale::equaliserDbAt (float yPosition) const
{
    const auto proportion = (yPosition - plot.getY()) / plot.getHeight();
    return (0.5f - proportion) * 2.0f * equaliserRangeDb;
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
