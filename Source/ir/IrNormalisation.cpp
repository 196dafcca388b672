// SPDX-License-Identifier: GPL-3.0-or-later
#include "IrNormalisation.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace partita
{

std::optional<IrNormalisation> parseIrNormalisation (std::string_view text) noexcept
{
    if (text == "none")
        return IrNormalisation::none;
    if (text == "energy")
        return IrNormalisation::energy;
    if (text == "peak")
        return IrNormalisation::peak;
    return std::nullopt;
}

std::string_view toString (IrNormalisation normalisation) noexcept
{
    switch (normalisation)
    {
        case IrNormalisation::none:
            return "none";
        case IrNormalisation::energy:
            return "energy";
        case IrNormalisation::peak:
            return "peak";
    }
    return "none";
}

namespace
{
double largestChannelEnergy (const AudioClip& clip)
{
    double largest = 0.0;
    for (const auto& channel : clip.channels)
    {
        double energy = 0.0;
        for (const auto sample : channel)
            energy += sample * sample;
        largest = std::max (largest, energy);
    }
    return largest;
}

double largestMagnitude (const AudioClip& clip)
{
    double largest = 0.0;
    for (const auto& channel : clip.channels)
        for (const auto sample : channel)
            largest = std::max (largest, std::abs (sample));
    return largest;
}
} // namespace

double normaliseImpulseResponse (AudioClip& impulseResponse, IrNormalisation normalisation)
{
    if (normalisation == IrNormalisation::none)
        return 1.0;

    const double level = normalisation == IrNormalisation::energy ? std::sqrt (largestChannelEnergy (impulseResponse))
                                                                  : largestMagnitude (impulseResponse);
    if (!(level > 0.0) || !std::isfinite (level))
        throw std::invalid_argument ("the impulse response is silent, so it cannot be given a "
                                     + std::string (toString (normalisation)) + " of 1");

    const double scale = 1.0 / level;
    for (auto& channel : impulseResponse.channels)
        for (auto& sample : channel)
            sample *= scale;
    return scale;
}

} // namespace partita
