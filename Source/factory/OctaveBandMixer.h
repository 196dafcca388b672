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
    add up to exactly one: band 0 is L0, band b is H0 ... H(b-1) Lb and band 7
    is H0 ... H6, where Lk is an eighth-order Butterworth low-pass at the edge
    above band k run forwards and backwards (zero phase, magnitude
    1 / (1 + W^16), W the prewarped frequency over the edge's), and
    Hk = 1 - Lk (magnitude W^16 / (1 + W^16), the matching high-pass). So an impulse given to
    every band with the same gain comes out as that impulse, and a reflection
    whose gain differs per band (wall absorption) is filtered without any
    phase shift. At a band's centre its own filter passes 99 % of the power
    and each neighbour 0.4 %: decays of different rates in neighbouring
    bands stay apart, so each band's reverberation time is what a
    measurement in that octave finds (a second-order filter would leave 20 %
    to each neighbour, a fourth-order one 6 %, and a neighbour that decays
    more slowly would then lengthen the band's measured decay by 5 to 10 %).

    Evaluated inside out (Horner: acc = in7; acc = Lk (ink) + Hk (acc) for
    k = 6 ... 0), written as acc + Lk (ink - acc): one zero-phase low-pass
    (eight passes) per edge.

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
