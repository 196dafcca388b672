// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

namespace partita
{

/** A label that wraps its text onto as many lines as it needs, at its font's
    size, instead of squeezing it and then cutting it off with "..." (what
    juce::Label does with a text wider than itself). Its owner asks
    heightForWidth() and gives it that height; the lines follow the label's
    horizontal justification and sit centred vertically. Screen readers read
    it as the label it is.

    Threading: message thread. */
class WrappedLabel final : public juce::Label
{
public:
    /** The height that shows the whole text at this width, borders included. */
    [[nodiscard]] int heightForWidth (int width) const;

    void paint (juce::Graphics&) override;

private:
    /** The text laid out in lines of at most width, the first baseline at the font's ascent. */
    [[nodiscard]] juce::GlyphArrangement layOut (float width) const;
};

} // namespace partita
