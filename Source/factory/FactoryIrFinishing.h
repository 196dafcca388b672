// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"

namespace partita
{

/** The highest peak every factory IR is scaled to: -1 dBFS. */
inline constexpr double factoryIrPeak = 0.89125093813374556;

/** What every generator does last: fades the clip out over its last
    fadeFraction (raised cosine, so the IR ends without a step) and scales
    all channels by one factor so that the highest absolute sample is
    factoryIrPeak (the channels keep their balance). A silent clip stays
    silent.

    Threading: a pure function. */
void finishFactoryIr (AudioClip& clip, double fadeFraction = 0.05);

} // namespace partita
