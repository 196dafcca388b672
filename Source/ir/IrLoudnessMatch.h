// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"

#include <cstddef>

namespace partita
{

/** The loudness of an IR's response as ITU-R BS.1770 hears programme
    loudness: the K-weighted energy of each channel (analysis/KWeightingFilter:
    the head's high shelf, +4 dB above about 2 kHz, and the RLB high-pass,
    which discounts the lows below about 100 Hz), summed over the channels as
    BS.1770 sums channels (weight 1 for left and right), per output: each
    channel feeds an output of its own, except the four paths of a true-stereo
    IR, which feed two. For a white input that is the K-weighted power of the
    wet signal per output channel, relative to the input's.

    `outputs` is the number of outputs the channels feed (2 for a 4-channel
    true-stereo IR; 0: one per channel). Throws std::invalid_argument as
    kWeightingSections (a rate at or below 3364 Hz).

    Threading: a pure function. */
[[nodiscard]] double irLoudnessEnergy (const AudioClip& impulseResponse, std::size_t outputs = 0);

/** irLoudnessEnergy of a unit impulse at `sampleRate`: the loudness a
    loudness-matched IR is given, so that an IR with a flat response plays
    at the same level as with energy auto gain (IrNormalisation::energy)
    and only IRs whose spectra differ move. */
[[nodiscard]] double unitImpulseLoudnessEnergy (double sampleRate);

/** Scales every channel of the IR by one factor so that its irLoudnessEnergy
    is unitImpulseLoudnessEnergy: loudness-matched switching, the wet signal
    equally loud whichever IR plays. Returns the factor. Throws
    std::invalid_argument for an IR whose K-weighted response is silent (no
    factor can give it a loudness). */
double matchImpulseResponseLoudness (AudioClip& impulseResponse, std::size_t outputs = 0);

} // namespace partita
