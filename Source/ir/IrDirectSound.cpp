// SPDX-License-Identifier: GPL-3.0-or-later
#include "IrDirectSound.h"

#include <cmath>

namespace partita
{

std::size_t directSoundFrame (const AudioClip& impulseResponse) noexcept
{
    std::size_t frame = 0;
    double loudest = 0.0;
    for (std::size_t n = 0; n < impulseResponse.numFrames(); ++n)
        for (const auto& channel : impulseResponse.channels)
            if (std::abs (channel[n]) > loudest)
            {
                loudest = std::abs (channel[n]);
                frame = n;
            }
    return frame;
}

} // namespace partita
