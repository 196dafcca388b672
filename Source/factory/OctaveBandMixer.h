// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OctaveBands.h"

#include <cstddef>
#include <functional>
#include <vector>

namespace partita
{

/** Sums eight signals, each through its own octave band filter:
    out = sum over b of band_b (in_b). The band filters are zero-phase and
    add up to exactly one: band 0 is L0, band b is HP0 ... HP(b-1) Lb and band 7
    is HP0 ... HP6, where Lk and HPk are second-order Butterworth low- and
    high-passes at the edge above band k, each run forwards and backwards
    (magnitude squared, zero phase), and |L|^2 + |HP|^2 = 1 at every
    frequency. So an impulse given to every band with the same gain comes out
    as that impulse, and a reflection whose gain differs per band (wall
    absorption) is filtered without any phase shift.

    Evaluated inside out (Horner: acc = in7; acc = Lk (ink) + HPk (acc) for
    k = 6 ... 0), and since HPk = 1 - Lk, as acc + Lk (ink - acc): one
    zero-phase low-pass (two passes) per edge.

    Threading: a pure computation. */
class OctaveBandMixer
{
public:
    explicit OctaveBandMixer (double sampleRate);

    /** Writes band b's input into a zeroed buffer of `frames` samples. */
    using BandSource = std::function<void (std::size_t band, std::vector<double>& buffer)>;

    /** Asks for one band's input at a time (band 7 first), so that only two
        signals are held whatever the number of bands: long IRs stay quick to
        make. */
    [[nodiscard]] std::vector<double> mix (std::size_t frames, const BandSource& fillBand) const;

private:
    double rate;
};

} // namespace partita
