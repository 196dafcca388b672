// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ControlPage.h"
#include "EditorPageTabs.h"

#include <juce_audio_processors/juce_audio_processors.h>

#include <functional>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

namespace partita
{

/** Every parameter's control, grouped by the parameter table's
    editorSection: a page per section (IR, Envelope, EQ, Slots; a section
    without parameters has no page), one shown at a time under a page
    selector, and below them the output row (mix, gains, pre-delay, width),
    always shown. Each page wraps its controls into as many rows as keep
    them legible (ControlPage). Adding a parameter to the table adds its
    control here with no edit.

    The shown page is remembered for the plugin instance, in a property of
    the parameter state's tree (PageProperty) that the saved state does not
    hold: reopening the editor shows the page it was closed on, and the
    state's bytes stay as they are.

    A layout group only, hidden from screen readers (the selector and the
    pages are groups of their own).

    Threading: message thread. */
class ControlRows final : public juce::Component
{
public:
    explicit ControlRows (juce::AudioProcessorValueTreeState& state);
    ~ControlRows() override;

    /** The property of the parameter state's tree that holds the shown
        page's key (EditorPages::key). */
    static const juce::Identifier pageProperty;

    /** The focus targets in reading order: the selected tab, the shown
        page's controls, the output row's. Hidden pages have none. */
    [[nodiscard]] std::vector<juce::Component*> focusTargets() const;

    /** The pages in the selector's order (those with controls, and the
        view pages: EditorPages::isViewPage). */
    [[nodiscard]] std::vector<EditorSection> pageSections() const;
    [[nodiscard]] EditorSection shownPage() const noexcept { return tabs.selected(); }
    /** Shows a page (ignored when there is no such page), as a click on its
        tab would, without moving the keyboard focus. */
    void showPage (EditorSection page);
    /** What a view page (EditorPages::isViewPage) shows in the page's
        panel, in place of controls: shown and hidden with its tab, laid out
        over the panel, and a focus target after the tab when it wants the
        keyboard focus. Not owned; it must outlive this. */
    void setViewPageContent (EditorSection page, juce::Component& content);
    /** Every page of controls and then the output row, for tests. */
    [[nodiscard]] std::vector<const ControlPage*> pages() const;
    [[nodiscard]] const EditorPageTabs& pageTabs() const noexcept { return tabs; }

    /** Called after the shown page changed (the editor gives the views
        another share of the width). */
    std::function<void()> onPageChange;

    /** Dims a control whose value is not in effect now (the pre-delay in ms
        while it follows the tempo), keeping it usable and automatable. */
    void setInEffect (std::string_view parameterId, bool inEffect);

    /** The editor's scale (PartitaEditor::resized), for every control. */
    void setScale (float scale);

    /** The height that shows every page whole in `width` with rows of
        `rowHeight` (the tallest page's rows, whichever page is shown, so
        that switching pages moves nothing else). */
    [[nodiscard]] int heightFor (int width, int rowHeight) const;
    /** The rows of the tallest page and of the output row, in `width`. */
    [[nodiscard]] int rowsNeeded (int width) const;
    /** The row height resized() lays out with (heightFor's). */
    void setRowHeight (int height);

    void paint (juce::Graphics&) override;
    void resized() override;
    std::unique_ptr<juce::AccessibilityHandler> createAccessibilityHandler() override;

private:
    [[nodiscard]] int tabHeight() const;
    [[nodiscard]] int pageRows (int width) const;
    [[nodiscard]] int outputRows (int width) const;
    [[nodiscard]] static int rowsHeight (int rows, int rowHeight);
    /** The panel behind the shown page, under the tabs. */
    [[nodiscard]] juce::Rectangle<int> pagePanelArea() const;
    void showOnly (EditorSection page);
    /** After the selector changed: shows the page, remembers it, tells onPageChange. */
    void pageChosen (EditorSection page);

    juce::AudioProcessorValueTreeState& parameterState;
    std::vector<std::unique_ptr<ControlPage>> sectionPages;
    std::vector<std::pair<EditorSection, juce::Component*>> viewPages;
    ControlPage outputRow;
    EditorPageTabs tabs;
    float scale = 1.0f;
    int rowHeight = 96;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (ControlRows)
};

} // namespace partita
