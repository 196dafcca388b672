// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "plugin/PluginEditor.h"
#include "plugin/PluginProcessor.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <memory>
#include <vector>

namespace partita::test
{

/** Runs the message loop for a while: timers, async callbacks, repaints. */
void pumpMessages (int milliseconds);

/** The plugin's editor, owned by the caller. */
std::unique_ptr<PartitaEditor> openEditor (PartitaAudioProcessor& plugin);

/** The editor's controls (its pages and the output row). */
ControlRows& controlRowsOf (PartitaEditor& editor);

/** The demo hall when the build has it, else the first factory IR. */
std::size_t showcaseIr();

/** Loads a factory IR and waits until the convolver plays it. */
void loadFactoryAndWait (PartitaAudioProcessor& plugin, std::size_t index);

/** Whether a label's whole text fits its bounds in its font, wrapped at
    spaces: the lines a greedy word wrap needs, each word as wide as the font
    says (a reference that knows nothing of how the editor draws), times the
    font's height. */
::testing::AssertionResult fitsInFull (const juce::Label& label);

/** The labels among a component's children. */
std::vector<juce::Label*> labelsOf (juce::Component& component);

/** Saves a snapshot of a component as PNG under PARTITA_SCREENSHOT_DIR, and
    returns the file. */
juce::File saveSnapshot (juce::Component& component, const juce::String& fileName);

} // namespace partita::test
