// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace partita
{

/** The low-pass that splits an IR into a low and a high band for the
    damping: a Blackman-windowed sinc, symmetric, with 2K + 1 taps,
    K = ceil (5.5 * sampleRate / crossoverHz), cut off at crossoverHz and
    scaled to a DC gain of exactly 1 (taps summing to 1):

        h[k] = w[k] * sin (2 pi fc (k - K) / fs) / (pi (k - K)),  h[K] = w[K] * 2 fc / fs
        w[k] = 0.42 - 0.5 cos (2 pi k / 2K) + 0.08 cos (4 pi k / 2K)

    Its transition runs from about 0.75 fc to 1.25 fc (Blackman: 5.5 fs / taps
    wide), its stop band lies more than 74 dB down. crossoverHz is limited to
    0.4 x sampleRate, so that the transition stays below the Nyquist frequency.

    Threading: a pure function; call it from any thread. */
[[nodiscard]] std::vector<double> crossoverLowPass (double crossoverHz, double sampleRate);

/** The low band of a signal: the signal convolved with `kernel` (odd
    length) and centred, numpy's "same" mode, so the symmetric kernel acts
    with zero phase. The high band is signal - low band: the two sum back to
    the signal (to rounding), with no comb and no delay between them.

    Threading: a pure function; call it from any thread. */
[[nodiscard]] std::vector<double> lowBandOf (std::span<const double> signal, std::span<const double> kernel);

} // namespace partita
