// SPDX-License-Identifier: GPL-3.0-or-later
#include "ControlRows.h"

#include "EditorPages.h"
#include "PartitaLookAndFeel.h"
#include "processor/ParameterTable.h"

#include <algorithm>

namespace partita
{
namespace
{
/** The table's rows of one section. */
std::vector<const ParameterDefinition*> rowsOf (EditorSection section)
{
    std::vector<const ParameterDefinition*> rows;
    for (const auto& row : parameterTable)
        if (row.editorSection == section)
            rows.push_back (&row);
    return rows;
}

/** The selectable sections that have controls, in the selector's order. */
std::vector<EditorSection> sectionsWithControls()
{
    std::vector<EditorSection> sections;
    for (const auto section : EditorPages::selectable)
        if (!rowsOf (section).empty())
            sections.push_back (section);
    return sections;
}

/** The pages in the selector's order: those with controls and the view pages. */
std::vector<EditorSection> selectablePages()
{
    std::vector<EditorSection> sections;
    for (const auto section : EditorPages::selectable)
        if (!rowsOf (section).empty() || EditorPages::isViewPage (section))
            sections.push_back (section);
    return sections;
}

// At the default size; they scale with the editor.
constexpr int tabHeightAtDefaultSize = 28;
/** Inside the page's panel, around its controls. */
constexpr int panelPadding = 4;
/** Between the page's panel and the output row. */
constexpr int outputGap = 6;
} // namespace

const juce::Identifier ControlRows::pageProperty { "editorPage" };

ControlRows::ControlRows (juce::AudioProcessorValueTreeState& state)
    : parameterState (state)
    , outputRow (state, EditorSection::output, rowsOf (EditorSection::output), ControlPage::Heading::shown)
    , tabs (selectablePages())
{
    for (const auto section : sectionsWithControls())
    {
        const auto rows = rowsOf (section);
        auto& page = *sectionPages.emplace_back (
            std::make_unique<ControlPage> (state, section, rows, ControlPage::Heading::hidden));
        // Reading order: the tabs, the page, the output row.
        page.setExplicitFocusOrder (2);
        addChildComponent (page);
    }
    tabs.setExplicitFocusOrder (1);
    outputRow.setExplicitFocusOrder (3);
    addAndMakeVisible (tabs);
    addAndMakeVisible (outputRow);

    tabs.onChange = [this] (EditorSection page) { pageChosen (page); };

    auto remembered = EditorPages::fromKey (parameterState.state.getProperty (pageProperty).toString());
    tabs.select (remembered.value_or (tabs.selected()));
    showOnly (tabs.selected());
}

ControlRows::~ControlRows() = default;

void ControlRows::showOnly (EditorSection page)
{
    for (auto& sectionPage : sectionPages)
        sectionPage->setVisible (sectionPage->section() == page);
    for (const auto& [viewPage, content] : viewPages)
        content->setVisible (viewPage == page);
    repaint();
}

void ControlRows::setViewPageContent (EditorSection page, juce::Component& content)
{
    viewPages.emplace_back (page, &content);
    content.setExplicitFocusOrder (2);
    addChildComponent (content);
    showOnly (tabs.selected());
    resized();
}

void ControlRows::showPage (EditorSection page)
{
    const auto before = tabs.selected();
    tabs.select (page);
    if (tabs.selected() != before)
        pageChosen (tabs.selected());
}

void ControlRows::pageChosen (EditorSection page)
{
    showOnly (page);
    parameterState.state.setProperty (pageProperty, EditorPages::key (page), nullptr);
    if (onPageChange != nullptr)
        onPageChange();
}

std::vector<EditorSection> ControlRows::pageSections() const
{
    return selectablePages();
}

std::vector<const ControlPage*> ControlRows::pages() const
{
    std::vector<const ControlPage*> all;
    for (const auto& page : sectionPages)
        all.push_back (page.get());
    all.push_back (&outputRow);
    return all;
}

std::vector<juce::Component*> ControlRows::focusTargets() const
{
    std::vector<juce::Component*> targets;
    if (!sectionPages.empty())
        targets.push_back (&tabs.focusTarget());
    for (const auto& page : sectionPages)
    {
        if (page->section() != tabs.selected())
            continue;
        const auto controls = page->focusTargets();
        targets.insert (targets.end(), controls.begin(), controls.end());
    }
    for (const auto& [viewPage, content] : viewPages)
        if (viewPage == tabs.selected() && content->getWantsKeyboardFocus())
            targets.push_back (content);
    const auto outputs = outputRow.focusTargets();
    targets.insert (targets.end(), outputs.begin(), outputs.end());
    return targets;
}

void ControlRows::setInEffect (std::string_view parameterId, bool inEffect)
{
    const juce::String id (std::string { parameterId });
    for (const auto* page : pages())
        for (auto* control : page->controls())
            if (control->parameterId() == id)
                control->setAlpha (inEffect ? 1.0f : 0.45f);
}

void ControlRows::setScale (float newScale)
{
    scale = newScale;
    tabs.setScale (scale);
    for (auto& page : sectionPages)
        page->setScale (scale);
    outputRow.setScale (scale);
}

int ControlRows::tabHeight() const
{
    return sectionPages.empty() ? 0
                                : std::max (22, juce::roundToInt (static_cast<float> (tabHeightAtDefaultSize) * scale));
}

int ControlRows::pageRows (int width) const
{
    int rows = 0;
    for (const auto& page : sectionPages)
        rows = std::max (rows, page->rowsNeeded (width - 2 * panelPadding));
    return rows;
}

int ControlRows::outputRows (int width) const
{
    return outputRow.rowsNeeded (width);
}

int ControlRows::rowsNeeded (int width) const
{
    return pageRows (width) + outputRows (width);
}

int ControlRows::rowsHeight (int rows, int height)
{
    return rows > 0 ? rows * height + (rows - 1) * ControlPage::rowGap : 0;
}

int ControlRows::heightFor (int width, int height) const
{
    const auto pageHeight = sectionPages.empty() ? 0 : rowsHeight (pageRows (width), height) + 2 * panelPadding;
    return tabHeight() + pageHeight + outputGap + rowsHeight (outputRows (width), height);
}

void ControlRows::setRowHeight (int height)
{
    rowHeight = height;
    resized();
}

juce::Rectangle<int> ControlRows::pagePanelArea() const
{
    auto area = getLocalBounds();
    area.removeFromTop (tabHeight());
    area.removeFromBottom (rowsHeight (outputRows (getWidth()), rowHeight) + outputGap);
    return area;
}

void ControlRows::paint (juce::Graphics& g)
{
    if (sectionPages.empty())
        return;
    g.setColour (PartitaLookAndFeel::pagePanel);
    g.fillRoundedRectangle (pagePanelArea().toFloat(), 5.0f);
    // The selected tab joins the panel: no rounded corner under it.
    auto& tab = tabs.focusTarget();
    const auto tabArea = getLocalArea (&tab, tab.getLocalBounds());
    g.fillRect (tabArea.getX(), pagePanelArea().getY(), tabArea.getWidth(), 6);
}

void ControlRows::resized()
{
    auto area = getLocalBounds();
    tabs.setBounds (area.removeFromTop (tabHeight()));
    const auto output = area.removeFromBottom (rowsHeight (outputRows (area.getWidth()), rowHeight));
    outputRow.setBounds (output);
    const auto panel = pagePanelArea().reduced (panelPadding);
    for (auto& page : sectionPages)
        page->setBounds (panel);
    for (const auto& [viewPage, content] : viewPages)
        content->setBounds (panel);
}

std::unique_ptr<juce::AccessibilityHandler> ControlRows::createAccessibilityHandler()
{
    return createIgnoredAccessibilityHandler (*this);
}

} // namespace partita
