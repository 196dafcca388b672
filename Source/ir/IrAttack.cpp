// SPDX-License-Identifier: GPL-3.0-or-later
#include "IrAttack.h"

#include <algorithm>
#include <cmath>

namespace partita
{

double attackGain (std::size_t frame, std::size_t attackFrames, double shapePercent) noexcept
{
    if (frame >= attackFrames)
        return 1.0;
    const double x = static_cast<double> (frame + 1) / static_cast<double> (attackFrames);
    const double s = std::clamp (shapePercent / 100.0, 0.0, 1.0);
    return (1.0 - s) * x + s * (std::pow (1000.0, x) - 1.0) / 999.0;
}

void applyAttack (AudioClip& impulseResponse, std::size_t attackFrames, double shapePercent)
{
    if (attackFrames == 0)
        return;
    for (auto& channel : impulseResponse.channels)
        for (std::size_t n = 0; n < std::min (attackFrames, channel.size()); ++n)
            channel[n] *= attackGain (n, attackFrames, shapePercent);
}

} // namespace partita
