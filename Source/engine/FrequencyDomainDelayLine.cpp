// SPDX-License-Identifier: GPL-3.0-or-later
#include "FrequencyDomainDelayLine.h"

namespace partita
{

FrequencyDomainDelayLine::FrequencyDomainDelayLine (std::size_t numSlots, std::size_t numBins)
    : slots (numSlots)
    , bins (numBins)
    , stride (AlignedBuffer<float>::alignedStride (numBins))
    , reals (numSlots * stride)
    , imags (numSlots * stride)
{
}

void FrequencyDomainDelayLine::clear() noexcept
{
    reals.clear();
    imags.clear();
    newest = 0;
}

} // namespace partita
