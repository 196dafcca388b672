// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/ConvolutionEngine.h"
#include "engine/Nonblocking.h"

#include <cstddef>

namespace partita
{

/** Notices a host whose calls do not bring the playing engine whole
    partitions. Real-time engines are planned for steady host blocks
    (HostBlocks::steady): a call that cuts a partition is still exact, but
    that partition's own part is summed directly, which at large blocks costs
    more than the any-cut plan. Hosts that vary their block sizes (some do
    with automation or at loop points all the time) are better served by the
    any-cut plan, and this tells the processor when to switch.

    Counts, over windows of about two seconds of audio, the partitions the
    engine summed directly; a window where they make up more than a quarter
    of the audio trips the watch, which stays tripped until reset().

    Threading: everything on the audio thread, allocation- and lock-free. */
class HostBlockWatch
{
public:
    void prepare (double sampleRate) noexcept;
    void reset() noexcept;

    /** After the engine processed numSamples: true once the host is found to
        cut the engine's partitions (and from then on). */
    bool observe (const ConvolutionEngine& engine, std::size_t numSamples) noexcept PARTITA_NONBLOCKING;

    [[nodiscard]] bool tripped() const noexcept { return hostCutsBlocks; }

private:
    std::size_t windowLength = 96000;
    std::size_t samplesInWindow = 0;
    std::size_t fallbacksAtWindowStart = 0;
    const ConvolutionEngine* watched = nullptr;
    bool hostCutsBlocks = false;
};

} // namespace partita
