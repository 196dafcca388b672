// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <juce_graphics/juce_graphics.h>

#include <span>
#include <vector>

namespace partita
{

/** One control's claim on a row: the narrowest width that keeps its text
    whole, and its share of what a row has to spare. */
struct ControlWidth
{
    int minimum = 0;
    float weight = 1.0f;
};

/** Controls placed left to right in as few rows as keep each at least its
    minimum width, the rows balanced (17 controls in three rows are 6, 6
    and 5, not 8, 8 and 1), then widened: every control gets its weight
    times one pitch, or its minimum where that is more, the pitch the
    largest at which every row fits (so the knobs of all rows have one
    size, and a wide choice box does not widen the knobs).

    A pure function of the widths, so that the tests can check it for any
    number of controls, not only the table's. */
class ControlWrapping
{
public:
    /** The rows the controls need in `width` pixels (0 for no controls). */
    [[nodiscard]] static int rowsNeeded (std::span<const ControlWidth> controls, int width);

    /** Each control's bounds inside `area`, in order, rows of `rowHeight`
        from the top with `rowGap` between them. A control wider than the
        whole area alone gets the area's width. */
    [[nodiscard]] static std::vector<juce::Rectangle<int>> layOut (std::span<const ControlWidth> controls,
                                                                   juce::Rectangle<int> area, int rowHeight,
                                                                   int rowGap);

private:
    /** Which row each control goes to, for a given number of rows. */
    [[nodiscard]] static std::vector<int> assignRows (std::span<const ControlWidth> controls, int width);
};

} // namespace partita
