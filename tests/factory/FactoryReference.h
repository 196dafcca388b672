// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

namespace partita::test
{

/** References for the factory generators' tests, written here in double
    precision without the generators' code. */

/** x through an octave band filter centred on centreHz: eighth-order
    Butterworth high-pass at centre / sqrt 2 and low-pass at centre * sqrt 2
    (each four second-order sections from the bilinear transform with
    K = tan (pi f / fs)), run forwards once: 24 dB down at the neighbouring
    bands' centres. */
std::vector<double> octaveBandFiltered (const std::vector<double>& x, double centreHz, double rate);

/** x through a second-order band-pass of the given Q (constant 0 dB peak),
    twice. */
std::vector<double> narrowBandFiltered (const std::vector<double>& x, double centreHz, double q, double rate);

/** |sum over n of h[n] e^(-j 2 pi f n / fs)|, the DFT at one frequency. */
double magnitudeAt (const std::vector<double>& h, double hz, double rate);

} // namespace partita::test
