// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RenderOptions.h"
#include "RenderPlan.h"
#include "engine/WholeSignalConvolution.h"
#include "io/AudioClip.h"

#include <cstddef>

namespace partita
{

/** The arithmetic of one render, without files: an input clip and a prepared
    impulse response (already at the input's rate, see
    prepareImpulseResponse) in, the output clip out.

    Each (input, output) path is convolved on its own with convolve<float> or
    convolve<double> (the engine's whole-signal function), in the given mode
    and method; paths into the same output are summed in double. The dry
    signal sits at the start of the full convolution's timeline and is cropped
    with the same offset as the wet one, so --mode same/valid keep the two
    aligned. Then output = gain * (mix * wetGain * wet + (1 - mix) * dryGain * dry).

    Threading: render() is const and may run on several threads at once; it
    convolves up to maxThreads paths in parallel itself. */
class RenderJob
{
public:
    RenderJob (const RenderOptions& options, std::size_t maxThreads = 1);

    /** Throws std::invalid_argument (one line) when the clips cannot be
        rendered: no samples, IR at another rate, channels that cannot be
        routed. */
    [[nodiscard]] AudioClip render (const AudioClip& input, const AudioClip& impulseResponse,
                                    const ProgressCallback& progress = {}) const;

private:
    RenderOptions options;
    std::size_t maxThreads;
};

} // namespace partita
