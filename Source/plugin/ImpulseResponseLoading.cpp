// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImpulseResponseLoading.h"

#include "FactoryImpulseResponses.h"
#include "state/RestoredImpulseResponse.h"

#include <exception>
#include <utility>

namespace partita
{

ImpulseResponseLoading::ImpulseResponseLoading (ConvolverProcessor& processor, StatusMessage& messageBar)
    : dsp (processor)
    , bar (messageBar)
    , fileLoader (
          [this] (ImpulseResponseFileLoader::Loaded loaded)
          {
              loadStatus.read (loaded.name, loaded.path, loaded.note);
              play (std::move (loaded.clip), loaded.name, loaded.path, loaded.layoutHint, loaded.slot);
          },
          [this] (const std::string& message)
          { loadStatus.failed ("Could not load the IR; the previous one keeps playing: " + message); })
{
}

void ImpulseResponseLoading::loadFile (const juce::File& file, IrSlot slot)
{
    const auto name = file.getFileName().toStdString();
    loadStatus.loading (name, std::string (slot == IrSlot::b ? "Loading '" + name + "' into slot B ..."
                                                             : "Loading '" + name + "' ..."));
    fileLoader.loadFile (pathFromUtf8 (file.getFullPathName().toStdString()), slot, dsp.preparedSampleRate());
}

void ImpulseResponseLoading::loadFactory (std::size_t index)
{
    const auto& factory = factoryImpulseResponses();
    if (index >= factory.size())
        return;
    const auto& ir = factory[index];
    loadStatus.loading (ir.displayName, "Loading the factory IR '" + ir.displayName + "' ...");
    if (ir.isGenerated())
        fileLoader.loadComputed ([generate = ir.generate] { return ImpulseResponseFileLoader::Computed { generate(), {} }; },
                                 ir.displayName);
    else
        fileLoader.loadFromMemory (ir.bytes, ir.displayName);
}

void ImpulseResponseLoading::loadComputed (std::string name, std::string startMessage,
                                           std::function<ImpulseResponseFileLoader::Computed()> compute)
{
    loadStatus.loading (name, std::move (startMessage));
    fileLoader.loadComputed (std::move (compute), std::move (name));
}

void ImpulseResponseLoading::loadDefault()
{
    const auto* ir = defaultFactoryImpulseResponse();
    if (ir == nullptr)
        return;
    try
    {
        auto clip = ir->samples();
        loadStatus.loading (ir->displayName, "Loading the factory IR '" + ir->displayName + "' ...");
        play (std::move (clip), ir->displayName, {});
    }
    catch (const std::exception& error)
    {
        // Never expected (the factory files are tested); the instance then starts with no IR.
        bar.set (std::string ("The default factory IR could not be loaded: ") + error.what(),
                 StatusMessage::Severity::warning);
    }
}

void ImpulseResponseLoading::unload()
{
    fileLoader.cancelPending();
    loadStatus.stopAwaiting();
    dsp.unloadImpulseResponse();
    bar.set ("No IR loaded: the wet path passes the input through", StatusMessage::Severity::information);
}

void ImpulseResponseLoading::unload (IrSlot slot)
{
    fileLoader.cancelPending();
    loadStatus.stopAwaiting();
    dsp.unloadImpulseResponse (slot);
    bar.set (slot == IrSlot::a ? "Slot A emptied" : "Slot B emptied", StatusMessage::Severity::information);
}

void ImpulseResponseLoading::cancelPending()
{
    fileLoader.cancelPending();
}

bool ImpulseResponseLoading::waitUntilIdle (std::chrono::milliseconds timeout)
{
    return fileLoader.waitUntilIdle (timeout);
}

void ImpulseResponseLoading::play (AudioClip clip, const std::string& name, const std::string& path,
                                   IrLayoutHint layoutHint, IrSlot slot)
{
    if (dsp.loadImpulseResponse (slot, std::move (clip), name, path, layoutHint) == LoadOutcome::failed)
        loadStatus.failed (dsp.lastError());
}

} // namespace partita
