// SPDX-License-Identifier: GPL-3.0-or-later
#include "IrEarlyLate.h"

#include <cmath>
#include <numbers>

namespace partita
{

double earlyLateGain (std::size_t frame, const EarlyLateBalance& balance) noexcept
{
    const auto fadeStart =
        static_cast<double> (balance.boundaryFrame) - static_cast<double> (balance.crossfadeFrames / 2);
    const auto position = static_cast<double> (frame) - fadeStart;
    if (position < 0.0)
        return balance.earlyGain;
    if (position >= static_cast<double> (balance.crossfadeFrames))
        return balance.lateGain;
    const double rise =
        0.5 - 0.5 * std::cos (std::numbers::pi * position / static_cast<double> (balance.crossfadeFrames));
    return balance.earlyGain + (balance.lateGain - balance.earlyGain) * rise;
}

void applyEarlyLateBalance (AudioClip& impulseResponse, const EarlyLateBalance& balance)
{
    if (balance.isNeutral())
        return;
    for (auto& channel : impulseResponse.channels)
        for (std::size_t n = 0; n < channel.size(); ++n)
            channel[n] *= earlyLateGain (n, balance);
}

} // namespace partita
