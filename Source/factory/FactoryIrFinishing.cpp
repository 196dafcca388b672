// SPDX-License-Identifier: GPL-3.0-or-later
#include "FactoryIrFinishing.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numbers>

namespace partita
{

void finishFactoryIr (AudioClip& clip, double fadeFraction)
{
    const auto frames = clip.numFrames();
    const auto fadeLength = static_cast<std::size_t> (fadeFraction * static_cast<double> (frames));
    double peak = 0.0;
    for (auto& channel : clip.channels)
    {
        for (std::size_t i = 0; i < fadeLength; ++i)
        {
            const auto progress = static_cast<double> (i + 1) / static_cast<double> (fadeLength);
            channel[frames - fadeLength + i] *= 0.5 + 0.5 * std::cos (std::numbers::pi * progress);
        }
        for (const auto sample : channel)
            peak = std::max (peak, std::abs (sample));
    }
    if (peak <= 0.0)
        return;
    const auto scale = factoryIrPeak / peak;
    for (auto& channel : clip.channels)
        for (auto& sample : channel)
            sample *= scale;
}

} // namespace partita
