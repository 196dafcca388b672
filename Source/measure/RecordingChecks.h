// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"

#include <cstddef>
#include <string>

namespace partita
{

/** Refuses, with a MeasurementError naming it, a recording that cannot hold
    a response to the sweep: a sample rate other than the sweep's, fewer
    frames than the sweep, a channel that is silent (peak below -100 dBFS) or
    clipped (four or more consecutive samples at a peak of at least -0.1 dBFS,
    the flat top a converter or a fixed-point file leaves). */
void checkRecording (const AudioClip& recording, const std::string& name, double sweepRate, std::size_t sweepFrames);

} // namespace partita
