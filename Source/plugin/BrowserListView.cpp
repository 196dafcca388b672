// SPDX-License-Identifier: GPL-3.0-or-later
#include "BrowserListView.h"

#include "PartitaLookAndFeel.h"

namespace partita
{

BrowserListView::BrowserListView()
    : juce::ListBox ("IR list", nullptr)
{
    setTitle ("IRs");
    setWantsKeyboardFocus (true);
    setColour (juce::ListBox::backgroundColourId, PartitaLookAndFeel::pagePanel);
    setColour (juce::ListBox::outlineColourId, PartitaLookAndFeel::panel.brighter (0.2f));
    setOutlineThickness (1);
}

bool BrowserListView::keyPressed (const juce::KeyPress& key)
{
    return handleBrowsingKey (key) || juce::ListBox::keyPressed (key);
}

bool BrowserListView::handleBrowsingKey (const juce::KeyPress& key)
{
    const auto plain = !key.getModifiers().isAnyModifierKeyDown();
    const auto code = key.getKeyCode();
    if (plain && onStep != nullptr)
    {
        if (code == juce::KeyPress::upKey || code == juce::KeyPress::leftKey)
        {
            onStep (StepDirection::previous);
            return true;
        }
        if (code == juce::KeyPress::downKey || code == juce::KeyPress::rightKey)
        {
            onStep (StepDirection::next);
            return true;
        }
    }
    if (plain && onJump != nullptr && (code == juce::KeyPress::homeKey || code == juce::KeyPress::endKey))
    {
        onJump (code == juce::KeyPress::homeKey);
        return true;
    }
    if (plain && onPreview != nullptr && (key.getTextCharacter() == 'p' || key.getTextCharacter() == 'P'))
    {
        onPreview();
        return true;
    }
    return false;
}

void BrowserListView::paintOverChildren (juce::Graphics& g)
{
    juce::ListBox::paintOverChildren (g);
    if (hasKeyboardFocus (true))
        PartitaLookAndFeel::drawFocusRing (g, getLocalBounds().toFloat());
}

void BrowserListView::focusGained (FocusChangeType cause)
{
    juce::ListBox::focusGained (cause);
    repaint();
}

void BrowserListView::focusLost (FocusChangeType cause)
{
    juce::ListBox::focusLost (cause);
    repaint();
}

} // namespace partita
