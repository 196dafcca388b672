// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AudioClip.h"

#include <span>
#include <vector>

namespace partita
{

/** Resamples with libsoxr at its high-quality setting (SOXR_HQ: 20-bit
    precision, linear phase). The output holds round(n * toRate / fromRate)
    samples, delay-compensated so that sample 0 stays at time 0. Throws
    std::invalid_argument for a rate that is not positive and finite. */
std::vector<double> resample (std::span<const double> samples, double fromRate, double toRate);

/** Every channel of a clip; returns the clip unchanged when the rates match. */
AudioClip resample (const AudioClip& clip, double toRate);

} // namespace partita
