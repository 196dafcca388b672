// SPDX-License-Identifier: GPL-3.0-or-later
#include "IrTrim.h"

#include <algorithm>
#include <cmath>

namespace partita
{

void trimImpulseResponse (AudioClip& impulseResponse, std::size_t startFrames, std::size_t endFrames)
{
    const auto length = impulseResponse.numFrames();
    if (length == 0)
        return;

    const auto start = std::min (startFrames, length - 1);
    const auto end = std::min (endFrames, length - start - 1);
    for (auto& channel : impulseResponse.channels)
    {
        channel.erase (channel.end() - static_cast<std::ptrdiff_t> (end), channel.end());
        channel.erase (channel.begin(), channel.begin() + static_cast<std::ptrdiff_t> (start));
    }
}

std::size_t millisecondsToFrames (double milliseconds, double sampleRate) noexcept
{
    const double frames = milliseconds * sampleRate / 1000.0;
    if (!(frames > 0.0))
        return 0;
    return static_cast<std::size_t> (std::llround (std::min (frames, 1.0e15)));
}

} // namespace partita
