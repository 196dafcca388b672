// SPDX-License-Identifier: GPL-3.0-or-later
#include "EditorPageTabs.h"

#include "EditorPages.h"
#include "PartitaLookAndFeel.h"

#include <algorithm>
#include <cmath>

namespace partita
{
namespace
{
/** One radio group for the tabs: JUCE keeps one of them on. */
constexpr int tabRadioGroup = 1701;
/** At the default size; the tabs scale with the editor. */
constexpr int minimumTabWidth = 96;
constexpr int tabTextPadding = 28;
} // namespace

EditorPageTabs::EditorPageTabs (std::span<const EditorSection> pages)
    : selectedPage (pages.empty() ? EditorSection::impulseResponse : pages.front())
{
    setTitle ("Editor pages");
    for (const auto page : pages)
    {
        auto button = std::make_unique<juce::TextButton> (EditorPages::title (page));
        button->setTitle (EditorPages::title (page));
        button->setTooltip (EditorPages::description (page));
        button->setClickingTogglesState (true);
        button->setRadioGroupId (tabRadioGroup, juce::dontSendNotification);
        button->setMouseClickGrabsKeyboardFocus (true);
        PartitaLookAndFeel::markAsPageTab (*button);
        const auto index = pageTabs.size();
        button->onClick = [this, index] { choose (index); };
        addAndMakeVisible (*button);
        pageTabs.push_back ({ page, std::move (button) });
    }
    select (selectedPage);
}

EditorPageTabs::~EditorPageTabs() = default;

void EditorPageTabs::select (EditorSection page)
{
    const auto found =
        std::find_if (pageTabs.begin(), pageTabs.end(), [page] (const Tab& tab) { return tab.page == page; });
    if (found == pageTabs.end())
        return;
    selectedPage = page;
    for (auto& tab : pageTabs)
    {
        const auto isSelected = tab.page == page;
        tab.button->setToggleState (isSelected, juce::dontSendNotification);
        // Only the selected tab is a Tab stop; the arrows reach the others.
        tab.button->setWantsKeyboardFocus (isSelected);
    }
}

std::size_t EditorPageTabs::selectedIndex() const
{
    for (std::size_t index = 0; index < pageTabs.size(); ++index)
        if (pageTabs[index].page == selectedPage)
            return index;
    return 0;
}

void EditorPageTabs::choose (std::size_t index)
{
    if (index >= pageTabs.size())
        return;
    const auto changed = pageTabs[index].page != selectedPage;
    select (pageTabs[index].page);
    // As the header's buttons do on a click; and the arrows keep the focus
    // on the selected tab, the only one that takes it.
    pageTabs[index].button->grabKeyboardFocus();
    if (changed && onChange != nullptr)
        onChange (selectedPage);
}

juce::Component& EditorPageTabs::focusTarget() const
{
    return *pageTabs[selectedIndex()].button;
}

std::vector<juce::Button*> EditorPageTabs::tabs() const
{
    std::vector<juce::Button*> buttons;
    for (const auto& tab : pageTabs)
        buttons.push_back (tab.button.get());
    return buttons;
}

void EditorPageTabs::setScale (float newScale)
{
    scale = newScale;
    resized();
}

void EditorPageTabs::resized()
{
    auto area = getLocalBounds();
    const auto scaled = [this] (int size) { return juce::roundToInt (static_cast<float> (size) * scale); };
    for (auto& tab : pageTabs)
    {
        const auto font = getLookAndFeel().getTextButtonFont (*tab.button, area.getHeight());
        const auto textWidth = static_cast<int> (std::ceil (font.getStringWidthFloat (tab.button->getButtonText())));
        const auto width = std::max (scaled (minimumTabWidth), textWidth + scaled (tabTextPadding));
        tab.button->setBounds (area.removeFromLeft (width));
        area.removeFromLeft (2);
    }
}

bool EditorPageTabs::keyPressed (const juce::KeyPress& key)
{
    if (pageTabs.empty())
        return false;
    const auto count = pageTabs.size();
    const auto current = selectedIndex();
    const auto code = key.getKeyCode();
    if (key.getModifiers().isAnyModifierKeyDown())
        return false;
    if (code == juce::KeyPress::rightKey || code == juce::KeyPress::downKey)
        choose ((current + 1) % count);
    else if (code == juce::KeyPress::leftKey || code == juce::KeyPress::upKey)
        choose ((current + count - 1) % count);
    else if (code == juce::KeyPress::homeKey)
        choose (0);
    else if (code == juce::KeyPress::endKey)
        choose (count - 1);
    else
        return false;
    return true;
}

std::unique_ptr<juce::AccessibilityHandler> EditorPageTabs::createAccessibilityHandler()
{
    return std::make_unique<juce::AccessibilityHandler> (*this, juce::AccessibilityRole::group);
}

} // namespace partita
