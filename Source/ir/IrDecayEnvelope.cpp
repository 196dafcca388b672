// SPDX-License-Identifier: GPL-3.0-or-later
#include "IrDecayEnvelope.h"

#include <cmath>

namespace partita
{

double ExponentialDecay::gainAt (std::size_t frame) const noexcept
{
    if (isNeutral() || frame <= startFrame)
        return 1.0;
    return std::pow (10.0, -extraDbPerSecond * static_cast<double> (frame - startFrame) / (20.0 * sampleRate));
}

void ExponentialDecay::applyTo (std::span<double> samples) const noexcept
{
    if (isNeutral())
        return;
    // One factor per frame, multiplied up: exact to rounding over any length
    // (a relative error of about n * 1e-16 after n frames) and no pow per sample.
    const double step = std::pow (10.0, -extraDbPerSecond / (20.0 * sampleRate));
    double gain = 1.0;
    for (auto n = startFrame + 1; n < samples.size(); ++n)
    {
        gain *= step;
        samples[n] *= gain;
    }
}

double extraDecayForReverbTime (double reverbTimeSeconds, double fraction) noexcept
{
    if (!(reverbTimeSeconds > 0.0) || !(fraction > 0.0) || fraction >= 1.0)
        return 0.0;
    return 60.0 / reverbTimeSeconds * (1.0 / fraction - 1.0);
}

} // namespace partita
