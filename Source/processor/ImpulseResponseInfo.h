// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace partita
{

/** What the editor shows about the IR that is playing (or about to, within a
    few ms): made on the loader thread together with the engine and never
    changed afterwards.

    Threading: immutable once published; share it freely across threads. */
struct ImpulseResponseInfo
{
    /** The display name given to loadImpulseResponse (usually the file name). */
    std::string name;
    /** The IR as loaded, before any resampling or shaping: what a saved state
        must hold to rebuild the same sound. */
    std::shared_ptr<const AudioClip> source;

    double originalSampleRate = 0.0;
    std::size_t originalFrames = 0;
    std::size_t numChannels = 0;

    /** The session rate the shaped IR is at. */
    double sampleRate = 0.0;
    /** The IR as convolved: resampled, trimmed, reversed, stretched and
        auto-gained, one vector per IR channel, at sampleRate. */
    std::vector<std::vector<float>> shapedChannels;
    /** The factor auto-gain applied (1 when it is off). */
    double autoGainFactor = 1.0;

    [[nodiscard]] std::size_t shapedFrames() const noexcept
    {
        return shapedChannels.empty() ? 0 : shapedChannels.front().size();
    }
};

/** How the editor and the message bar name an IR's channel layout. */
inline std::string describeChannelLayout (std::size_t numChannels)
{
    switch (numChannels)
    {
        case 1:
            return "mono";
        case 2:
            return "stereo";
        case 4:
            return "true stereo (LL, LR, RL, RR)";
        default:
            return std::to_string (numChannels) + " channels";
    }
}

} // namespace partita
