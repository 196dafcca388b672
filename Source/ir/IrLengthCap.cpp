// SPDX-License-Identifier: GPL-3.0-or-later
#include "IrLengthCap.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace partita
{

void capImpulseResponseLength (AudioClip& impulseResponse, std::size_t maxFrames)
{
    const auto kept = std::max<std::size_t> (maxFrames, 1);
    if (impulseResponse.numFrames() <= kept)
        return;

    const auto fadeFrames =
        std::min (kept, static_cast<std::size_t> (std::llround (irLengthCapFadeSeconds * impulseResponse.sampleRate)));
    std::vector<double> fade (fadeFrames);
    for (std::size_t i = 0; i < fadeFrames; ++i)
        fade[i] =
            0.5
            * (1.0 + std::cos (std::numbers::pi * static_cast<double> (i + 1) / static_cast<double> (fadeFrames + 1)));

    for (auto& channel : impulseResponse.channels)
    {
        channel.resize (kept);
        const auto fadeStart = kept - fadeFrames;
        for (std::size_t i = 0; i < fadeFrames; ++i)
            channel[fadeStart + i] *= fade[i];
    }
}

} // namespace partita
