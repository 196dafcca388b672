// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <vector>

namespace partita
{

/** Half the length of the fractional-delay interpolator, in samples: a
    Kaiser-windowed sinc of 2 x 48 taps (beta 9) is flat and linear in phase
    to within 1e-4 up to 0.44 of the sample rate (21 kHz at 48 kHz). */
inline constexpr std::size_t fractionalDelayHalfTaps = 48;

/** The signal delayed by delaySamples (>= 0, any fraction), band-limited:
    a whole number of samples is an exact shift (zeros in front, the samples
    untouched); a fraction is interpolated by the windowed sinc, whose taps
    reach fractionalDelayHalfTaps samples either side. The interpolation runs
    offline over the whole signal, so every output sample from time 0 on is
    the band-limited delayed signal; only the interpolator's ringing before
    time 0 (which a signal that starts at full level at its first sample would
    have, delayed by less than the half-width) is left out. The result is
    longer by delaySamples when that is whole, else by floor (delaySamples)
    plus the half-width.

    Threading: a pure function; any thread. */
std::vector<double> delayedBy (const std::vector<double>& signal, double delaySamples);

} // namespace partita
