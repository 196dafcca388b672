// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RenderOptions.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace partita
{

/** The render's mix: output = gain * (mix * wetGain * wet + (1 - mix) *
    dryGain * dry), as two scales. Shared by RenderJob and StreamingRenderJob,
    whose outputs must stay identical. */
struct MixScales
{
    double wet = 1.0;
    double dry = 0.0;
};

inline double decibelsToGain (double decibels)
{
    return std::pow (10.0, decibels / 20.0);
}

inline MixScales mixScalesFor (const RenderOptions& options)
{
    const double outputGain = decibelsToGain (options.outputGainDb);
    MixScales scales;
    scales.wet = outputGain * options.mix * decibelsToGain (options.wetGainDb);
    scales.dry = outputGain * (1.0 - options.mix) * decibelsToGain (options.dryGainDb);
    return scales;
}

/** A channel of double samples in the render's precision. */
template <typename Sample>
std::vector<Sample> convertChannel (const std::vector<double>& channel)
{
    std::vector<Sample> converted (channel.size());
    std::transform (channel.begin(), channel.end(), converted.begin(),
                    [] (double sample) { return static_cast<Sample> (sample); });
    return converted;
}

} // namespace partita
