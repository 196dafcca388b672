// SPDX-License-Identifier: GPL-3.0-or-later
#include "DelayRing.h"

#include <bit>

namespace partita
{

void DelayRing::prepare (std::size_t numChannels, std::size_t maxDelay)
{
    // A power-of-two size lets the index wrap with a mask.
    const auto size = std::bit_ceil (maxDelay + 1);
    channels.assign (numChannels, std::vector<float> (size, 0.0f));
    mask = size - 1;
    writeIndex = 0;
    samplesSinceClear = 0;
}

void DelayRing::release()
{
    channels.clear();
    channels.shrink_to_fit();
    mask = 0;
    writeIndex = 0;
    samplesSinceClear = 0;
}

void DelayRing::clear() noexcept
{
    samplesSinceClear = 0;
}

} // namespace partita
