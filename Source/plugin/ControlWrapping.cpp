// SPDX-License-Identifier: GPL-3.0-or-later
#include "ControlWrapping.h"

#include <algorithm>
#include <cmath>

namespace partita
{
namespace
{
/** Rows filled greedily, a row holding controls whose minimums add up to
    at most `capacity` pixels; returns each control's row. */
std::vector<int> fillRows (std::span<const ControlWidth> controls, int capacity)
{
    std::vector<int> rows;
    rows.reserve (controls.size());
    int row = 0;
    int used = 0;
    for (const auto& control : controls)
    {
        if (used > 0 && used + control.minimum > capacity)
        {
            ++row;
            used = 0;
        }
        used += control.minimum;
        rows.push_back (row);
    }
    return rows;
}

int rowCount (const std::vector<int>& rows)
{
    return rows.empty() ? 0 : rows.back() + 1;
}

/** A control's width at `pitch` pixels per unit of weight. */
float widthAt (const ControlWidth& control, float pitch)
{
    return std::max (static_cast<float> (control.minimum), pitch * control.weight);
}
} // namespace

std::vector<int> ControlWrapping::assignRows (std::span<const ControlWidth> controls, int width)
{
    const auto greedy = fillRows (controls, width);
    const auto rows = rowCount (greedy);
    if (rows <= 1)
        return greedy;

    // The same number of rows, balanced: the smallest capacity that still
    // needs no more rows, searched upwards from an even share.
    int total = 0;
    for (const auto& control : controls)
        total += control.minimum;
    const auto step = std::max (1, width / 500);
    for (auto capacity = total / rows; capacity < width; capacity += step)
        if (auto balanced = fillRows (controls, capacity); rowCount (balanced) <= rows)
            return balanced;
    return greedy;
}

int ControlWrapping::rowsNeeded (std::span<const ControlWidth> controls, int width)
{
    return rowCount (assignRows (controls, width));
}

std::vector<juce::Rectangle<int>> ControlWrapping::layOut (std::span<const ControlWidth> controls,
                                                           juce::Rectangle<int> area, int rowHeight, int rowGap)
{
    const auto rows = assignRows (controls, area.getWidth());
    const auto available = static_cast<float> (area.getWidth());

    // One pitch for every row, the largest at which every row still fits:
    // found by halving, as a control's width is its minimum up to the pitch
    // where its share passes it.
    const auto fits = [&] (float pitch)
    {
        std::vector<float> used (static_cast<std::size_t> (rowCount (rows)), 0.0f);
        for (std::size_t index = 0; index < controls.size(); ++index)
            used[static_cast<std::size_t> (rows[index])] += widthAt (controls[index], pitch);
        return std::all_of (used.begin(), used.end(), [available] (float row) { return row <= available; });
    };
    float low = 0.0f;
    float high = available;
    for (int halving = 0; halving < 40; ++halving)
    {
        const auto middle = 0.5f * (low + high);
        (fits (middle) ? low : high) = middle;
    }

    // Whole pixels, rounded down, so that no row runs past the area; never
    // below a minimum (a control wider than the area gets the area).
    std::vector<juce::Rectangle<int>> bounds;
    bounds.reserve (controls.size());
    int x = area.getX();
    for (std::size_t index = 0; index < controls.size(); ++index)
    {
        if (index > 0 && rows[index] != rows[index - 1])
            x = area.getX();
        const auto width = std::min (
            area.getWidth(), std::max (controls[index].minimum, static_cast<int> (widthAt (controls[index], low))));
        const auto y = area.getY() + rows[index] * (rowHeight + rowGap);
        bounds.emplace_back (x, y, width, rowHeight);
        x += width;
    }
    return bounds;
}

} // namespace partita
