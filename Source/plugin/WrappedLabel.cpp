// SPDX-License-Identifier: GPL-3.0-or-later
#include "WrappedLabel.h"

#include <cmath>

namespace partita
{

juce::GlyphArrangement WrappedLabel::layOut (float width) const
{
    juce::GlyphArrangement glyphs;
    const auto textFont = getFont();
    glyphs.addJustifiedText (textFont, getText(), 0.0f, textFont.getAscent(), width,
                             juce::Justification (getJustificationType().getOnlyHorizontalFlags()));
    return glyphs;
}

int WrappedLabel::heightForWidth (int width) const
{
    const auto borders = getBorderSize();
    const auto textWidth = static_cast<float> (width - borders.getLeftAndRight());
    const auto lineHeight = getFont().getHeight();
    auto lines = 1;
    if (textWidth > 0.0f && getText().isNotEmpty())
    {
        const auto box = layOut (textWidth).getBoundingBox (0, -1, false);
        // The box spans from the first line's top to the last line's bottom.
        lines = std::max (1, juce::roundToInt (box.getBottom() / lineHeight));
    }
    return static_cast<int> (std::ceil (static_cast<float> (lines) * lineHeight)) + borders.getTopAndBottom();
}

void WrappedLabel::paint (juce::Graphics& g)
{
    g.fillAll (findColour (backgroundColourId));
    const auto area = getBorderSize().subtractedFrom (getLocalBounds()).toFloat();
    if (area.isEmpty())
        return;

    auto glyphs = layOut (area.getWidth());
    // Centred vertically, as a one-line label would be.
    const auto textHeight = glyphs.getBoundingBox (0, -1, false).getBottom();
    glyphs.moveRangeOfGlyphs (0, -1, area.getX(),
                              area.getY() + std::max (0.0f, (area.getHeight() - textHeight) * 0.5f));
    g.setColour (findColour (textColourId).withMultipliedAlpha (isEnabled() ? 1.0f : 0.5f));
    glyphs.draw (g);
}

} // namespace partita
