// SPDX-License-Identifier: GPL-3.0-or-later
#include "HostBlockWatch.h"

#include <algorithm>
#include <cmath>

namespace partita
{

void HostBlockWatch::prepare (double sampleRate) noexcept
{
    windowLength = std::max<std::size_t> (1, static_cast<std::size_t> (std::lround (2.0 * sampleRate)));
    reset();
}

void HostBlockWatch::reset() noexcept
{
    samplesInWindow = 0;
    fallbacksAtWindowStart = 0;
    watched = nullptr;
    hostCutsBlocks = false;
}

bool HostBlockWatch::observe (const ConvolutionEngine& engine, std::size_t numSamples) noexcept
{
    if (hostCutsBlocks)
        return true;

    const auto fallbacks = engine.directFallbackBlocks();
    // A new engine (or a reset one) counts from zero: start a new window.
    if (&engine != watched || fallbacks < fallbacksAtWindowStart)
    {
        watched = &engine;
        samplesInWindow = 0;
        fallbacksAtWindowStart = fallbacks;
    }

    samplesInWindow += numSamples;
    if (samplesInWindow < windowLength)
        return false;

    const auto cutSamples = (fallbacks - fallbacksAtWindowStart) * engine.blockAlignment();
    hostCutsBlocks = 4 * cutSamples > samplesInWindow;
    samplesInWindow = 0;
    fallbacksAtWindowStart = fallbacks;
    return hostCutsBlocks;
}

} // namespace partita
