// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RecordingDeconvolution.h"
#include "processor/IrSlot.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>
#include <memory>

namespace partita
{

class PartitaAudioProcessor;

/** What the editor's buttons, its Cmd+O key and a drop onto it do with files:
    the IR and preset file choosers, the factory and recent-IR menus, preset
    import and export, and opening a dropped file. Kept apart from the editor
    so that its layout and polling read on their own, and so that every way
    a file arrives (chooser, menu, drop) goes through the same few calls.

    The choosers and menus answer asynchronously: their callbacks hold a weak
    reference, so an editor closed while one is open is never called back.

    Threading: message thread. */
class EditorFileActions final
{
public:
    /** onChange runs after an action that changed what the editor shows. */
    EditorFileActions (PartitaAudioProcessor& processor, std::function<void()> onChange);
    ~EditorFileActions();

    void chooseImpulseResponse (IrSlot slot = IrSlot::a);
    void showFactoryMenu (juce::Component& target);
    void showRecentMenu (juce::Component& target);
    void unload();
    /** Slot B's menu: load a file into slot B, empty slot B or slot A. */
    void showSlotMenu (juce::Component& target);
    /** The display name of the IR a slot holds (or is loading); empty for
        an empty slot. */
    [[nodiscard]] std::string slotName (IrSlot slot) const;
    void importPreset();
    void exportPreset();

    /** The Measure menu: deconvolve a recording, the sweep that recordings
        without metadata are of, and writing Partita's default sweep for
        playing in a DAW. */
    void showMeasureMenu (juce::Component& target);
    /** Asks for a recording and deconvolves it (deconvolve). */
    void chooseRecordingToDeconvolve();
    /** Turns a recording of a sweep into the IR and loads it, on the IR
        loader's thread (deconvolveRecording with sweepChoice()): crossfaded
        in like any load, its peak-to-noise ratio and latency on the message
        bar; on failure the playing IR stays and the bar says why. */
    void deconvolve (const juce::File& recording);
    /** The sweep for recordings that do not name theirs: the last sweep file
        chosen (kept with the plugin instance, not in its state), or
        Partita's default sweep. */
    [[nodiscard]] SweepChoice sweepChoice() const;
    void setSweepFile (const juce::File& file);
    /** The property of the parameter state's tree that holds the sweep file. */
    static const juce::Identifier sweepFileProperty;

    /** A preset file restores the session; anything else goes to the IR
        loader, which says clearly what it cannot read. */
    void open (const juce::File& file);

    /** Whether a drop of this file is worth taking: an audio or preset file. */
    [[nodiscard]] static bool canOpen (const juce::File& file);

private:
    void changed();
    void chooseSweepFile();
    void writeDefaultSweep();

    PartitaAudioProcessor& partita;
    std::function<void()> onChange;
    std::unique_ptr<juce::FileChooser> chooser;

    JUCE_DECLARE_WEAK_REFERENCEABLE (EditorFileActions)
    JUCE_DECLARE_NON_COPYABLE (EditorFileActions)
};

} // namespace partita
