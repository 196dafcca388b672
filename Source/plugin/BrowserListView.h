// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "browser/BrowserList.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>

namespace partita
{

/** The browser's list box: JUCE's ListBox (rows, scrolling, a screen
    reader's list and rows) whose arrow keys load instead of only selecting.
    Up and Down (and Left and Right) step to the previous or next IR that can
    be loaded, skipping headings and unreadable files and wrapping around at
    the ends; Home and End go to the first and last; Enter loads the selected
    row again; P plays or stops the preview. Page Up and Page Down keep JUCE's meaning (they select without
    loading; Enter then loads). Draws the editor's focus ring while it has the
    keyboard focus.

    Threading: message thread. */
class BrowserListView final : public juce::ListBox
{
public:
    BrowserListView();

    /** A step asked for by the keys (BrowserPanel loads the row). */
    std::function<void (StepDirection)> onStep;
    /** Home (to the first loadable row) and End (to the last). */
    std::function<void (bool toFirst)> onJump;
    /** P: the preview played or stopped. */
    std::function<void()> onPreview;

    bool keyPressed (const juce::KeyPress& key) override;
    /** The browsing keys above (not JUCE's own): also for the panel's
        buttons, so that the arrows step wherever the browser has the focus.
        Returns whether the key was one. */
    bool handleBrowsingKey (const juce::KeyPress& key);
    void paintOverChildren (juce::Graphics& g) override;
    void focusGained (FocusChangeType cause) override;
    void focusLost (FocusChangeType cause) override;
};

} // namespace partita
