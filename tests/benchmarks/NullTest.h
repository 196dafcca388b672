// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"

#include <cstddef>

namespace partita::benchmark
{

struct NullTestResult
{
    /** Frames of `other` are compared at frame + lag of `reference`. */
    long lag = 0;
    std::size_t comparedFrames = 0;
    std::size_t comparedChannels = 0;
    /** Largest |reference - other| over the common frames and channels, in dB
        re the reference's peak there. */
    double maxDifferenceDb = 0.0;
    /** The least-squares gain of other over reference: a tool that scales
        its output by a constant still computes the same convolution. */
    double gain = 1.0;
    /** Largest |reference - other / gain|, in dB re the reference's peak. */
    double maxDifferenceAfterGainDb = 0.0;
};

/** Compares two renders of the same job that may differ in length (one with
    the whole tail, one cut at the input's length) and in a fixed delay: the
    lag within +-maxLag that makes the first frames agree best is found first. */
NullTestResult nullTest (const AudioClip& reference, const AudioClip& other, std::size_t maxLag = 16384);

} // namespace partita::benchmark
