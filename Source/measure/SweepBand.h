// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace partita
{

/** The band an inverse filter passes: flat from lowHz to highHz, with
    raised-cosine skirts outside it (a third of an octave below, a sixth
    above, cut at Nyquist) so that the IR has no band-edge ringing while the
    sweep's whole range stays flat. */
struct SweepBand
{
    double lowHz = 0.0;
    double highHz = 0.0;
    double sampleRate = 0.0;

    /** 1 inside the band, 0 far outside, a raised cosine between. */
    [[nodiscard]] double weightAt (double frequencyHz) const noexcept;
};

} // namespace partita
