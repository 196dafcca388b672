// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "processor/ParameterTable.h"

#include <juce_core/juce_core.h>

#include <array>
#include <optional>

namespace partita
{

/** The editor's pages: one per EditorSection of the parameter table, in the
    order the page selector shows them, and their names for the eye, for
    screen readers and for scripts.

    Output is not a page: its row (mix, gains, pre-delay, width) stays in
    view under whichever page is shown, as those are the controls a user
    reaches for while working on any of the others. */
struct EditorPages
{
    /** The pages in the selector's order. */
    static constexpr std::array<EditorSection, 5> selectable { EditorSection::impulseResponse, EditorSection::envelope,
                                                               EditorSection::equaliser, EditorSection::slots,
                                                               EditorSection::analysis };

    /** Whether a page shows a view instead of parameters (the analysis
        page): it has a tab though no parameter row names it. */
    [[nodiscard]] static constexpr bool isViewPage (EditorSection section)
    {
        return section == EditorSection::analysis;
    }

    /** The name on the page's tab and the group screen readers announce:
        "IR", "Envelope", "EQ", "Slots", "Output", "Analysis". */
    [[nodiscard]] static juce::String title (EditorSection section);
    /** One sentence on what the page holds (the tab's tooltip and the
        screen reader's help). */
    [[nodiscard]] static juce::String description (EditorSection section);
    /** A lowercase word for scripts and the remembered page: "ir",
        "envelope", "eq", "slots", "output", "analysis". */
    [[nodiscard]] static juce::String key (EditorSection section);
    /** The section a key names (case-insensitive; "equaliser" too), or none. */
    [[nodiscard]] static std::optional<EditorSection> fromKey (const juce::String& key);
};

} // namespace partita
