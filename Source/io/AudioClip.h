// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <vector>

namespace partita
{

/** A whole piece of audio in memory: non-interleaved channels of equal length,
    in double precision so that --precision double loses nothing on the way in. */
struct AudioClip
{
    double sampleRate = 0.0;
    std::vector<std::vector<double>> channels;

    [[nodiscard]] std::size_t numChannels() const noexcept { return channels.size(); }
    [[nodiscard]] std::size_t numFrames() const noexcept { return channels.empty() ? 0 : channels.front().size(); }
};

} // namespace partita
