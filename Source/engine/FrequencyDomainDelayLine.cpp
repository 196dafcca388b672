// SPDX-License-Identifier: GPL-3.0-or-later
#include "FrequencyDomainDelayLine.h"

#include "SplitSpectrum.h"

namespace partita
{

FrequencyDomainDelayLine::FrequencyDomainDelayLine (std::size_t numSlots, std::size_t numBins)
    : slots (numSlots),
      bins (numBins),
      stride (AlignedBuffer<float>::alignedStride (numBins)),
      reals (numSlots * stride),
      imags (numSlots * stride)
{
}

void FrequencyDomainDelayLine::push (const std::complex<float>* spectrum) noexcept
{
    if (slots == 0)
        return;
    newest = (newest + 1) % slots;
    splitSpectrum::deinterleave (spectrum, reals.data() + newest * stride, imags.data() + newest * stride, bins);
}

void FrequencyDomainDelayLine::clear() noexcept
{
    reals.clear();
    imags.clear();
    newest = 0;
}

} // namespace partita
