// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImpulseResponseInfo.h"
#include "IrSlot.h"
#include "ProcessorParameters.h"
#include "engine/ConvolutionEngine.h"
#include "io/AudioClip.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace partita
{

/** An IR as the user loaded it: the clip, its display name and where it
    came from (what a saved session needs to find it again). */
struct ImpulseResponseSource
{
    std::shared_ptr<const AudioClip> clip;
    std::string name;
    /** UTF-8 path of the file; empty for a factory IR or audio from memory. */
    std::string originalPath;
    /** What the file said about its channels' layout (B-format or nothing),
        for irLayout Auto; saved with the IR, since neither the saved audio
        nor a display name keeps the file's sub-format. */
    IrLayoutHint layoutHint;
};

/** What the two slots hold; nullptr for an empty slot. */
struct ImpulseResponseSlots
{
    std::shared_ptr<const ImpulseResponseSource> a;
    std::shared_ptr<const ImpulseResponseSource> b;

    [[nodiscard]] std::shared_ptr<const ImpulseResponseSource>& operator[] (IrSlot slot) noexcept
    {
        return slot == IrSlot::a ? a : b;
    }
    [[nodiscard]] const std::shared_ptr<const ImpulseResponseSource>& operator[] (IrSlot slot) const noexcept
    {
        return slot == IrSlot::a ? a : b;
    }
};

/** One complete, ready-to-run wet path: what the loader builds and the audio
    thread crossfades to. Its kernels never change once built.

    Threading: built (and primed, see InstancePrimer) on any non-audio thread;
    then used by the audio thread only, and freed off it. */
struct ConvolverInstance
{
    ConvolutionEngine engine;
    std::size_t latencySamples = 0;
    /** The engine's tail: (kernel length - 1) + latency. */
    std::size_t engineTailSamples = 0;
    /** The engine has heard the engine input history (EngineInputHistory)
        up to this position, in the history's epoch primedEpoch. */
    std::uint64_t primedUpTo = 0;
    std::uint64_t primedEpoch = 0;
};

/** Everything a build depends on. */
struct InstanceRequest
{
    /** Slot A's IR. With slot B empty too: no IR, a unit impulse
        (pass-through) on every path. */
    std::shared_ptr<const ImpulseResponseSource> source;
    /** Slot B's IR, folded into the same kernel as slot A's; nullptr: empty. */
    std::shared_ptr<const ImpulseResponseSource> slotB;
    /** The values of the parameters that shape the IR (the others are not
        read). */
    ProcessorParameters parameters;
    double sampleRate = 48000.0;
    std::size_t numInputs = 1;
    std::size_t numOutputs = 1;
    /** The largest block the engine will be given (0: unknown); the engine's
        planner keeps its largest transforms small next to such a block. */
    std::size_t maxBlockSize = 0;
    /** Steady in real time (the cheaper plan for whole host blocks); any
        size offline, where a bounce must not depend on how the host cut it. */
    HostBlocks hostBlocks = HostBlocks::anySize;
};

struct BuiltInstance
{
    std::unique_ptr<ConvolverInstance> instance;
    /** nullptr for a request with both slots empty. */
    std::shared_ptr<const ImpulseResponseInfo> info;
};

/** The engine partition for a latency mode (see ConvolverProcessor). */
std::size_t partitionSizeFor (LatencyMode mode) noexcept;

/** The IR chain without the engine, for each slot that holds an IR (channel,
    layout, check, resample to the request's sampleRate, trim, reverse,
    stretch, envelope, cap, auto-gain), then the slots' level, polarity, delay
    and pan, and the two folded into one IR (ir/IrSlotMix.h): what the editor
    shows. At least one slot must hold an IR. Throws like buildConvolverInstance.

    Threading: a pure function; any non-audio thread. */
std::shared_ptr<ImpulseResponseInfo> makeImpulseResponseInfo (const InstanceRequest& request);

/** Runs the IR chain (channel, layout, check, resample, trim, reverse, stretch, envelope,
    cap, auto-gain, the two slots folded into one, route) and prepares an engine. Throws std::runtime_error (or a
   subclass) with a one-line message naming the IR when it cannot be built.

    Threading: a pure function of its request; any non-audio thread. */
BuiltInstance buildConvolverInstance (const InstanceRequest& request);

} // namespace partita
