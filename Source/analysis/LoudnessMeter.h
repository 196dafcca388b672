// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "KWeightingFilter.h"

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace partita
{

/** BS.1770 channel weights for a file without a channel map, by the channel
    order of WAV and SMPTE: up to four channels weigh 1 each (mono, stereo,
    and the layouts a convolution writes, which name no surrounds); five are
    L, R, C, Ls, Rs (1, 1, 1, 1.41, 1.41); six or more start L, R, C, LFE,
    Ls, Rs (the LFE excluded, weight 0), and any further channel weighs 1. */
[[nodiscard]] std::vector<double> bs1770ChannelWeights (std::size_t numChannels);

/** Integrated loudness per ITU-R BS.1770-4, fed a block at a time: each
    channel K-weighted, its mean square taken over 400 ms blocks that overlap
    by 75 % (a new block every 100 ms), the weighted channel sum of a block
    giving its loudness -0.691 + 10 log10 (sum); blocks at or below -70 LUFS
    (absolute gate) and then those at or below the mean of the rest minus
    10 LU (relative gate) are left out, and the loudness of the mean of the
    remaining blocks is the result. Only whole blocks count, as the standard
    says, so a signal shorter than 400 ms has no loudness.

    Threading: one thread at a time per object. */
class LoudnessMeter
{
public:
    /** One weight per channel (see bs1770ChannelWeights). Throws
        std::invalid_argument for no channels, a negative or non-finite
        weight, or a rate K-weighting cannot be designed at. */
    LoudnessMeter (double sampleRate, std::vector<double> channelWeights);

    /** Feeds numFrames frames, channel c from channels[c] (as many as the
        weights). Any block length, also 0: the result is the same to the
        bit however the signal is cut into blocks. */
    void process (std::span<const double* const> channels, std::size_t numFrames);

    /** The integrated loudness in LUFS of everything fed so far; nothing when
        no block passed the absolute gate (silence, or shorter than 400 ms). */
    [[nodiscard]] std::optional<double> integratedLoudness() const;

    /** Forgets everything fed. */
    void reset() noexcept;

    [[nodiscard]] std::size_t numChannels() const noexcept { return weights.size(); }

private:
    void completeHop();

    std::vector<KWeightingFilter> filters;
    std::vector<double> weights;
    /** Frames in 100 ms, the step between blocks; a block is four steps. */
    std::size_t hopFrames;
    std::size_t framesInHop = 0;
    /** Each channel's sum of squares in the step being filled. */
    std::vector<double> hopSums;
    /** The last three complete steps, which with the next one make a block. */
    std::array<double, 3> previousHops {};
    std::size_t completeHops = 0;
    /** The weighted mean square of every complete block, in order. */
    std::vector<double> blockPowers;
};

} // namespace partita
