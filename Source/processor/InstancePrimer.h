// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConvolverInstance.h"
#include "EngineInputHistory.h"
#include "engine/Nonblocking.h"

#include <cstddef>
#include <vector>

namespace partita
{

/** Brings a newly built ConvolverInstance up to date with the input the
    playing engine has heard, so that crossfading into it only changes the IR,
    never the reverb's history (see EngineInputHistory for why).

    Two steps:
    - primeFromHistory(), on the thread that built the instance (the loader,
      or the caller in synchronous mode): runs the engine over the last
      (tail + 1) samples of the history, the bulk of the work, repeating for
      what arrived meanwhile until the instance is nearly current.
    - catchUp(), on the audio thread once the instance is handed over: feeds
      the few samples that arrived since, within a budget per call, so one
      callback never pays for much more than its own block.

    Threading: primeFromHistory() on any non-audio thread that keeps the
    history from being reallocated (the processor's build lock); the rest on
    the audio thread, after prepare() (which allocates the scratch buffers). */
class InstancePrimer
{
public:
    /** Scratch for catchUp(): chunks of up to maxChunk samples. */
    void prepare (std::size_t numInputs, std::size_t numOutputs, std::size_t maxChunk);
    void release();

    /** Runs the instance's engine over the recent history; records how far it got. */
    static void primeFromHistory (ConvolverInstance& instance, const EngineInputHistory& history);

    /** At the hand-over: an instance primed before the last reset (or lapped
        by the ring) starts again from silence at the earliest usable position. */
    static void adopt (ConvolverInstance& instance, const EngineInputHistory& history) noexcept PARTITA_NONBLOCKING;

    /** Feeds the instance the history it has not heard, at most `budget`
        samples (reduced by what was fed). Returns true when it is current. */
    bool catchUp (ConvolverInstance& instance, const EngineInputHistory& history,
                  std::size_t& budget) noexcept PARTITA_NONBLOCKING;

private:
    std::vector<std::vector<float>> inputs;
    std::vector<std::vector<float>> outputs;
    std::vector<float*> inputPointers;
    std::vector<float*> outputPointers;
    std::size_t chunk = 0;
};

} // namespace partita
