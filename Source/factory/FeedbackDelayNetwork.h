// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"

#include <array>
#include <cstddef>

namespace partita
{

/** An eight-line feedback delay network after Jot and Chaigne (AES
    preprint 3030, 1991): the lines feed back through a Householder matrix
    I - (2/8) 1 1^T (lossless, every line into every other), each line with
    a one-pole absorption filter whose gain makes it lose 60 dB in
    lowReverbTime at DC and in highReverbTime at Nyquist (Jot's design:
    g = 10^(-3 m / (T0 fs)), pole b = ln 10 / 4 log10 (g) (1 - 1 / alpha^2),
    alpha = T_pi / T0). The impulse enters every line with alternating signs;
    left and right read the lines with two orthogonal sign patterns. Rendered
    as its impulse response; peak at -1 dBFS.

    Threading: a pure computation. */
class FeedbackDelayNetwork
{
public:
    /** delaysSamples at 48 kHz, scaled to the rate. */
    FeedbackDelayNetwork (const std::array<std::size_t, 8>& delaysSamples, double lowReverbTime, double highReverbTime,
                          double lengthSeconds, double sampleRate);

    [[nodiscard]] std::size_t numFrames() const noexcept { return frames; }
    [[nodiscard]] AudioClip render() const;

private:
    std::array<std::size_t, 8> delays;
    double lowTime;
    double highTime;
    std::size_t frames;
    double rate;
};

} // namespace partita
