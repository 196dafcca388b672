// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImpulseResponseFileLoader.h"
#include "LoadStatus.h"
#include "StatusMessage.h"
#include "processor/ConvolverProcessor.h"

#include <juce_core/juce_core.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

namespace partita
{

/** The plugin's IR loads: files and factory IRs read on the file loader's
    thread, handed to the processor (which builds and crossfades them), and
    told on the message bar (LoadStatus). A file that fails leaves the
    playing IR alone and the reason on the bar.

    Threading: any non-audio thread. The file loader's callbacks run on its
    thread; it is destroyed first, so none outlives what it reports to. */
class ImpulseResponseLoading
{
public:
    ImpulseResponseLoading (ConvolverProcessor& processor, StatusMessage& messageBar);

    /** Reads a file on the file loader's thread, for slot A or B. */
    void loadFile (const juce::File& file, IrSlot slot = IrSlot::a);
    /** A factory IR by its index in factoryImpulseResponses(). */
    void loadFactory (std::size_t index);
    /** An IR computed on the file loader's thread (a deconvolved recording,
        a measurement): `compute` runs there, its IR plays like a loaded
        file's (crossfaded; its audio travels in the state) and its note
        follows the "Loaded" line; what it throws leaves the playing IR
        alone and goes on the bar. */
    void loadComputed (std::string name, std::string startMessage,
                       std::function<ImpulseResponseFileLoader::Computed()> compute);
    /** The default factory IR, decoded here (a short file, decoded in
        milliseconds) rather than on the file loader, so that a host's
        setStateInformation right after construction always wins over it. */
    void loadDefault();
    void unload();
    /** Empties one slot; the other keeps playing. */
    void unload (IrSlot slot);
    /** Forgets a file still being read (a restored session wins over it). */
    void cancelPending();
    bool waitUntilIdle (std::chrono::milliseconds timeout);

    [[nodiscard]] LoadStatus& status() noexcept { return loadStatus; }

private:
    /** Hands a clip to the processor; a refusal shows on the message bar. */
    void play (AudioClip clip, const std::string& name, const std::string& path, IrLayoutHint layoutHint = {},
               IrSlot slot = IrSlot::a);

    ConvolverProcessor& dsp;
    StatusMessage& bar;
    LoadStatus loadStatus { bar };
    /** Last: destroyed first, so no callback runs into members already gone. */
    ImpulseResponseFileLoader fileLoader;
};

} // namespace partita
