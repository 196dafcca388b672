// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "processor/ParameterTable.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>
#include <memory>
#include <span>
#include <vector>

namespace partita
{

/** The page selector: a tab per page (EditorPages), one of them selected.

    Keyboard: the selected tab is the selector's one stop in the Tab order
    (the tabs pattern of WAI-ARIA: Tab moves past the selector, not through
    each tab); Left and Right (or Up and Down) select the previous and next
    page, wrapping around, Home and End the first and last. Screen readers
    meet a group "Editor pages" of radio buttons named after the pages, the
    shown one checked.

    Threading: message thread. */
class EditorPageTabs final : public juce::Component
{
public:
    /** A tab for each of `pages`, in that order, the first selected. */
    explicit EditorPageTabs (std::span<const EditorSection> pages);
    ~EditorPageTabs() override;

    /** Called when the user selects a page (not by select()). */
    std::function<void (EditorSection)> onChange;

    /** Selects a page without calling onChange; a page without a tab is
        ignored. */
    void select (EditorSection page);
    [[nodiscard]] EditorSection selected() const noexcept { return selectedPage; }

    /** The selected tab: the selector's stop in the editor's focus order. */
    [[nodiscard]] juce::Component& focusTarget() const;
    /** The tabs in order, for tests. */
    [[nodiscard]] std::vector<juce::Button*> tabs() const;

    /** The editor's scale (PartitaEditor::resized), for the tabs' widths. */
    void setScale (float scale);

    void resized() override;
    bool keyPressed (const juce::KeyPress& key) override;
    std::unique_ptr<juce::AccessibilityHandler> createAccessibilityHandler() override;

private:
    struct Tab
    {
        EditorSection page;
        std::unique_ptr<juce::TextButton> button;
    };

    /** Selects the tab at `index` (a click, space, Enter or an arrow),
        gives it the keyboard focus and tells onChange. */
    void choose (std::size_t index);
    [[nodiscard]] std::size_t selectedIndex() const;

    std::vector<Tab> pageTabs;
    EditorSection selectedPage;
    float scale = 1.0f;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (EditorPageTabs)
};

} // namespace partita
